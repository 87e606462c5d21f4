import type { S3Client } from '@aws-sdk/client-s3';
import type { BulkChange, BulkDryRun, BulkScope } from '../../../../shared/model/bulk-edit';
import { forEachConcurrent } from '../../../../shared/concurrency';
import { toAppError } from '../../s3/s3-errors';
import { previewBulkChange } from './bulk-object';
import { walkScope } from './bulk-scope';

/** Objects a dry run reads at most: past this it says its counts are of the first ones. */
export const maxDryRunObjects = 20_000;
const sampleSize = 10;
const maxUnreadable = 20;

export interface DryRunRequest {
  client: S3Client;
  bucket: string;
  endpoint: string;
  scope: BulkScope;
  change: BulkChange;
  /** Whether grants are read for the diff (the bucket takes ACLs). */
  readAcl: boolean;
  onAclsDisabled: () => void;
  concurrency: number;
  signal?: AbortSignal;
}

/**
 * Reads every object of the scope (HEAD, and the ACL where it matters) in parallel, writes
 * nothing, and counts which would change and which already have the values; the first objects
 * that would change (in key order) come with their before and after.
 */
export async function dryRunBulkChange(req: DryRunRequest): Promise<BulkDryRun> {
  const keys: string[] = [];
  let truncated = false;
  for await (const page of walkScope(req.client, req.bucket, req.scope, undefined, req.signal)) {
    keys.push(...page.map((item) => item.key));
    if (keys.length > maxDryRunObjects) {
      truncated = true;
      keys.length = maxDryRunObjects;
      break;
    }
  }
  const changes: (BulkDryRun['sample'][number] & { index: number })[] = [];
  const unreadable: BulkDryRun['unreadable'] = [];
  let change = 0;
  let skip = 0;
  const env = { client: req.client, bucket: req.bucket, endpoint: req.endpoint, onAclsDisabled: req.onAclsDisabled, readAcl: req.readAcl };
  await forEachConcurrent(
    keys.entries(),
    req.concurrency,
    async ([index, key]) => {
      try {
        const preview = await previewBulkChange(env, key, req.change);
        if (!preview.changes) {
          skip += 1;
          return;
        }
        change += 1;
        changes.push({ index, key, before: preview.before, after: preview.after });
        // Keep only the first few by key order: drop the last once over.
        if (changes.length > sampleSize) {
          changes.sort((a, b) => a.index - b.index);
          changes.length = sampleSize;
        }
      } catch (error) {
        const appError = toAppError(error, { bucket: req.bucket, key, endpoint: req.endpoint });
        // A bucket without ACLs fails every object alike: said once, by the caller.
        if (appError.code === 'AclsDisabled') throw appError;
        if (unreadable.length < maxUnreadable) unreadable.push({ key, code: appError.code, message: appError.message });
      }
    },
    req.signal,
  );
  changes.sort((a, b) => a.index - b.index);
  return {
    total: keys.length,
    change,
    skip,
    unreadable,
    sample: changes.map(({ key, before, after }) => ({ key, before, after })),
    truncated,
  };
}
