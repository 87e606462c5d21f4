import { HeadObjectCommand, type HeadObjectCommandOutput } from '@aws-sdk/client-s3';
import type { ObjectDetails, ObjectHeaders } from '../../../shared/model/object-details';
import { readAclSummary, type ObjectRef } from '../access/acl-reader';
import type { ResolvedConnection } from '../connections/connections-service';
import { publicObjectUrl } from '../s3/bucket-address';
import { rootOf } from '../../../shared/model/roots';
import { toAppError } from '../s3/s3-errors';

/** HeadObject and GetObjectAcl for one object, in parallel, for the inspector. */
export async function fetchObjectDetails(conn: ResolvedConnection, ref: ObjectRef): Promise<ObjectDetails> {
  const { record, client } = conn;
  const endpoint = record.endpoint ?? 'AWS';
  const [head, acl] = await Promise.all([
    client
      .send(new HeadObjectCommand({ Bucket: ref.bucket, Key: ref.key, ...(ref.versionId ? { VersionId: ref.versionId } : {}) }))
      .catch((error: unknown) => {
        throw toAppError(error, { bucket: ref.bucket, key: ref.key, endpoint });
      }),
    readAclSummary(client, ref, endpoint),
  ]);
  const publicUrl = await publicObjectUrl(conn, ref.bucket, ref.key);
  return {
    bucket: ref.bucket,
    key: ref.key,
    size: head.ContentLength ?? 0,
    ...(head.ContentType ? { contentType: head.ContentType } : {}),
    ...(head.ETag ? { etag: head.ETag } : {}),
    ...(head.LastModified ? { lastModified: head.LastModified.toISOString() } : {}),
    storageClass: head.StorageClass ?? 'STANDARD',
    // S3 reports "null" for objects written before versioning was turned on: not worth showing.
    ...(head.VersionId && head.VersionId !== 'null' ? { versionId: head.VersionId } : {}),
    metadata: { ...(head.Metadata ?? {}) },
    headers: headersOf(head),
    acl,
    underRoot: rootOf(ref.key, record.roots),
    ...(publicUrl ? { publicUrl } : {}),
  };
}

/** The standard headers an object carries, leaving out the ones it does not have. */
export function headersOf(head: HeadObjectCommandOutput): ObjectHeaders {
  const pick: [keyof ObjectHeaders, string | undefined][] = [
    ['cacheControl', head.CacheControl],
    ['contentDisposition', head.ContentDisposition],
    ['contentEncoding', head.ContentEncoding],
    ['contentLanguage', head.ContentLanguage],
    ['expires', head.ExpiresString],
    ['websiteRedirectLocation', head.WebsiteRedirectLocation],
    ['serverSideEncryption', head.ServerSideEncryption],
    ['sseKmsKeyId', head.SSEKMSKeyId],
  ];
  const out: ObjectHeaders = {};
  for (const [name, value] of pick) if (value) out[name] = value;
  return out;
}
