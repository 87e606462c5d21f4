import { forEachConcurrent } from '../../../../shared/concurrency';
import { AppError } from '../../../../shared/errors';
import type { ResolvedConnection } from '../../connections/connections-service';
import type { JobContext } from '../../jobs/job-runner';
import { WorkQueue } from '../../jobs/work-queue';
import { headObject } from '../../objects/copy-source';
import { copyObject, type CopyTuning } from '../../objects/object-copier';
import type { ObjectHeaders } from '../../objects/copy-source';
import { copyDefaultsFor } from '../../../../shared/model/copy-defaults';
import type { Roots } from '../../../../shared/model/roots';
import type { UploadDefaultsSettings } from '../../../../shared/model/transfer';
import type { JobAclState } from '../../access/capabilities';
import { toAppError } from '../../s3/s3-errors';
import { deleteBatch, deleteBatchSize } from '../batch-delete';
import { isFolderKey } from '../../../../shared/model/keys';
import { walkObjects } from '../object-walker';
import { targetKeyFor } from '../selection';
import type { CheckedCopyMove } from './copy-move-plan';

export interface CopyMoveRequest {
  bucket: string;
  /** The items, checked so that no two objects land on one key and none lands on a source. */
  plan: CheckedCopyMove;
  mode: 'copy' | 'move';
  overwrite: boolean;
  /** Whether the copies read and keep object ACLs; shared by the job's copies. */
  acl: JobAclState;
  /**
   * The connection's roots and per-root defaults: a copy into another root takes that root's ACL
   * and Cache-Control. Absent for a rename, which keeps everything: renaming the `public/` folder
   * itself must not quietly take a site's files private.
   */
  rootDefaults?: { roots: Roots; defaults: UploadDefaultsSettings };
}

interface CopyTask {
  source: string;
  destination: string;
}

/** Errors that concern the whole job, not one object: going on would fail every item the same way. */
const jobWide = new Set([
  'EndpointUnreachable',
  'TlsError',
  'NoSuchBucket',
  'WrongAccessKey',
  'WrongSecret',
  'CredentialsExpired',
  'CredentialsUnavailable',
  'ClockSkew',
  'WrongRegion',
  'Offline',
]);
const copyConcurrency = 8;

/**
 * Copies (or moves) the picked items server-side, each keeping its headers, metadata and ACL, except
 * that one landing in another root (`public/` ↔ `private/` ↔ the rest) takes that root's default
 * ACL and Cache-Control, as an upload there would. Folders are listed and copied object by object
 * while the listing goes on; an object that already exists at its destination is reported as a
 * Conflict and left alone unless `overwrite`. A move deletes each original only after its copy
 * was verified, in DeleteObjects batches, also when cancelled, so nothing is left twice. The plan
 * guarantees that no other step of the job writes a key a move deletes, or reads a key it writes.
 */
export async function runCopyMove(
  { record, client }: ResolvedConnection,
  req: CopyMoveRequest,
  tuning: CopyTuning,
  ctx: JobContext,
): Promise<void> {
  const endpoint = record.endpoint ?? 'AWS';
  const queue = new WorkQueue<CopyTask>();
  const existing = new Set<string>();
  const stop = new AbortController();
  const signal = AbortSignal.any([ctx.signal, stop.signal]);
  const producer = (async () => {
    for (const item of req.plan.items) {
      if (!isFolderKey(item.itemKey)) {
        if (!req.overwrite && (await exists(client, req.bucket, item.targetKey, signal))) existing.add(item.targetKey);
        queue.push([{ source: item.itemKey, destination: item.targetKey }]);
        continue;
      }
      if (!req.overwrite) {
        for await (const page of walkObjects(client, req.bucket, item.targetKey, signal)) for (const o of page) existing.add(o.key);
      }
      const toTask = (o: { key: string }) => ({ source: o.key, destination: targetKeyFor(o.key, item) });
      // A folder listed for the clash check is copied as checked, not listed again.
      const listed = req.plan.listed.get(item.itemKey);
      if (listed) queue.push(listed.map(toTask));
      else for await (const page of walkObjects(client, req.bucket, item.itemKey, signal)) queue.push(page.map(toTask));
    }
    queue.close();
  })().catch((error: unknown) => queue.fail(toAppError(error, { bucket: req.bucket, endpoint })));

  const copied: string[] = [];
  const flushDeletes = async (all: boolean) => {
    while (copied.length >= (all ? 1 : deleteBatchSize)) {
      const batch = copied.splice(0, deleteBatchSize);
      const result = await deleteBatch(client, req.bucket, batch).catch((error: unknown) => {
        const appError = toAppError(error, { bucket: req.bucket, endpoint });
        return { deleted: 0, failed: batch.map((key) => ({ key, error: appError })) };
      });
      const failedKeys = new Set(result.failed.map((f) => f.key));
      ctx.tally.succeeded(batch.filter((k) => !failedKeys.has(k)).length);
      for (const f of result.failed) {
        ctx.tally.failed(f.key, new AppError(f.error.code, `Copied, but the original could not be removed: ${f.error.message}`));
      }
    }
  };

  const progress = () => ctx.progress(queue.isClosed ? queue.pushed : undefined, ctx.tally.done + ctx.tally.failedTotal + copied.length);
  const copyOne = async (task: CopyTask) => {
    if (existing.has(task.destination)) {
      ctx.tally.failed(
        task.source,
        new AppError(
          'Conflict',
          `Not ${req.mode === 'move' ? 'moved' : 'copied'}: “${task.destination}” already exists. Choose “overwrite” to replace it.`,
        ),
      );
    } else {
      try {
        const into = req.rootDefaults
          ? copyDefaultsFor(task.source, task.destination, req.rootDefaults.roots, req.rootDefaults.defaults)
          : null;
        const cacheControl = into?.cacheControl;
        await copyObject(client, {
          bucket: req.bucket,
          sourceKey: task.source,
          destinationKey: task.destination,
          endpoint,
          acl: req.acl,
          tuning,
          signal: ctx.signal,
          ...(into ? { aclOverride: into.acl } : {}),
          ...(cacheControl ? { replaceHeaders: (kept: ObjectHeaders) => ({ ...kept, CacheControl: cacheControl }) } : {}),
        });
        if (req.mode === 'copy') ctx.tally.succeeded();
        else copied.push(task.source);
      } catch (error) {
        if (ctx.signal.aborted) return;
        const appError = toAppError(error, { bucket: req.bucket, key: task.source, endpoint });
        if (jobWide.has(appError.code)) {
          stop.abort();
          throw appError;
        }
        ctx.tally.failed(task.source, appError);
      }
    }
    if (req.mode === 'move') await flushDeletes(false);
    progress();
  };
  // The first job-wide failure stops every copy and the lister; verified copies still lose
  // their originals below, so a move never leaves an object in both places.
  const fatal = await forEachConcurrent(queue, copyConcurrency, copyOne, ctx.signal).then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
  );
  stop.abort();
  await producer;
  if (req.mode === 'move') await flushDeletes(true);
  progress();
  if (fatal !== undefined && !ctx.signal.aborted) throw fatal;
}

/** True when an object is at `key` (404 means free; other errors are thrown). */
async function exists(client: ResolvedConnection['client'], bucket: string, key: string, signal: AbortSignal): Promise<boolean> {
  try {
    await headObject(client, bucket, key, signal);
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}
