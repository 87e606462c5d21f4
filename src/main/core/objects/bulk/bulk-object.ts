import type { S3Client, Tag } from '@aws-sdk/client-s3';
import type { BulkChange, BulkObjectState, UndoEntry } from '../../../../shared/model/bulk-edit';
import type { AclGrant } from '../../../../shared/model/object-edit';
import { fromSdkGrant } from '../../access/acl-grants';
import { readObjectAclView, writeObjectAcl, type ObjectAclView } from '../../access/acl-writer';
import type { JobAclState } from '../../access/capabilities';
import { toAppError } from '../../s3/s3-errors';
import { headersToKeep, headObject } from '../copy-source';
import { sameHeaders } from '../header-compare';
import { editObjectHeaders } from '../header-editor';
import { applyHeaderPatch, editableHeaders } from '../header-patch';
import type { CopySourceState, CopyTuning } from '../object-copier';
import { readTags, writeTags } from '../object-tags';
import { aclAtTarget, grantsAfter, sameGrants } from './acl-target';

/** What every object of one bulk job is edited with. */
export interface BulkObjectEnv {
  client: S3Client;
  bucket: string;
  endpoint: string;
  /** Shared by the job's objects: once the bucket says it has no ACLs, the rest stop asking. */
  acl: JobAclState;
  tuning: CopyTuning;
  onAclsDisabled: () => void;
  /** Journals an object's state before it is changed (the undo file). */
  record: (entry: UndoEntry) => void;
  /**
   * What an earlier run of this job journaled for an object before it was killed: a copy that
   * reached S3 but whose ACL step did not (explicit grants are a second request) is repaired from it.
   */
  journaledBefore?: (key: string) => UndoEntry | undefined;
  /** An undo: the tags each object had before the job it undoes (its copies keep the current ones). */
  restoreTagsOf?: (key: string) => UndoEntry['tags'];
  signal?: AbortSignal;
}

const grantsOf = (view: Pick<ObjectAclView, 'grants'>): AclGrant[] => view.grants;

/** The undo line of an object, from what the single-object editor's copy read of it. */
function entryFromCopy(key: string, source: CopySourceState): UndoEntry {
  const grants = source.acl?.grants.map(fromSdkGrant).filter((g): g is AclGrant => g !== null);
  return { key, etag: source.etag, headers: editableHeaders(source.kept), ...(grants ? { grants } : {}), tags: tagPairs(source.tags) };
}

/**
 * Applies a bulk change to one object with the single-object editors' code: the header patch as
 * the header editor saves it (a copy onto itself that re-sends everything else, pinned to the
 * ETag it read, not written when the object already has the values), then the ACL as the ACL
 * editor writes it (not written when the object already has it). The object's state is
 * journaled once, before its first write. Returns whether anything was written.
 */
export async function applyBulkChange(env: BulkObjectEnv, key: string, change: BulkChange): Promise<'changed' | 'skipped'> {
  // An object: the header step's callback sets it, which flow analysis would not see on a plain boolean.
  const journaled = { done: false };
  const record = (entry: UndoEntry) => {
    if (journaled.done) return;
    journaled.done = true;
    env.record(entry);
  };
  let changed = false;
  if (change.headers) {
    const result = await editObjectHeaders(env.client, {
      bucket: env.bucket,
      key,
      patch: change.headers,
      endpoint: env.endpoint,
      acl: env.acl,
      tuning: env.tuning,
      beforeWrite: (source) => record(entryFromCopy(key, source)),
      ...(env.signal ? { signal: env.signal } : {}),
    });
    changed = result.changed;
    if (!changed) await repairInterruptedTags(env, key);
    if (!changed && !change.acl) await repairInterruptedAcl(env, key);
  }
  if (change.acl) {
    const target = { bucket: env.bucket, key, endpoint: env.endpoint, onAclsDisabled: env.onAclsDisabled };
    const current = await readObjectAclView(env.client, target);
    if (!aclAtTarget(grantsOf(current), current.owner?.id, change.acl)) {
      if (!journaled.done) {
        const head = await headObject(env.client, env.bucket, key, env.signal).catch((error: unknown) => {
          throw toAppError(error, target);
        });
        record({ key, etag: head.ETag ?? '', headers: editableHeaders(headersToKeep(head)), grants: current.grants });
      }
      await writeObjectAcl(env.client, target, change.acl);
      changed = true;
    }
  }
  const restore = env.restoreTagsOf?.(key);
  if (restore && (await putTagsBack(env, key, restore))) changed = true;
  return changed ? 'changed' : 'skipped';
}

/**
 * An object an earlier run was killed in the middle of: its copy may have landed (so its headers
 * are at the target and it is skipped) with its tags still to be put back (a second request on
 * servers that drop them on a copy, as Ceph RGW does). Where they differ from those journaled
 * before the write, they are put back.
 */
async function repairInterruptedTags(env: BulkObjectEnv, key: string): Promise<void> {
  const tags = env.journaledBefore?.(key)?.tags;
  if (tags) await putTagsBack(env, key, tags);
}

type TagPair = { key: string; value: string };

/** Tags as the undo file keeps them. */
const tagPairs = (tags: readonly Tag[]): TagPair[] => tags.map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }));
/** The same tags, in any order. */
const tagsText = (tags: readonly TagPair[]) => JSON.stringify(tags.map((t) => [t.key, t.value]).sort());

/** Sets the object's tags to `tags` unless it has exactly those; says whether it wrote. */
async function putTagsBack(env: BulkObjectEnv, key: string, tags: readonly TagPair[]): Promise<boolean> {
  const current = tagPairs(await readTags(env.client, env.bucket, key));
  if (tagsText(current) === tagsText(tags)) return false;
  await writeTags(
    env.client,
    env.bucket,
    key,
    tags.map((t) => ({ Key: t.key, Value: t.value })),
  );
  return true;
}

/**
 * An object an earlier run was killed in the middle of: its copy may have landed (so its headers
 * are at the target and it is skipped) with the ACL its explicit grants were to be put back with
 * still missing. Where the grants differ from those journaled before the write, they are put back.
 */
async function repairInterruptedAcl(env: BulkObjectEnv, key: string): Promise<void> {
  const entry = env.journaledBefore?.(key);
  if (!entry?.grants || !env.acl.enabled) return;
  const target = { bucket: env.bucket, key, endpoint: env.endpoint, onAclsDisabled: env.onAclsDisabled };
  const current = await readObjectAclView(env.client, target);
  if (!sameGrants(current.grants, entry.grants)) await writeObjectAcl(env.client, target, { kind: 'grants', grants: entry.grants });
}

/** A dry run's look at one object: what it is, what it would become, and whether that is a change. */
export async function previewBulkChange(
  env: Pick<BulkObjectEnv, 'client' | 'bucket' | 'endpoint' | 'onAclsDisabled' | 'signal'> & { readAcl: boolean },
  key: string,
  change: BulkChange,
): Promise<{ changes: boolean; before: BulkObjectState; after: BulkObjectState }> {
  const target = { bucket: env.bucket, key, endpoint: env.endpoint, onAclsDisabled: env.onAclsDisabled };
  const [head, acl] = await Promise.all([
    headObject(env.client, env.bucket, key, env.signal).catch((error: unknown) => {
      throw toAppError(error, target);
    }),
    env.readAcl || change.acl ? readObjectAclView(env.client, target) : undefined,
  ]);
  const kept = headersToKeep(head);
  const patched = change.headers ? applyHeaderPatch(kept, change.headers) : kept;
  const headersChange = !sameHeaders(kept, patched);
  const aclChange = change.acl !== undefined && acl !== undefined && !aclAtTarget(acl.grants, acl.owner?.id, change.acl);
  const grantsBefore = acl ? { grants: acl.grants } : {};
  const targetGrants = change.acl && acl ? grantsAfter(change.acl, acl.owner?.id) : null;
  return {
    changes: headersChange || aclChange,
    before: { headers: editableHeaders(kept), ...grantsBefore },
    after: { headers: editableHeaders(patched), ...(targetGrants ? { grants: targetGrants } : grantsBefore) },
  };
}
