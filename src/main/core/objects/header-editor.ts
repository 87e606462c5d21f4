import type { S3Client } from '@aws-sdk/client-s3';
import type { HeaderEditResult, HeaderPatch } from '../../../shared/model/object-edit';
import type { JobAclState } from '../access/capabilities';
import { headObject } from './copy-source';
import { applyHeaderPatch } from './header-patch';
import { copyObject, type CopyObjectRequest, type CopyTuning } from './object-copier';

export interface HeaderEditRequest {
  bucket: string;
  key: string;
  /** The ETag the user saw: the edit fails with Conflict if the object changed since. Bulk edits pin the ETag just read. */
  ifMatch?: string;
  patch: HeaderPatch;
  endpoint: string;
  acl: JobAclState;
  tuning: CopyTuning;
  signal?: AbortSignal;
  /** See `CopyObjectRequest.beforeWrite`: what the object was, told only when it is about to change. */
  beforeWrite?: CopyObjectRequest['beforeWrite'];
}

/**
 * Saves new headers on one object: a copy onto its own key with MetadataDirective REPLACE that
 * re-sends everything the patch leaves alone (headers, metadata, storage class, encryption, lock
 * settings; tags by TaggingDirective COPY; the ACL grant for grant), pinned to the ETag the user
 * saw, multipart above 5 GiB. An object that already has the values is not written.
 */
export async function editObjectHeaders(client: S3Client, req: HeaderEditRequest): Promise<HeaderEditResult> {
  const outcome = await copyObject(client, {
    bucket: req.bucket,
    sourceKey: req.key,
    destinationKey: req.key,
    endpoint: req.endpoint,
    acl: req.acl,
    tuning: req.tuning,
    ...(req.ifMatch !== undefined ? { ifMatch: req.ifMatch } : {}),
    ...(req.beforeWrite ? { beforeWrite: req.beforeWrite } : {}),
    replaceHeaders: (kept) => applyHeaderPatch(kept, req.patch),
    skipUnchanged: true,
    ...(req.signal ? { signal: req.signal } : {}),
  });
  const newVersionId = outcome.copied
    ? (outcome.versionId ?? (outcome.sourceVersioned ? await currentVersion(client, req) : undefined))
    : undefined;
  return {
    key: req.key,
    changed: outcome.copied,
    ...(outcome.etag ? { etag: outcome.etag } : {}),
    // "null" is the version of an unversioned bucket's object: no new version to speak of.
    ...(newVersionId && newVersionId !== 'null' ? { newVersionId } : {}),
  };
}

/** The key's current version: Ceph RGW 16.2 does not say which version a CopyObject wrote. */
async function currentVersion(client: S3Client, req: HeaderEditRequest): Promise<string | undefined> {
  return (await headObject(client, req.bucket, req.key, req.signal)).VersionId;
}
