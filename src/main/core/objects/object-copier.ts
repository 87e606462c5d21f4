import { CopyObjectCommand, PutObjectAclCommand, type Grant, type Owner, type S3Client, type Tag } from '@aws-sdk/client-s3';
import { sameHeaders } from './header-compare';
import { tagsAfterHead, taggingHeader, writeTags } from './object-tags';
import { AppError } from '../../../shared/errors';
import { getObjectAcl } from '../access/acl-reader';
import { planAclCopy, type AclCopyPlan } from '../access/acl-copy';
import type { JobAclState } from '../access/capabilities';
import { toAppError } from '../s3/s3-errors';
import { s3Limits } from '../s3/part-size';
import { copySourceOf, headersToKeep, headObject, storageAndEncryption, type ObjectHeaders } from './copy-source';
import { defaultCopyPartBytes } from './copy-parts';
import { multipartCopy, type CopyWritten } from './multipart-copy';
import { grantHeadersOf } from './acl-grant-headers';
import type { UploadAcl } from '../../../shared/model/transfer';

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
  /** With `replaceHeaders` onto the same key: write nothing when the new headers are the ones it has. */
  skipUnchanged?: boolean;
  /**
   * Told what the source was just before anything is written (not when nothing will be): a bulk
   * edit journals it in its undo file first, from what the copy read anyway.
   */
  beforeWrite?: (source: CopySourceState) => void;
  /**
   * The ACL the copy gets instead of the source's (a copy into another root takes that root's
   * default): `public-read`, or `private`/`bucket-default` for the owner's grant only. The source's
   * ACL is still read (that is how a bucket without ACLs is found out); ignored where it has none.
   */
  aclOverride?: UploadAcl;
}

/** The source as the copy read it: its headers, ETag and (where the bucket takes ACLs) its grants. */
export interface CopySourceState {
  kept: ObjectHeaders;
  etag: string;
  acl?: { owner?: Owner; grants: Grant[] };
  /** The tags the copy puts back (a second request on servers that drop them on a copy). */
  tags: Tag[];
}

/** What a copy did: `copied` is false when `skipUnchanged` found nothing to change. */
export interface CopyOutcome extends CopyWritten {
  copied: boolean;
  /** The source had a version ID (its bucket keeps, or kept, versions). */
  sourceVersioned: boolean;
}

/**
 * Copies one object server-side keeping its headers, metadata, storage class, encryption and
 * ACL (or with `replaceHeaders`' headers), pinned to one version of the source, in one CopyObject
 * up to the multipart threshold and with multipart copy above it; then checks the copy (ETag, or
 * size where ETags cannot compare) before reporting success. Errors come out as AppErrors in the
 * user's words.
 */
export async function copyObject(client: S3Client, req: CopyObjectRequest): Promise<CopyOutcome> {
  const ctx = { bucket: req.bucket, key: req.sourceKey, endpoint: req.endpoint };
  try {
    // Tags are read, not left to TaggingDirective COPY (see below); after the HEAD, which says whether there are any.
    const headRead = headObject(client, req.bucket, req.sourceKey, req.signal);
    const [head, { plan: sourcePlan, acl }, tags] = await Promise.all([
      headRead,
      readAclPlan(client, req),
      headRead.then((h) => tagsAfterHead(client, req.bucket, req.sourceKey, h)),
    ]);
    const aclPlan = req.acl.enabled ? overriddenPlan(sourcePlan, req.aclOverride) : sourcePlan;
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
    // Explicit grants go with a single copy as x-amz-grant-* headers where they can (one request fewer per object).
    const grantHeaders = aclPlan.kind === 'explicit' && size <= req.tuning.multipartThreshold ? grantHeadersOf(aclPlan.grants) : null;
    const kept = headersToKeep(head);
    const sourceVersioned = head.VersionId !== undefined && head.VersionId !== 'null';
    const replaced = req.replaceHeaders?.(kept);
    if (replaced && req.skipUnchanged && req.sourceKey === req.destinationKey && sameHeaders(kept, replaced)) {
      return { copied: false, sourceVersioned, ...(head.ETag ? { etag: head.ETag } : {}) };
    }
    req.beforeWrite?.({ kept, etag: head.ETag ?? '', ...(acl ? { acl } : {}), tags });
    let written: CopyWritten;
    let copiedEtag: string | undefined;
    try {
      if (size > req.tuning.multipartThreshold) {
        written = await multipartCopy(client, {
          bucket: req.bucket,
          sourceKey: req.sourceKey,
          destinationKey: req.destinationKey,
          size,
          ifMatch,
          headers: replaced ?? kept,
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
            TaggingDirective: 'REPLACE',
            ...(tags.length > 0 ? { Tagging: taggingHeader(tags) } : {}),
            ...(ifMatch ? { CopySourceIfMatch: ifMatch } : {}),
            ...canned,
            ...grantHeaders,
          }),
        );
        copiedEtag = out.CopyObjectResult?.ETag;
        written = { ...(copiedEtag ? { etag: copiedEtag } : {}), ...(out.VersionId ? { versionId: out.VersionId } : {}) };
      }
      // Multipart copy carries no tags, and Ceph RGW 16.2 drops them on a copy onto the same key
      // whatever the TaggingDirective: so they are put back by hand.
      if (tags.length > 0) await writeTags(client, req.bucket, req.destinationKey, tags, written.versionId);
    } catch (error) {
      // Grant headers need s3:PutObjectAcl too (S3 checks it on the copy itself).
      const acl = grantHeaders ? ' (with s3:PutObjectAcl, to keep its ACL)' : '';
      throw deniedAs(error, ctx, `s3:PutObject on “${req.destinationKey}”${acl} and s3:GetObject on “${req.sourceKey}”`);
    }
    if (aclPlan.kind === 'explicit' && !grantHeaders) {
      await client
        .send(
          new PutObjectAclCommand({
            Bucket: req.bucket,
            Key: req.destinationKey,
            ...(written.versionId ? { VersionId: written.versionId } : {}),
            AccessControlPolicy: { Owner: aclPlan.owner, Grants: aclPlan.grants },
          }),
        )
        .catch((error: unknown) => {
          throw deniedAs(error, ctx, 's3:PutObjectAcl, needed to give the copy the same ACL');
        });
    }
    await verifyCopy(client, req, { size, etag: head.ETag }, copiedEtag);
    return { copied: true, sourceVersioned, ...written };
  } catch (error) {
    throw toAppError(error, ctx);
  }
}

/** The plan for an ACL the caller chose instead of the source's (on a bucket that takes ACLs). */
function overriddenPlan(sourcePlan: AclCopyPlan, override: UploadAcl | undefined): AclCopyPlan {
  if (override === undefined) return sourcePlan;
  if (override !== 'public-read') return { kind: 'default' };
  return { kind: 'canned', acl: 'public-read' };
}

/** An AccessDenied that names the permission the step needed; anything else as it is. */
function deniedAs(error: unknown, ctx: { bucket: string; key: string; endpoint: string }, permission: string): AppError {
  const appError = toAppError(error, ctx);
  if (appError.code !== 'AccessDenied') return appError;
  return new AppError('AccessDenied', `Not changed: these credentials lack ${permission}. Ask the bucket's administrator for it.`, {
    key: ctx.key,
    permission: permission.split(' ')[0],
  });
}

/** An ETag without the quotes S3 puts around it (callers may pass either form). */
const unquoted = (etag: string): string => etag.replace(/^"|"$/g, '');

/** The source's ACL as read, and as a plan for the copy; no ACL work when the bucket has ACLs off. */
async function readAclPlan(client: S3Client, req: CopyObjectRequest): Promise<{ plan: AclCopyPlan; acl?: CopySourceState['acl'] }> {
  if (!req.acl.enabled) return { plan: { kind: 'default' } };
  try {
    const acl = await getObjectAcl(client, { bucket: req.bucket, key: req.sourceKey });
    return { plan: planAclCopy(acl.Owner, acl.Grants), acl: { ...(acl.Owner ? { owner: acl.Owner } : {}), grants: acl.Grants ?? [] } };
  } catch (error) {
    const appError = toAppError(error, { bucket: req.bucket, key: req.sourceKey, endpoint: req.endpoint });
    if (appError.code === 'AclsDisabled' || appError.details?.['name'] === 'NotImplemented') {
      req.acl.disable(appError.code === 'AclsDisabled');
      return { plan: { kind: 'default' } };
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
  // Compared without quotes: Ceph RGW 16.2 answers a CopyObject with the ETag bare while HEAD
  // quotes it, and compared as they came every copy cost a second HEAD its answer made needless.
  const sourceEtag = source.etag && !source.etag.includes('-') ? unquoted(source.etag) : undefined;
  const comparable = sourceEtag !== undefined && copiedEtag !== undefined;
  if (comparable && unquoted(copiedEtag) === sourceEtag) return;
  const copy = await headObject(client, req.bucket, req.destinationKey);
  const sameSize = (copy.ContentLength ?? -1) === source.size;
  const sameEtag = !comparable || unquoted(copy.ETag ?? '') === sourceEtag;
  if (!sameSize || !sameEtag) {
    throw new AppError(
      'Internal',
      `The copy at “${req.destinationKey}” does not match the original (${sameSize ? 'content' : 'size'} differs), so the original was kept. Try again.`,
      { key: req.sourceKey },
    );
  }
}
