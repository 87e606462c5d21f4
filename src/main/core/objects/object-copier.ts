import { CopyObjectCommand, PutObjectAclCommand, type S3Client } from '@aws-sdk/client-s3';
import { AppError } from '../../../shared/errors';
import { getObjectAcl } from '../access/acl-reader';
import { planAclCopy, type AclCopyPlan } from '../access/acl-copy';
import type { JobAclState } from '../access/capabilities';
import { toAppError } from '../s3/s3-errors';
import { s3Limits } from '../s3/part-size';
import { copySourceOf, headersToKeep, headObject, storageAndEncryption, type ObjectHeaders } from './copy-source';
import { defaultCopyPartBytes } from './copy-parts';
import { multipartCopy } from './multipart-copy';

/** Tunables; tests shrink the threshold to exercise multipart copy with small objects. */
export interface CopyTuning {
  multipartThreshold: number;
  partBytes: number;
  partConcurrency: number;
}

export const defaultCopyTuning: CopyTuning = {
  multipartThreshold: s3Limits.maxSingleCopy,
  partBytes: defaultCopyPartBytes,
  partConcurrency: 4,
};

export interface CopyObjectRequest {
  bucket: string;
  sourceKey: string;
  /** May be `sourceKey` itself: S3 changes an object's headers only by copying it onto its own key. */
  destinationKey: string;
  endpoint: string;
  acl: JobAclState;
  tuning: CopyTuning;
  signal?: AbortSignal;
  /**
   * The version of the source to copy, by ETag: the copy fails unless the source still is that
   * one (a header edit passes the ETag the user saw). Default: the ETag read just before copying.
   */
  ifMatch?: string;
  /**
   * New headers instead of the source's: given every header, metadata entry, storage class and
   * encryption setting the source has, returns all the copy gets (S3 is told MetadataDirective:
   * REPLACE, so what is left out is dropped). Default: the copy keeps the source's. The ACL is
   * carried over either way.
   */
  replaceHeaders?: (kept: ObjectHeaders) => ObjectHeaders;
}

/**
 * Copies one object server-side keeping its headers, metadata, storage class, encryption and
 * ACL (or with `replaceHeaders`' headers), pinned to one version of the source, in one CopyObject
 * up to the multipart threshold and with multipart copy above it; then checks the copy (ETag, or
 * size where ETags cannot compare) before reporting success. Errors come out as AppErrors in the
 * user's words.
 */
export async function copyObject(client: S3Client, req: CopyObjectRequest): Promise<void> {
  const ctx = { bucket: req.bucket, key: req.sourceKey, endpoint: req.endpoint };
  try {
    const [head, aclPlan] = await Promise.all([headObject(client, req.bucket, req.sourceKey, req.signal), readAclPlan(client, req)]);
    // Checked here too: Ceph RGW 16.2 ignores x-amz-copy-source-if-match on CopyObject.
    if (req.ifMatch !== undefined && unquoted(req.ifMatch) !== unquoted(head.ETag ?? '')) {
      throw new AppError(
        'Conflict',
        `“${req.sourceKey}” changed since it was read, so nothing was changed. Look at it again, then retry.`,
        { key: req.sourceKey },
      );
    }
    const size = head.ContentLength ?? 0;
    const ifMatch = req.ifMatch ?? head.ETag;
    const canned = aclPlan.kind === 'canned' ? { ACL: aclPlan.acl } : {};
    const replaced = req.replaceHeaders?.(headersToKeep(head));
    let copiedEtag: string | undefined;
    if (size > req.tuning.multipartThreshold) {
      await multipartCopy(client, {
        bucket: req.bucket,
        sourceKey: req.sourceKey,
        destinationKey: req.destinationKey,
        size,
        ifMatch,
        headers: replaced ?? headersToKeep(head),
        ...(aclPlan.kind === 'canned' ? { cannedAcl: aclPlan.acl } : {}),
        partBytes: req.tuning.partBytes,
        concurrency: req.tuning.partConcurrency,
        ...(req.signal ? { signal: req.signal } : {}),
      });
    } else {
      const out = await client.send(
        new CopyObjectCommand({
          Bucket: req.bucket,
          Key: req.destinationKey,
          CopySource: copySourceOf(req.bucket, req.sourceKey),
          ...(replaced ? { MetadataDirective: 'REPLACE', ...replaced } : { MetadataDirective: 'COPY', ...storageAndEncryption(head) }),
          ...(ifMatch ? { CopySourceIfMatch: ifMatch } : {}),
          ...canned,
        }),
      );
      copiedEtag = out.CopyObjectResult?.ETag;
    }
    if (aclPlan.kind === 'explicit') {
      await client.send(
        new PutObjectAclCommand({
          Bucket: req.bucket,
          Key: req.destinationKey,
          AccessControlPolicy: { Owner: aclPlan.owner, Grants: aclPlan.grants },
        }),
      );
    }
    await verifyCopy(client, req, { size, etag: head.ETag }, copiedEtag);
  } catch (error) {
    throw toAppError(error, ctx);
  }
}

/** An ETag without the quotes S3 puts around it (callers may pass either form). */
const unquoted = (etag: string): string => etag.replace(/^"|"$/g, '');

/** The source's ACL as a plan for the copy; no ACL work when the bucket has ACLs off. */
async function readAclPlan(client: S3Client, req: CopyObjectRequest): Promise<AclCopyPlan> {
  if (!req.acl.enabled) return { kind: 'default' };
  try {
    const acl = await getObjectAcl(client, { bucket: req.bucket, key: req.sourceKey });
    return planAclCopy(acl.Owner, acl.Grants);
  } catch (error) {
    const appError = toAppError(error, { bucket: req.bucket, key: req.sourceKey, endpoint: req.endpoint });
    if (appError.code === 'AclsDisabled' || appError.details?.['name'] === 'NotImplemented') {
      req.acl.disable(appError.code === 'AclsDisabled');
      return { kind: 'default' };
    }
    if (appError.code === 'AccessDenied') {
      throw new AppError(
        'AccessDenied',
        'Not copied: these credentials may not read its ACL, so the copy could not keep who may see it (s3:GetObjectAcl).',
        { key: req.sourceKey },
      );
    }
    throw appError;
  }
}

/**
 * A single-part source and its copy share an ETag (both are the MD5 of the bytes); for
 * multipart sources or copies the ETags differ by design, so the sizes are compared instead.
 */
async function verifyCopy(
  client: S3Client,
  req: CopyObjectRequest,
  source: { size: number; etag: string | undefined },
  copiedEtag: string | undefined,
): Promise<void> {
  const comparable = source.etag && !source.etag.includes('-') && copiedEtag;
  if (comparable && copiedEtag === source.etag) return;
  const copy = await headObject(client, req.bucket, req.destinationKey);
  const sameSize = (copy.ContentLength ?? -1) === source.size;
  const sameEtag = !comparable || copy.ETag === source.etag;
  if (!sameSize || !sameEtag) {
    throw new AppError(
      'Internal',
      `The copy at “${req.destinationKey}” does not match the original (${sameSize ? 'content' : 'size'} differs), so the original was kept. Try again.`,
      { key: req.sourceKey },
    );
  }
}
