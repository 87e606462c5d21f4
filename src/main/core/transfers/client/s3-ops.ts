import {
  AbortMultipartUploadCommand,
  HeadObjectCommand,
  ListPartsCommand,
  type HeadObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { httpStatusOf } from './retry-policy';
import { withRetry } from './retry';
import type { RetryPolicy } from './retry-policy';
import { bareEtag } from '../queue/run-context';

interface Named {
  name?: string;
  Code?: string;
}

const nameOf = (error: unknown): string => (error as Named | undefined)?.name ?? (error as Named | undefined)?.Code ?? '';

/** 412: a conditional write found the key taken (If-None-Match: *), or an If-Match ETag changed. */
export const isPreconditionFailed = (error: unknown): boolean => nameOf(error) === 'PreconditionFailed' || httpStatusOf(error) === 412;

/** The bucket has ACLs disabled (Object Ownership: bucket owner enforced). */
export const isAclNotSupported = (error: unknown): boolean => nameOf(error) === 'AccessControlListNotSupported';

/** The multipart upload id is unknown: aborted, completed, or expired by a lifecycle rule. */
export const isNoSuchUpload = (error: unknown): boolean => nameOf(error) === 'NoSuchUpload';

export const isNotFound = (error: unknown): boolean =>
  nameOf(error) === 'NotFound' || nameOf(error) === 'NoSuchKey' || httpStatusOf(error) === 404;

export interface RemoteObject {
  size: number;
  etag: string;
  lastModified?: Date;
  /** SSE-KMS/SSE-C objects have ETags that are not the MD5 of their bytes. */
  encrypted: boolean;
  /** Present when asked for (checksum mode) and the object was stored with one. */
  checksumCrc32?: string;
}

/** HEAD with retries; null when the key does not exist. */
export async function headObject(
  client: S3Client,
  bucket: string,
  key: string,
  policy: RetryPolicy,
  signal: AbortSignal,
  withChecksum = false,
): Promise<RemoteObject | null> {
  try {
    const input = { Bucket: bucket, Key: key, ...(withChecksum ? { ChecksumMode: 'ENABLED' as const } : {}) };
    const out: HeadObjectCommandOutput = await withRetry(() => client.send(new HeadObjectCommand(input), { abortSignal: signal }), {
      policy,
      signal,
    });
    return {
      size: out.ContentLength ?? 0,
      etag: bareEtag(out.ETag),
      ...(out.LastModified ? { lastModified: out.LastModified } : {}),
      encrypted: out.ServerSideEncryption === 'aws:kms' || out.ServerSideEncryption === 'aws:kms:dsse' || Boolean(out.SSECustomerAlgorithm),
      ...(out.ChecksumCRC32 ? { checksumCrc32: out.ChecksumCRC32 } : {}),
    };
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

export interface ServerPart {
  partNumber: number;
  size: number;
  etag: string;
  checksumCrc32?: string;
}

/** Every part S3 holds for an upload (ListParts pages through 1,000 at a time). */
export async function listAllParts(
  client: S3Client,
  bucket: string,
  key: string,
  uploadId: string,
  policy: RetryPolicy,
  signal: AbortSignal,
): Promise<Map<number, ServerPart>> {
  const parts = new Map<number, ServerPart>();
  let marker: string | undefined;
  for (let page = 0; page < 20; page += 1) {
    const out = await withRetry(
      () =>
        client.send(
          new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId, ...(marker ? { PartNumberMarker: marker } : {}) }),
          { abortSignal: signal },
        ),
      { policy, signal },
    );
    for (const p of out.Parts ?? []) {
      if (p.PartNumber === undefined) continue;
      parts.set(p.PartNumber, {
        partNumber: p.PartNumber,
        size: p.Size ?? 0,
        etag: bareEtag(p.ETag),
        ...(p.ChecksumCRC32 ? { checksumCrc32: p.ChecksumCRC32 } : {}),
      });
    }
    if (!out.IsTruncated || !out.NextPartNumberMarker) break;
    marker = out.NextPartNumberMarker;
  }
  return parts;
}

/** Aborts a multipart upload so its parts stop costing storage; an unknown id counts as done. */
export async function abortUpload(
  client: S3Client,
  bucket: string,
  key: string,
  uploadId: string,
  policy: RetryPolicy,
  signal: AbortSignal,
): Promise<void> {
  try {
    await withRetry(
      () => client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }), { abortSignal: signal }),
      { policy, signal },
    );
  } catch (error) {
    if (!isNoSuchUpload(error) && !isNotFound(error)) throw error;
  }
}
