import { existsSync } from 'node:fs';
import type { S3Client } from '@aws-sdk/client-s3';
import { join } from 'node:path';
import { z } from 'zod';
import {
  bulkChangeSchema,
  bulkScopeSchema,
  type BulkChange,
  type BulkScope,
  type BulkDryRun,
  type BulkStarted,
  type BulkStatus,
} from '../../../../shared/model/bulk-edit';
import { AppError } from '../../../../shared/errors';
import { forEachConcurrent } from '../../../../shared/concurrency';
import { readObjectAclView, aclsDisabledError } from '../../access/acl-writer';
import { jobAclState, type BucketCapabilities } from '../../access/capabilities';
import type { ConnectionsService } from '../../connections/connections-service';
import type { CheckpointedContext, CheckpointedKind } from '../../jobs/checkpointed-job';
import type { JobService } from '../../jobs/job-service';
import { WorkQueue } from '../../jobs/work-queue';
import { toAppError } from '../../s3/s3-errors';
import { restorePatch } from '../header-patch';
import { defaultCopyTuning, type CopyTuning } from '../object-copier';
import { bulkJobClient } from './bulk-client';
import { dryRunBulkChange } from './bulk-dry-run';
import { applyBulkChange, type BulkObjectEnv } from './bulk-object';
import { walkScope, type ScopePosition } from './bulk-scope';
import { DoneWatermark } from './done-watermark';
import { retryTransient } from './transient-retry';
import { readUndoEntries, readUndoMeta, UndoJournal } from './undo-journal';
import { headersToKeep, headObject } from '../copy-source';
import { editableHeaders } from '../header-patch';

/** The journal name of a bulk edit (or of an undo, which is one with per-object targets). */
export const bulkKindName = 'objects:bulkEdit';

/** Copies in flight per job: RGW and S3 serve far more; more than this buys little on one connection pool. */
export const defaultBulkConcurrency = 32;

const bulkInput = z.object({
  connectionId: z.string(),
  bucket: z.string(),
  scope: bulkScopeSchema,
  change: bulkChangeSchema.optional(),
  /** Set for an undo: the job whose undo file is put back. */
  undoOf: z.string().optional(),
});
type BulkInput = z.output<typeof bulkInput>;

const positionSchema = z.object({ source: z.number().int().min(0), after: z.string().optional() });
const bulkState = z.object({
  position: positionSchema.optional(),
  changed: z.number().int().min(0),
  skipped: z.number().int().min(0),
});
type BulkState = z.output<typeof bulkState>;

export interface BulkEditDeps {
  connections: ConnectionsService;
  capabilities: BucketCapabilities;
  jobs: JobService;
  /** The app's data folder: undo files live in its `bulk-undo/`. */
  dataDir: string;
  concurrency?: number;
  tuning?: CopyTuning;
}

type ItemResult = { kind: 'changed' | 'skipped' } | { kind: 'failed'; key: string; error: AppError };

/**
 * Bulk header and ACL edits as a checkpointed job (`objects:bulkEdit`): objects are walked in key
 * order, edited in parallel (bounded, with retries) by the single-object editors' code, and the
 * checkpoint is the point before which every object is done, so a resumed job redoes at most the
 * objects in flight — which are then already at their target and skipped, never written twice.
 * Each job keeps an undo file; an undo is the same job with each object's previous state as its target.
 */
export class BulkEditService {
  private readonly kind: CheckpointedKind<BulkInput, BulkState>;
  private readonly status = new Map<string, BulkStatus>();

  constructor(private readonly deps: BulkEditDeps) {
    this.kind = {
      kind: bulkKindName,
      input: bulkInput,
      state: bulkState,
      label: labelOf,
      run: (ctx) => this.run(ctx),
    };
    deps.jobs.register(this.kind);
  }

  /** Where a job's undo file is (a name made here from the job id, never from the page). */
  undoFileOf(jobId: string): string {
    return join(this.deps.dataDir, 'bulk-undo', `${jobId}.jsonl`);
  }

  /** Starts a bulk edit; an ACL change on a bucket without ACLs is refused before anything runs. */
  async start(request: { connectionId: string; bucket: string; scope: BulkScope; change: BulkChange }): Promise<BulkStarted> {
    await this.refuseAclsDisabled(request);
    const { jobId } = this.deps.jobs.startCheckpointed(this.kind, { ...request });
    return { jobId, undoFile: this.undoFileOf(jobId) };
  }

  /** Starts a job that puts every object a bulk job changed back as its undo file says. */
  undo(jobId: string): BulkStarted {
    const meta = readUndoMeta(this.undoFileOf(jobId));
    if (!meta || readUndoEntries(this.undoFileOf(jobId)).length === 0)
      throw new AppError('NotFound', 'This job changed nothing that can be undone (its undo file is empty or gone).', { jobId });
    this.deps.connections.resolve(meta.connectionId);
    const started = this.deps.jobs.startCheckpointed(this.kind, {
      connectionId: meta.connectionId,
      bucket: meta.bucket,
      scope: { keys: [], prefixes: [] },
      undoOf: jobId,
    });
    return { jobId: started.jobId, undoFile: this.undoFileOf(started.jobId) };
  }

  /** Reads what a bulk edit would do (writes nothing); refused like `start` on a bucket without ACLs. */
  async dryRun(request: { connectionId: string; bucket: string; scope: BulkScope; change: BulkChange }): Promise<BulkDryRun> {
    await this.refuseAclsDisabled(request);
    const { client, record } = this.deps.connections.resolve(request.connectionId);
    return dryRunBulkChange({
      client,
      bucket: request.bucket,
      endpoint: record.endpoint ?? 'AWS',
      scope: request.scope,
      change: request.change,
      readAcl: this.deps.capabilities.aclSupport(request.connectionId, request.bucket) !== 'disabled',
      onAclsDisabled: () => this.deps.capabilities.setAclSupport(request.connectionId, request.bucket, 'disabled'),
      concurrency: this.deps.concurrency ?? defaultBulkConcurrency,
    });
  }

  pause(jobId: string): boolean {
    return this.deps.jobs.pause(jobId);
  }

  /** Runs a paused or interrupted bulk job on from its checkpoint. */
  resume(jobId: string): BulkStarted {
    if (!this.deps.jobs.interrupted(bulkKindName).some((job) => job.jobId === jobId))
      throw new AppError('NotFound', 'This bulk edit is not waiting to be resumed: it finished, was discarded, or is running.', { jobId });
    return { jobId: this.deps.jobs.resume(jobId).jobId, undoFile: this.undoFileOf(jobId) };
  }

  /** Bulk jobs a quit, crash or pause left unfinished. */
  interrupted(): (BulkStatus & { label: string })[] {
    return this.deps.jobs.interrupted(bulkKindName).map((job) => ({
      ...(this.status.get(job.jobId) ?? {
        jobId: job.jobId,
        kind: job.label.startsWith('Undoing') ? ('undo' as const) : ('edit' as const),
        changed: 0,
        skipped: 0,
        failed: job.outcome.failedTotal,
        seen: job.outcome.done + job.outcome.failedTotal,
        listed: false,
        undoFile: this.undoFileOf(job.jobId),
        state: 'interrupted' as const,
      }),
      label: job.label,
    }));
  }

  /** The running tallies of a bulk job this process ran. */
  statusOf(jobId: string): BulkStatus | null {
    return this.status.get(jobId) ?? null;
  }

  /**
   * Refuses an ACL change on a bucket known to have ACLs disabled, or, where that is not known,
   * whose first object's ACL read answers so (AccessControlListNotSupported, then remembered).
   */
  async refuseAclsDisabled(request: { connectionId: string; bucket: string; scope: BulkScope; change: BulkChange }): Promise<void> {
    const { client, record } = this.deps.connections.resolve(request.connectionId);
    if (!request.change.acl) return;
    const support = this.deps.capabilities.aclSupport(request.connectionId, request.bucket);
    if (support === 'disabled') throw aclsDisabledError(request.bucket);
    if (support === 'supported') return;
    const first = await walkScope(client, request.bucket, request.scope, undefined)
      .next()
      .catch((error: unknown) => {
        throw toAppError(error, { bucket: request.bucket, endpoint: record.endpoint ?? 'AWS' });
      });
    const key = first.done ? undefined : first.value[0]?.key;
    if (key === undefined) return;
    await readObjectAclView(client, {
      bucket: request.bucket,
      key,
      endpoint: record.endpoint ?? 'AWS',
      onAclsDisabled: () => this.deps.capabilities.setAclSupport(request.connectionId, request.bucket, 'disabled'),
    });
  }

  private async run(ctx: CheckpointedContext<BulkInput, BulkState>): Promise<void> {
    const { input } = ctx;
    const resolved = this.deps.connections.resolve(input.connectionId);
    const client = bulkJobClient(resolved.record, resolved.client, this.deps.connections.requestLog);
    try {
      // Listing stays on the connection's client: a request per 1,000 objects gains nothing from the
      // cached chain, and there a pause aborts a page in flight (the bulk client drops send's signal).
      await this.runWith(ctx, { edits: client, listing: resolved.client }, resolved.record.endpoint ?? 'AWS');
    } finally {
      client.destroy();
    }
  }

  private async runWith(
    ctx: CheckpointedContext<BulkInput, BulkState>,
    clients: { edits: S3Client; listing: S3Client },
    endpoint: string,
  ): Promise<void> {
    const { input, jobId } = ctx;
    const client = clients.edits;
    // An undo file already there means an earlier run of this job (killed, quit or paused) may have left objects half done.
    const resumed = existsSync(this.undoFileOf(jobId));
    const journal = new UndoJournal(this.undoFileOf(jobId), { jobId, connectionId: input.connectionId, bucket: input.bucket });
    const earlier = resumed ? new Map(readUndoEntries(journal.file).map((e) => [e.key, e])) : undefined;
    const undo = input.undoOf ? new Map(readUndoEntries(this.undoFileOf(input.undoOf)).map((e) => [e.key, e])) : undefined;
    const scope: BulkScope = undo ? { keys: [...undo.keys()], prefixes: [] } : input.scope;
    const status: BulkStatus = {
      jobId,
      kind: undo ? 'undo' : 'edit',
      changed: ctx.resumedFrom?.changed ?? 0,
      skipped: ctx.resumedFrom?.skipped ?? 0,
      failed: ctx.tally.failedTotal,
      seen: 0,
      listed: false,
      undoFile: journal.file,
      state: 'running',
    };
    this.status.set(jobId, status);
    const env: BulkObjectEnv = {
      client,
      bucket: input.bucket,
      endpoint,
      acl: jobAclState({ capabilities: this.deps.capabilities, connectionId: input.connectionId, bucket: input.bucket }),
      tuning: this.deps.tuning ?? defaultCopyTuning,
      onAclsDisabled: () => this.deps.capabilities.setAclSupport(input.connectionId, input.bucket, 'disabled'),
      record: (entry) => journal.append(entry),
      ...(earlier ? { journaledBefore: (key: string) => earlier.get(key) } : {}),
      ...(undo ? { restoreTagsOf: (key: string) => undo.get(key)?.tags } : {}),
      signal: ctx.signal,
    };
    const before = status.changed + status.skipped + status.failed;
    const watermark = new DoneWatermark<ScopePosition, ItemResult>((_position, result) => {
      if (result.kind === 'failed') {
        ctx.tally.failed(result.key, result.error);
        status.failed += 1;
      } else {
        ctx.tally.succeeded();
        status[result.kind] += 1;
      }
    });
    const queue = new WorkQueue<{ key: string; done: (result: ItemResult) => boolean }>();
    const producer = (async () => {
      try {
        for await (const page of walkScope(clients.listing, input.bucket, scope, ctx.resumedFrom?.position, ctx.signal)) {
          queue.push(page.map((item) => ({ key: item.key, done: watermark.add(item.position).done })));
          status.seen = before + queue.pushed;
        }
        status.listed = true;
        queue.close();
      } catch (error) {
        queue.fail(toAppError(error, { bucket: input.bucket, endpoint: env.endpoint }));
      }
    })();
    const changeFor = async (key: string): Promise<BulkChange> => {
      const entry = undo?.get(key);
      if (!entry) return input.change ?? {};
      // The current headers decide which metadata entries the undo removes (those the edit added).
      const head = await headObject(client, input.bucket, key, ctx.signal);
      const headers = restorePatch(entry.headers, editableHeaders(headersToKeep(head)));
      return { headers, ...(entry.grants ? { acl: { kind: 'grants', grants: entry.grants } } : {}) };
    };
    try {
      await forEachConcurrent(
        queue,
        this.deps.concurrency ?? defaultBulkConcurrency,
        async ({ key, done }, signal) => {
          let result: ItemResult;
          try {
            const kind = await retryTransient(async () => applyBulkChange(env, key, await changeFor(key)), signal);
            result = { kind };
          } catch (error) {
            // A stopped job leaves the object undone: the resumed job does it.
            if (signal.aborted) return;
            result = { kind: 'failed', key, error: toAppError(error, { bucket: input.bucket, key, endpoint: env.endpoint }) };
          }
          if (done(result) && watermark.position)
            ctx.checkpoint({ position: watermark.position, changed: status.changed, skipped: status.skipped });
          ctx.progress(status.listed ? status.seen : undefined, status.changed + status.skipped + status.failed);
        },
        ctx.signal,
      );
      await producer;
      ctx.progress(status.seen, status.changed + status.skipped + status.failed);
      status.state = 'finished';
    } catch (error) {
      status.state = ctx.signal.aborted ? (this.deps.jobs.stopReason(jobId) === 'cancel' ? 'cancelled' : 'paused') : 'failed';
      throw error;
    } finally {
      await producer.catch(() => undefined);
    }
  }
}

function labelOf(input: BulkInput): string {
  if (input.undoOf) return `Undoing bulk edit ${input.undoOf} in ${input.bucket}`;
  const what = [input.change?.headers ? 'headers' : '', input.change?.acl ? 'access' : ''].filter(Boolean).join(' and ');
  const where = [
    ...(input.scope.keys.length > 0 ? [`${input.scope.keys.length} file${input.scope.keys.length === 1 ? '' : 's'}`] : []),
    ...input.scope.prefixes.map((p) => (p === '' ? 'the whole bucket' : p)),
  ].join(', ');
  return `Editing ${what} of ${where}`;
}
