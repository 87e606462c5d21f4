import { z } from 'zod';
import { isAppError } from '../../../shared/errors';
import type { IndexSyncProgress, IndexSyncStarted, IndexSyncSummary } from '../../../shared/model/index-sync';
import { fromSdkOutput, listObjectsV2Read } from '../browse/fast-list-objects';
import type { ConnectionsService } from '../connections/connections-service';
import type { CheckpointedKind } from '../jobs/checkpointed-job';
import type { JobService } from '../jobs/job-service';
import { progressIntervalMs, Throttle } from '../jobs/throttle';
import type { Logger } from '../logger';
import { toAppError } from '../s3/s3-errors';
import { BucketClaims } from './bucket-claims';
import { defaultSyncTuning, runBucketSync, type SyncTotals, type SyncTuning } from './bucket-sync';
import type { IndexStore } from './index-store';
import { columnsOf, readSyncListing, type SyncListing } from './listed-columns';
import type { ListPage } from './range-planner';
import { SnapshotRepository } from './snapshot-repository';
import { syncProgress } from './sync-progress';
import { SyncRepository, type SyncRecord } from './sync-repository';

/** The journal name of a sync job. */
export const syncKindName = 'index:sync';

const syncInput = z.object({ connectionId: z.string(), bucket: z.string(), prefix: z.string(), parallel: z.boolean() });
type SyncInput = z.infer<typeof syncInput>;
const syncState = z.object({ syncId: z.number().int() });
type SyncCheckpoint = z.infer<typeof syncState>;

export interface IndexSyncDeps {
  store: IndexStore;
  jobs: JobService;
  connections: ConnectionsService;
  emit: (progress: IndexSyncProgress) => void;
  logger: Logger;
  tuning?: SyncTuning;
  /** The S3 listing call; tests count or break requests here. Default: ListObjectsV2 on the connection's client. */
  list?: (input: SyncInput) => ListPage;
  /** Buckets being written into the index (shared with inventory imports); default: this service's own. */
  claims?: BucketClaims;
}

/**
 * Syncs buckets into the object index as checkpointed jobs (`index:sync` in the job journal): a
 * sync's position lives in index.sqlite with the rows it wrote, the journal holds which sync the
 * job runs, so a job resumed after a crash, a quit or a pause goes on where its pages stopped.
 */
export class IndexSyncService {
  readonly syncs: SyncRepository;
  readonly snapshots: SnapshotRepository;
  private readonly latest = new Map<string, IndexSyncProgress>();
  /** The buckets being written now, shared with inventory imports. */
  readonly claims: BucketClaims;
  private readonly kind: CheckpointedKind<SyncInput, SyncCheckpoint>;

  constructor(private readonly deps: IndexSyncDeps) {
    this.syncs = new SyncRepository(deps.store);
    this.snapshots = new SnapshotRepository(deps.store);
    this.claims = deps.claims ?? new BucketClaims();
    this.kind = {
      kind: syncKindName,
      input: syncInput,
      state: syncState,
      label: (input) => `Indexing ${input.bucket}${input.prefix ? `/${input.prefix}` : ''}`,
      run: (ctx) => this.run(ctx),
    };
    deps.jobs.register(this.kind);
  }

  /** Starts a sync of the bucket (or prefix), or resumes its interrupted one. */
  async start(request: { connectionId: string; bucket: string; prefix?: string; parallel?: boolean }): Promise<IndexSyncStarted> {
    this.deps.connections.resolve(request.connectionId);
    this.claims.claim(request.connectionId, request.bucket);
    try {
      const started = await this.startOrResume(request);
      this.claims.hold(request.connectionId, request.bucket, started.jobId);
      return started;
    } catch (error) {
      this.claims.drop(request.connectionId, request.bucket);
      throw error;
    }
  }

  private async startOrResume(request: {
    connectionId: string;
    bucket: string;
    prefix?: string;
    parallel?: boolean;
  }): Promise<IndexSyncStarted> {
    const bucketId = await this.snapshots.bucketId(request.connectionId, request.bucket);
    const unfinished = await this.syncs.unfinished(bucketId, 'list');
    if (unfinished?.jobId && this.deps.jobs.interrupted(syncKindName).some((job) => job.jobId === unfinished.jobId)) {
      return { jobId: this.deps.jobs.resume(unfinished.jobId).jobId, resumed: true };
    }
    // A sync whose job can no longer be resumed (its journal is gone) ends here: its pages stay valid.
    if (unfinished) await this.syncs.setState(unfinished.id, 'failed', { code: 'Cancelled', message: 'Interrupted and not resumable.' });
    const input: SyncInput = {
      connectionId: request.connectionId,
      bucket: request.bucket,
      prefix: request.prefix ?? '',
      parallel: request.parallel ?? true,
    };
    return { jobId: this.deps.jobs.startCheckpointed(this.kind, input).jobId, resumed: false };
  }

  /** Pauses a running sync; false when it is not running. */
  pause(jobId: string): boolean {
    return this.deps.jobs.pause(jobId);
  }

  /** The latest progress of a sync job run by this process. */
  status(jobId: string): IndexSyncProgress | null {
    return this.latest.get(jobId) ?? null;
  }

  /** The syncs of a bucket, newest first (none when it was never indexed). */
  async list(connectionId: string, bucket: string): Promise<IndexSyncSummary[]> {
    const bucketId = await this.snapshots.bucketId(connectionId, bucket);
    return (await this.syncs.list(bucketId)).map(toSummary);
  }

  private async run(ctx: Parameters<CheckpointedKind<SyncInput, SyncCheckpoint>['run']>[0]): Promise<void> {
    const { input } = ctx;
    this.claims.hold(input.connectionId, input.bucket, ctx.jobId);
    try {
      await this.runSync(ctx);
    } finally {
      this.claims.release(input.connectionId, input.bucket, ctx.jobId);
    }
  }

  private async runSync(ctx: Parameters<CheckpointedKind<SyncInput, SyncCheckpoint>['run']>[0]): Promise<void> {
    const { input } = ctx;
    const bucketId = await this.snapshots.bucketId(input.connectionId, input.bucket);
    const syncId = await this.syncs.rowForJob(
      { jobId: ctx.jobId, checkpointedSyncId: ctx.resumedFrom?.syncId },
      bucketId,
      input.prefix,
      'list',
    );
    ctx.checkpoint({ syncId });
    await this.syncs.setState(syncId, 'running');
    const sync = (await this.syncs.get(syncId)) as SyncRecord;
    const previous = await this.syncs.previousDone(bucketId, input.prefix, syncId);
    const base = {
      jobId: ctx.jobId,
      syncId,
      connectionId: input.connectionId,
      bucket: input.bucket,
      prefix: input.prefix,
      expectedObjects: previous?.objectCount ?? null,
    };
    const run = { startedMs: performance.now(), nowMs: 0, startPages: sync.pageCount, startObjects: sync.objectCount };
    let totals: SyncTotals = {
      added: sync.addedCount,
      changed: sync.changedCount,
      removed: sync.removedCount,
      objects: sync.objectCount,
      bytes: sync.byteCount,
      pages: sync.pageCount,
      listRequests: sync.listRequests,
      ranges: 0,
      rangesDone: 0,
    };
    const publish = (state: IndexSyncProgress['state'], error?: { code: string; message: string }, indexing = false) => {
      const progress = {
        ...syncProgress({ ...base, state }, totals, { ...run, nowMs: performance.now() }),
        ...(error ? { error } : {}),
        ...(indexing ? { indexing: true as const } : {}),
      };
      this.latest.set(ctx.jobId, progress);
      this.deps.emit(progress);
    };
    const throttle = new Throttle(progressIntervalMs, () => publish('running'));
    const list = this.deps.list?.(input) ?? this.s3Lister(input);
    try {
      totals = await runBucketSync(
        {
          store: this.deps.store,
          syncs: this.syncs,
          list,
          tuning: { ...(this.deps.tuning ?? defaultSyncTuning), parallel: input.parallel },
          onPage: (t) => {
            totals = t;
            ctx.progress(base.expectedObjects ?? undefined, t.objects);
            throttle.request();
          },
        },
        syncId,
        ctx.signal,
      );
      throttle.close();
      // Every object is in; a first sync's deferred indexes are built now (seconds per million).
      if (await this.syncs.leavesIndexesToBuild(syncId)) publish('running', undefined, true);
      await this.syncs.setState(syncId, 'done');
      ctx.tally.succeeded(totals.objects);
      publish('done');
    } catch (error) {
      throttle.close();
      const reason = this.deps.jobs.stopReason(ctx.jobId);
      if (ctx.signal.aborted && reason === 'shutdown') throw error;
      if (ctx.signal.aborted) {
        const state = reason === 'pause' ? 'paused' : 'cancelled';
        await this.syncs.setState(syncId, state).catch(() => undefined);
        publish(state);
        throw error;
      }
      const appError = isAppError(error) ? error : toAppError(error, { bucket: input.bucket });
      await this.syncs.setState(syncId, 'failed', { code: appError.code, message: appError.message }).catch(() => undefined);
      publish('failed', { code: appError.code, message: appError.message });
      throw appError;
    }
  }

  /** ListObjectsV2 on the connection's client, read by the app's fast page reader into columns. */
  private s3Lister(input: SyncInput): ListPage {
    const { client } = this.deps.connections.resolve(input.connectionId);
    return async (request, signal) => {
      try {
        return await listObjectsV2Read(
          client,
          {
            Bucket: input.bucket,
            Prefix: request.prefix,
            ...(request.startAfter !== undefined ? { StartAfter: request.startAfter } : {}),
            ...(request.continuationToken !== undefined ? { ContinuationToken: request.continuationToken } : {}),
            ...(request.delimiter !== undefined ? { Delimiter: request.delimiter } : {}),
            ...(request.maxKeys !== undefined ? { MaxKeys: request.maxKeys } : {}),
          },
          syncReader,
          { abortSignal: signal },
        );
      } catch (error) {
        if (signal.aborted) throw error;
        throw toAppError(error, { bucket: input.bucket, key: request.prefix });
      }
    };
  }
}

/** A page read straight into columns; one the fast reader leaves, from the SDK's objects. */
const syncReader = {
  read: readSyncListing,
  fromSdk: (out: Parameters<typeof fromSdkOutput>[0]): SyncListing => {
    const { contents, ...rest } = fromSdkOutput(out);
    return { ...rest, objects: columnsOf(contents) };
  },
};

function toSummary(s: SyncRecord): IndexSyncSummary {
  return {
    syncId: s.id,
    jobId: s.jobId,
    prefix: s.prefix,
    source: s.source,
    state: s.state,
    startedAt: s.startedAt,
    finishedAt: s.finishedAt,
    objects: s.objectCount,
    bytes: s.byteCount,
    added: s.addedCount,
    changed: s.changedCount,
    removed: s.removedCount,
    pages: s.pageCount,
    listRequests: s.listRequests,
  };
}
