import { AppError } from '../../../../shared/errors';
import { firstFreeName } from '../plan/conflict-names';
import { isAclNotSupported } from '../client/s3-ops';
import type { RunContext } from '../queue/run-context';
import type { TransferItem, UploadSpec } from '../queue/transfer-item';

/** Told once per item when its ACL was dropped because the bucket has ACLs disabled. */
export const aclDroppedNotice =
  'No ACL was set: this bucket has ACLs disabled, so whether the file is public is decided by the bucket policy or the CDN.';

/** An upload's object headers, as SDK command input (PutObject, CreateMultipartUpload). */
export interface ObjectHeaders {
  ContentType: string;
  CacheControl?: string;
  ACL?: Exclude<UploadSpec['acl'], 'bucket-default'>;
}

/** The object headers an upload sends (ACL only when wanted and the bucket takes ACLs). */
export function objectHeaders(spec: UploadSpec, withAcl: boolean): ObjectHeaders {
  return {
    ContentType: spec.contentType,
    ...(spec.cacheControl ? { CacheControl: spec.cacheControl } : {}),
    ...(withAcl && spec.acl !== 'bucket-default' ? { ACL: spec.acl } : {}),
  };
}

/**
 * Sends with the ACL the item asks for; if the bucket answers AccessControlListNotSupported,
 * remembers that for the bucket, notes it on the item and sends again without an ACL.
 */
export async function withAclFallback<T>(
  item: TransferItem,
  spec: UploadSpec,
  ctx: RunContext,
  send: (withAcl: boolean) => Promise<T>,
): Promise<T> {
  const wantAcl = spec.acl !== 'bucket-default' && ctx.capabilities.aclSupport(item.connectionId, item.bucket) !== 'disabled';
  if (spec.acl !== 'bucket-default' && !wantAcl) noteAclDropped(item, ctx);
  try {
    const out = await send(wantAcl);
    if (wantAcl) ctx.capabilities.setAclSupport(item.connectionId, item.bucket, 'supported');
    return out;
  } catch (error) {
    if (!wantAcl || !isAclNotSupported(error)) throw error;
    ctx.capabilities.setAclSupport(item.connectionId, item.bucket, 'disabled');
    noteAclDropped(item, ctx);
    return send(false);
  }
}

function noteAclDropped(item: TransferItem, ctx: RunContext): void {
  if (item.notice === aclDroppedNotice) return;
  item.notice = item.notice ? `${item.notice} ${aclDroppedNotice}` : aclDroppedNotice;
  ctx.touch(item);
}

/** The error for a key someone else took after the plan was made. */
export function conflictError(item: TransferItem): AppError {
  return new AppError(
    'Conflict',
    `“${item.key}” already exists in the bucket: it was created after this upload was planned. Choose Overwrite or Keep both, then retry.`,
    { key: item.key },
  );
}

/** Moves a keep-both item to the next free numbered key (`name (1).ext`, …) and journals it. */
export async function renumber(item: TransferItem, ctx: RunContext, taken: (key: string) => Promise<boolean>): Promise<void> {
  const known = new Set<string>([item.key]);
  let candidate = firstFreeName(item.key, (k) => known.has(k));
  while (await taken(candidate)) {
    known.add(candidate);
    candidate = firstFreeName(item.key, (k) => known.has(k));
  }
  item.key = candidate;
  ctx.journal.saveTarget(item);
  ctx.touch(item);
}
