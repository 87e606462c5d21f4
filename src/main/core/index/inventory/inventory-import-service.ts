import { z } from 'zod';
import { AppError, isAppError } from '../../../../shared/errors';
import type { IndexSyncProgress, IndexSyncStarted, InventoryReportsFound } from '../../../../shared/model/index-sync';
import type { ConnectionsService } from '../../connections/connections-service';
import type { LocalGrants } from '../../files/local-grants';
import type { CheckpointedContext, CheckpointedKind } from '../../jobs/checkpointed-job';
import type { JobService } from '../../jobs/job-service';
import { progressIntervalMs, Throttle } from '../../jobs/throttle';
import { toAppError } from '../../s3/s3-errors';
import type { BucketClaims } from '../bucket-claims';
import type { IndexStore } from '../index-store';
import type { ListedObject } from '../listed-object';
import { SnapshotRepository } from '../snapshot-repository';
import { syncProgress } from '../sync-progress';
import { SyncRepository, type SyncRange } from '../sync-repository';
import { readCsvInventory } from './csv-inventory-reader';
import { findInventoryReports } from './inventory-finder';
import { parseInventoryManifest, type InventoryManifest } from './inventory-manifest';
import { listedFromInventory } from './inventory-row';
import { bucketSource, folderSource, type InventorySource } from './inventory-source';
import { readParquetInventory } from './parquet-inventory-reader';

/** The journal name of an inventory import job. */
export const importKindName = 'index:importInventory';

const locationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('folder'), path: z.string() }),
  z.object({ kind: z.literal('bucket'), bucket: z.string(), manifestKey: z.string() }),
]);
const importInput = z.object({ connectionId: z.string(), bucket: z.string(), prefix: z.string(), location: locationSchema });
type ImportInput = z.infer<typeof importInput>;
const importState = z.object({ syncId: z.number().int() });
type ImportCheckpoint = z.infer<typeof importState>;
type Ctx = CheckpointedContext<ImportInput, ImportCheckpoint>;

/** Rows read from a file per write to the index, and merged per step. */
export interface ImportTuning {
  batchRows: number;
  mergeRows: number;
}
const defaultTuning: ImportTuning = { batchRows: 5_000, mergeRows: 10_000 };

export interface InventoryImportDeps {
  store: IndexStore;
  jobs: JobService;
  connections: ConnectionsService;
  grants: LocalGrants;
  claims: BucketClaims;
  /** Where data files from a bucket are downloaded while read. */
  tempDir: string;
  emit: (progress: IndexSyncProgress) => void;
  tuning?: ImportTuning;
}

/**
 * Imports an S3 Inventory report into the index as a snapshot of its bucket (a sync with source
 * 'inventory'), as a checkpointed job: each data file is checked against the manifest's MD5,
 * read into `inventory_rows` and marked read (one range per file); then the rows are merged into
 * `objects` in key order, chunk by chunk, exactly as listing pages are. A resumed import reads
 * no file already read and merges no chunk twice. For buckets past what one machine should list.
 */
export class InventoryImportService {
  private readonly syncs: SyncRepository;
  private readonly snapshots: SnapshotRepository;
  private readonly kind: CheckpointedKind<ImportInput, ImportCheckpoint>;
  private readonly latest = new Map<string, IndexSyncProgress>();

  constructor(private readonly deps: InventoryImportDeps) {
    this.syncs = new SyncRepository(deps.store);
    this.snapshots = new SnapshotRepository(deps.store);
    this.kind = {
      kind: importKindName,
      input: importInput,
      state: importState,
      label: (input) => `Importing the inventory of ${input.bucket}`,
      run: (ctx) => this.run(ctx),
    };
    deps.jobs.register(this.kind);
  }

  /** Starts an import (or resumes this bucket's interrupted one); a folder must be one the user picked. */
  async start(request: {
    connectionId: string;
    bucket: string;
    prefix?: string;
    location: ImportInput['location'];
  }): Promise<IndexSyncStarted> {
    this.deps.connections.resolve(request.connectionId);
    if (request.location.kind === 'folder') await this.deps.grants.checkRead([request.location.path]);
    this.deps.claims.claim(request.connectionId, request.bucket);
    try {
      const bucketId = await this.snapshots.bucketId(request.connectionId, request.bucket);
      const unfinished = await this.syncs.unfinished(bucketId, 'inventory');
      let started: IndexSyncStarted;
      if (unfinished?.jobId && this.deps.jobs.interrupted(importKindName).some((job) => job.jobId === unfinished.jobId)) {
        started = { jobId: this.deps.jobs.resume(unfinished.jobId).jobId, resumed: true };
      } else {
        if (unfinished) await this.end(unfinished.id, 'failed', { code: 'Cancelled', message: 'Interrupted and not resumable.' });
        const input: ImportInput = { ...request, prefix: request.prefix ?? '' };
        // Read once here too, so a manifest that cannot be imported is refused at once, not by a failed job.
        checkManifest(parseInventoryManifest(await this.source(input).manifestText()), input.bucket);
        started = { jobId: this.deps.jobs.startCheckpointed(this.kind, input).jobId, resumed: false };
      }
      this.deps.claims.hold(request.connectionId, request.bucket, started.jobId);
      return started;
    } catch (error) {
      this.deps.claims.drop(request.connectionId, request.bucket);
      throw error;
    }
  }

  /** The bucket's inventory reports, newest first (see inventory-finder.ts). */
  find(request: {
    connectionId: string;
    bucket: string;
    destination?: { bucket: string; prefix?: string };
  }): Promise<InventoryReportsFound> {
    const { client } = this.deps.connections.resolve(request.connectionId);
    return findInventoryReports(client, {
      sourceBucket: request.bucket,
      ...(request.destination ? { destination: request.destination } : {}),
    });
  }

  /** The latest progress of an import job run by this process. */
  status(jobId: string): IndexSyncProgress | null {
    return this.latest.get(jobId) ?? null;
  }

  private async run(ctx: Ctx): Promise<void> {
    const { input } = ctx;
    this.deps.claims.hold(input.connectionId, input.bucket, ctx.jobId);
    try {
      await this.runImport(ctx);
    } finally {
      this.deps.claims.release(input.connectionId, input.bucket, ctx.jobId);
    }
  }

  private source(input: ImportInput): InventorySource {
    const location = input.location;
    if (location.kind === 'folder') return folderSource(location.path);
    return bucketSource(this.deps.connections.resolve(input.connectionId).client, location, this.deps.tempDir);
  }

  private async runImport(ctx: Ctx): Promise<void> {
    const { input } = ctx;
    const tuning = this.deps.tuning ?? defaultTuning;
    const bucketId = await this.snapshots.bucketId(input.connectionId, input.bucket);
    const source = this.source(input);
    const syncId = await this.syncs.rowForJob(
      { jobId: ctx.jobId, checkpointedSyncId: ctx.resumedFrom?.syncId },
      bucketId,
      input.prefix,
      'inventory',
      JSON.stringify({ location: input.location }),
    );
    ctx.checkpoint({ syncId });
    const previous = await this.syncs.previousDone(bucketId, input.prefix, syncId);
    const base = {
      jobId: ctx.jobId,
      syncId,
      connectionId: input.connectionId,
      bucket: input.bucket,
      prefix: input.prefix,
      expectedObjects: previous?.objectCount ?? null,
    };
    const totals = { added: 0, changed: 0, removed: 0, objects: 0, bytes: 0, pages: 0, listRequests: 0, ranges: 0, rangesDone: 0 };
    const run = { startedMs: performance.now(), nowMs: 0, startPages: 0, startObjects: 0 };
    const publish = (state: IndexSyncProgress['state'], error?: { code: string; message: string }, indexing = false) => {
      const progress: IndexSyncProgress = {
        ...syncProgress({ ...base, state }, totals, { ...run, nowMs: performance.now() }),
        source: 'inventory',
        ...(error ? { error } : {}),
        ...(indexing ? { indexing: true as const } : {}),
      };
      this.latest.set(ctx.jobId, progress);
      this.deps.emit(progress);
    };
    const throttle = new Throttle(progressIntervalMs, () => publish('running'));
    try {
      await this.syncs.setState(syncId, 'running');
      const manifest = checkManifest(parseInventoryManifest(await source.manifestText()), input.bucket);
      const ranges = await this.rangesFor(syncId, manifest);
      const fileRanges = ranges.slice(0, manifest.files.length);
      const mergeRange = ranges[manifest.files.length] as SyncRange;
      totals.ranges = manifest.files.length;
      totals.rangesDone = fileRanges.filter((r) => r.done).length;
      totals.objects = fileRanges.reduce((n, r) => n + r.objectCount, 0);
      totals.pages = totals.rangesDone;
      for (const [i, file] of manifest.files.entries()) {
        if (fileRanges[i]?.done) continue;
        ctx.signal.throwIfAborted();
        const rows = await this.readFile(ctx, source, manifest, file, i, syncId, tuning, (n) => {
          totals.objects += n;
          throttle.request();
        });
        totals.rangesDone += 1;
        totals.pages += 1;
        ctx.progress(undefined, rows);
      }
      let position = mergeRange.position;
      for (;;) {
        ctx.signal.throwIfAborted();
        const step = await this.deps.store.call('mergeInventoryChunk', {
          syncId,
          bucketId,
          prefix: input.prefix,
          ordinal: mergeRange.ordinal,
          after: position,
          limit: tuning.mergeRows,
        });
        totals.added += step.added;
        totals.changed += step.changed;
        totals.removed += step.removed;
        throttle.request();
        position = step.position;
        if (step.done) break;
      }
      const sync = await this.syncs.get(syncId);
      totals.objects = sync?.objectCount ?? totals.objects;
      totals.bytes = sync?.byteCount ?? totals.bytes;
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
      if (ctx.signal.aborted && reason === 'pause') {
        await this.syncs.setState(syncId, 'paused').catch(() => undefined);
        publish('paused');
        throw error;
      }
      const appError = ctx.signal.aborted
        ? new AppError('Cancelled', 'The import was cancelled.')
        : isAppError(error)
          ? error
          : toAppError(error, { bucket: input.bucket });
      await this.end(syncId, ctx.signal.aborted ? 'cancelled' : 'failed', { code: appError.code, message: appError.message }).catch(
        () => undefined,
      );
      publish(
        ctx.signal.aborted ? 'cancelled' : 'failed',
        ctx.signal.aborted ? undefined : { code: appError.code, message: appError.message },
      );
      throw appError;
    }
  }

  /** The import's ranges: one per data file in manifest order, then the merge's; recorded on the first run. */
  private async rangesFor(syncId: number, manifest: InventoryManifest): Promise<SyncRange[]> {
    let ranges = await this.syncs.ranges(syncId);
    if (ranges.length === 0) {
      await this.syncs.addRanges(syncId, [
        ...manifest.files.map(() => ({ startAfter: null, endKey: null })),
        { startAfter: null, endKey: null },
      ]);
      ranges = await this.syncs.ranges(syncId);
    }
    const read = ranges.slice(0, manifest.files.length);
    if (ranges.length !== manifest.files.length + 1 || read.some((r, i) => r.done && r.position !== manifest.files[i]?.key))
      throw new AppError(
        'Conflict',
        'The inventory changed since this import began (its manifest names other files). Start the import again.',
      );
    return ranges;
  }

  /** Checks one data file's MD5, reads its live rows under the prefix into `inventory_rows`, then marks it read. */
  private async readFile(
    ctx: Ctx,
    source: InventorySource,
    manifest: InventoryManifest,
    file: InventoryManifest['files'][number],
    ordinal: number,
    syncId: number,
    tuning: ImportTuning,
    onRows: (n: number) => void,
  ): Promise<number> {
    const fetched = await source.fetch(file, ctx.signal);
    try {
      const csv = manifest.format === 'CSV';
      const batches = csv
        ? readCsvInventory(fetched.path, manifest.columns, tuning.batchRows)
        : readParquetInventory(fetched.path, manifest.columns, tuning.batchRows);
      let count = 0;
      for await (const records of batches) {
        ctx.signal.throwIfAborted();
        const rows = records
          .map((r) => listedFromInventory(r, csv))
          .filter((o): o is ListedObject => o !== null && o.key.startsWith(ctx.input.prefix));
        count += rows.length;
        await this.deps.store.write([
          {
            sql: `INSERT OR REPLACE INTO inventory_rows (sync_id, key, size, etag, last_modified, storage_class) VALUES (?, ?, ?, ?, ?, ?)`,
            rows: rows.map((o) => [syncId, o.key, o.size, o.etag, o.lastModified, o.storageClass]),
          },
        ]);
        onRows(rows.length);
      }
      // Set, not added to: a file read again after a crash counts once.
      await this.deps.store.write([
        {
          sql: 'UPDATE sync_ranges SET position = ?, done = 1, object_count = ?, page_count = 1 WHERE sync_id = ? AND ordinal = ?',
          rows: [[file.key, count, syncId, ordinal]],
        },
        { sql: 'UPDATE syncs SET page_count = page_count + 1 WHERE id = ?', rows: [[syncId]] },
      ]);
      return count;
    } finally {
      await fetched.done();
    }
  }

  /** Ends an import that will not finish: its rows read so far are dropped, the index keeps the snapshot before it. */
  private async end(syncId: number, state: 'failed' | 'cancelled', error: { code: string; message: string }): Promise<void> {
    await this.deps.store.write([{ sql: 'DELETE FROM inventory_rows WHERE sync_id = ?', rows: [[syncId]] }]);
    await this.syncs.setState(syncId, state, error);
  }
}

/** The manifest, if it is an inventory of `bucket`. */
function checkManifest(manifest: InventoryManifest, bucket: string): InventoryManifest {
  if (manifest.sourceBucket === bucket) return manifest;
  throw new AppError(
    'InvalidInput',
    `This inventory is of the bucket ${manifest.sourceBucket}, not ${bucket}. Choose ${bucket}'s inventory, or open ${manifest.sourceBucket}.`,
  );
}
