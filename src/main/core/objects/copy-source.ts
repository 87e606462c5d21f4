import { HeadObjectCommand, type CopyObjectCommandInput, type HeadObjectCommandOutput, type S3Client } from '@aws-sdk/client-s3';
import { encodeKeyPath } from '../../../shared/model/keys';

/** The `x-amz-copy-source` value: bucket and key, the key percent-encoded segment by segment. */
export function copySourceOf(bucket: string, key: string, versionId?: string): string {
  return `${bucket}/${encodeKeyPath(key)}${versionId ? `?versionId=${encodeURIComponent(versionId)}` : ''}`;
}

/** The headers, user metadata, storage class and encryption an object carries, as S3's write commands take them. */
export type ObjectHeaders = Pick<
  CopyObjectCommandInput,
  | 'ContentType'
  | 'CacheControl'
  | 'ContentDisposition'
  | 'ContentEncoding'
  | 'ContentLanguage'
  | 'Expires'
  | 'WebsiteRedirectLocation'
  | 'Metadata'
  | 'StorageClass'
  | 'ServerSideEncryption'
  | 'SSEKMSKeyId'
  | 'ObjectLockMode'
  | 'ObjectLockRetainUntilDate'
  | 'ObjectLockLegalHoldStatus'
>;

/** What a copy must carry over by hand when S3 does not (multipart copy, or a REPLACE). */
export function headersToKeep(head: HeadObjectCommandOutput): ObjectHeaders {
  return {
    ...(head.ContentType ? { ContentType: head.ContentType } : {}),
    ...(head.CacheControl ? { CacheControl: head.CacheControl } : {}),
    ...(head.ContentDisposition ? { ContentDisposition: head.ContentDisposition } : {}),
    ...(head.ContentEncoding ? { ContentEncoding: head.ContentEncoding } : {}),
    ...(head.ContentLanguage ? { ContentLanguage: head.ContentLanguage } : {}),
    ...expiresOf(head),
    ...(head.WebsiteRedirectLocation ? { WebsiteRedirectLocation: head.WebsiteRedirectLocation } : {}),
    ...(head.Metadata && Object.keys(head.Metadata).length > 0 ? { Metadata: head.Metadata } : {}),
    ...storageAndEncryption(head),
  };
}

/** The Expires header as a date (the SDK keeps the server's text in ExpiresString). */
function expiresOf(head: HeadObjectCommandOutput): { Expires?: Date } {
  const date = head.ExpiresString ? new Date(head.ExpiresString) : undefined;
  return date && !Number.isNaN(date.getTime()) ? { Expires: date } : {};
}

/**
 * Storage class, server-side encryption and object lock settings, which even a COPY directive
 * does not keep (a copy is a new object: it gets the bucket's defaults unless told otherwise).
 */
export function storageAndEncryption(head: HeadObjectCommandOutput): ObjectHeaders {
  return {
    ...(head.StorageClass && head.StorageClass !== 'STANDARD' ? { StorageClass: head.StorageClass } : {}),
    ...(head.ServerSideEncryption ? { ServerSideEncryption: head.ServerSideEncryption } : {}),
    ...(head.SSEKMSKeyId ? { SSEKMSKeyId: head.SSEKMSKeyId } : {}),
    ...(head.ObjectLockMode ? { ObjectLockMode: head.ObjectLockMode } : {}),
    ...(head.ObjectLockRetainUntilDate ? { ObjectLockRetainUntilDate: head.ObjectLockRetainUntilDate } : {}),
    ...(head.ObjectLockLegalHoldStatus ? { ObjectLockLegalHoldStatus: head.ObjectLockLegalHoldStatus } : {}),
  };
}

/** HeadObject (SDK errors thrown as they are). */
export function headObject(client: S3Client, bucket: string, key: string, signal?: AbortSignal): Promise<HeadObjectCommandOutput> {
  return client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), signal ? { abortSignal: signal } : {});
}
