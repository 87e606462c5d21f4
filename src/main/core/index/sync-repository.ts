import type { IndexStore } from './index-store';

/** How a sync ended, or that it has not. */
export type SyncState = 'running' | 'paused' | 'done' | 'failed' | 'cancelled';

/** A sync as `syncs` holds it. */
export interface SyncRecord {
  id: number;
  bucketId: number;
  prefix: string;
  source: 'list' | 'inventory';
  state: SyncState;
  jobId: string | null;
  startedAt: string;
  finishedAt: string | null;
  objectCount: number;
  byteCount: number;
  addedCount: number;
  changedCount: number;
  removedCount: number;
  pageCount: number;
  listRequests: number;
}

/** One key range of a sync: keys k under the prefix with startAfter < k ≤ endKey (null: unbounded). */
export interface SyncRange {
  ordinal: number;
  startAfter: string | null;
  endKey: string | null;
  /** The last key merged; null before the first page. */
  position: string | null;
  done: boolean;
  objectCount: number;
  byteCount: number;
  pageCount: number;
}

interface SyncRow {
  id: number;
  bucket_id: number;
  prefix: string;
  source: 'list' | 'inventory';
  state: SyncState;
  job_id: string | null;
  started_at: string;
  finished_at: string | null;
  object_count: number;
  byte_count: number;
  added_count: number;
  changed_count: number;
  removed_count: number;
  page_count: number;
  list_requests: number;
}

interface RangeRow {
  ordinal: number;
  start_after: string | null;
  end_key: string | null;
  position: string | null;
  done: number;
  object_count: number;
  byte_count: number;
  page_count: number;
}

/** The `syncs` and `sync_ranges` rows of the index, over the async port. */
export class SyncRepository {
  constructor(
    private readonly store: IndexStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Starts a sync row (running) and returns its id. */
  async begin(bucketId: number, prefix: string, source: 'list' | 'inventory', jobId: string | null, sourceJson?: string): Promise<number> {
    const row = await this.store.get<{ id: number }>(
      `INSERT INTO syncs (bucket_id, prefix, source, state, job_id, started_at, source_json) VALUES (?, ?, ?, 'running', ?, ?, ?) RETURNING id`,
      [bucketId, prefix, source, jobId, this.now().toISOString(), sourceJson ?? null],
    );
    if (!row) throw new Error('The sync row was not written.');
    return row.id;
  }

  /** Records the key ranges a sync lists (once, before any page is merged). */
  async addRanges(syncId: number, ranges: readonly { startAfter: string | null; endKey: string | null }[]): Promise<void> {
    await this.store.write([
      {
        sql: 'INSERT INTO sync_ranges (sync_id, ordinal, start_after, end_key) VALUES (?, ?, ?, ?)',
        rows: ranges.map((r, i) => [syncId, i, r.startAfter, r.endKey]),
      },
    ]);
  }

  /**
   * Ends range `ordinal` (the last one) at `endKey` and adds `ranges` after it, in one write: a
   * range split while it is listed, at a point past everything listed in it so far.
   */
  async splitRange(
    syncId: number,
    ordinal: number,
    endKey: string,
    ranges: readonly { startAfter: string | null; endKey: string | null }[],
  ): Promise<void> {
    await this.store.write([
      {
        sql: 'UPDATE sync_ranges SET end_key = ? WHERE sync_id = ? AND ordinal = ? AND end_key IS NULL',
        rows: [[endKey, syncId, ordinal]],
      },
      {
        sql: 'INSERT INTO sync_ranges (sync_id, ordinal, start_after, end_key) VALUES (?, ?, ?, ?)',
        rows: ranges.map((r, i) => [syncId, ordinal + 1 + i, r.startAfter, r.endKey]),
      },
    ]);
  }

  async ranges(syncId: number): Promise<SyncRange[]> {
    const rows = await this.store.all<RangeRow>('SELECT * FROM sync_ranges WHERE sync_id = ? ORDER BY ordinal', [syncId]);
    return rows.map((r) => ({
      ordinal: r.ordinal,
      startAfter: r.start_after,
      endKey: r.end_key,
      position: r.position,
      done: r.done === 1,
      objectCount: r.object_count,
      byteCount: r.byte_count,
      pageCount: r.page_count,
    }));
  }

  async get(syncId: number): Promise<SyncRecord | undefined> {
    const row = await this.store.get<SyncRow>('SELECT * FROM syncs WHERE id = ?', [syncId]);
    return row ? toRecord(row) : undefined;
  }

  /** The syncs of a bucket, newest first. */
  async list(bucketId: number, limit = 100): Promise<SyncRecord[]> {
    const rows = await this.store.all<SyncRow>('SELECT * FROM syncs WHERE bucket_id = ? ORDER BY id DESC LIMIT ?', [bucketId, limit]);
    return rows.map(toRecord);
  }

  /** A sync (a listing, or an inventory import) of the bucket that has not ended (running or paused), if any. */
  /**
   * The sync row a job writes into: the one its checkpoint names; else, after a crash before its
   * first checkpoint, the unfinished row that names the job; else a new one.
   */
  async rowForJob(
    job: { jobId: string; checkpointedSyncId: number | undefined },
    bucketId: number,
    prefix: string,
    source: SyncRecord['source'],
    sourceJson?: string,
  ): Promise<number> {
    if (job.checkpointedSyncId !== undefined) {
      // The index may have been started afresh since the checkpoint (a file it could not open is
      // set aside): then its id names no row, or another bucket's sync.
      const checkpointed = await this.get(job.checkpointedSyncId);
      // A sync that is done is a snapshot: a job stopped after it finished (a quit while it built
      // its indexes) starts a new one rather than listing into it again.
      if (checkpointed?.bucketId === bucketId && checkpointed.source === source && checkpointed.state !== 'done') return checkpointed.id;
      return this.begin(bucketId, prefix, source, job.jobId, sourceJson);
    }
    const open = await this.unfinished(bucketId, source);
    if (open?.jobId === job.jobId) return open.id;
    return this.begin(bucketId, prefix, source, job.jobId, sourceJson);
  }

  async unfinished(bucketId: number, source: SyncRecord['source']): Promise<SyncRecord | undefined> {
    const row = await this.store.get<SyncRow>(
      "SELECT * FROM syncs WHERE bucket_id = ? AND source = ? AND state IN ('running', 'paused') ORDER BY id LIMIT 1",
      [bucketId, source],
    );
    return row ? toRecord(row) : undefined;
  }

  /** The latest finished sync (or import) of exactly this bucket and prefix (for an ETA), if any. */
  async previousDone(bucketId: number, prefix: string, before: number): Promise<SyncRecord | undefined> {
    const row = await this.store.get<SyncRow>(
      "SELECT * FROM syncs WHERE bucket_id = ? AND prefix = ? AND state = 'done' AND id < ? ORDER BY id DESC LIMIT 1",
      [bucketId, prefix, before],
    );
    return row ? toRecord(row) : undefined;
  }

  /**
   * Marks how a sync stands; an end (done, failed, cancelled) also drops its ranges, which only a
   * resume needs. Running into a bucket with no rows yet defers its trigram index, and any stop
   * builds it, in the same transaction (index v6): a bucket's first sync (or import) then
   * writes its keys once instead of row by row into the index as well. When the other buckets
   * hold few rows, such a sync also leaves out the secondary indexes, which any stop builds (v9,
   * `deferred-indexes.ts`). Any stop also brings the planner's statistics up to date (see
   * `makeSearchReady`).
   */
  async setState(syncId: number, state: SyncState, error?: { code: string; message: string }): Promise<void> {
    const ended = state === 'done' || state === 'failed' || state === 'cancelled';
    await this.store.write([
      {
        sql: 'UPDATE syncs SET state = ?, finished_at = ?, error_json = ? WHERE id = ?',
        rows: [[state, ended ? this.now().toISOString() : null, error ? JSON.stringify(error) : null, syncId]],
      },
      ...(ended ? [{ sql: 'DELETE FROM sync_ranges WHERE sync_id = ?', rows: [[syncId]] }] : []),
      ...(state === 'running' ? deferKeyIndexSteps(syncId) : []),
    ]);
    if (state === 'running') await this.store.call('deferObjectIndexes', { syncId });
    // Writes of their own, after the state is recorded: a failure here (a full disk) leaves the
    // bucket pending or the indexes out, which search copes with and the next stop or start-up settles.
    else await this.makeSearchReady(bucketOfSync, syncId);
  }

  /** The trigram index of the bucket `bucket` names (an SQL expression of `param`) built if pending, every index left out built, ANALYZE. */
  private async makeSearchReady(bucket: string, param: number): Promise<void> {
    await this.store.write(keyIndexSteps(bucket, param));
    await this.store.call('buildObjectIndexes', {});
    await this.store.write(analyzeSteps);
  }

  /** Whether stopping this sync has indexes to build (its bucket's trigram index, or those v9 left out): what the panel says meanwhile. */
  async leavesIndexesToBuild(syncId: number): Promise<boolean> {
    const row = await this.store.get<{ yes: number }>(
      `SELECT EXISTS (SELECT 1 FROM objects_deferred_indexes)
        OR EXISTS (SELECT 1 FROM objects_key_fts_pending WHERE bucket_id = ${bucketOfSync}) AS yes`,
      [syncId],
    );
    return row?.yes === 1;
  }

  /**
   * Builds the trigram index of every bucket left pending by a sync that will not stop by itself:
   * the app quit or crashed in a first sync whose job was then discarded, or is never resumed.
   * `resumable`: job ids that may still be resumed (their stop will build it). Once no bucket is
   * left pending, builds the secondary indexes too, if a sync left them out (v9). Run at start-up;
   * returns how many buckets it settled.
   */
  async settleDeferredIndexes(resumable: ReadonlySet<string>): Promise<number> {
    const pending = await this.store.all<{ bucketId: number; jobId: string | null }>(
      `SELECT p.bucket_id AS bucketId, s.job_id AS jobId FROM objects_key_fts_pending p
       LEFT JOIN syncs s ON s.bucket_id = p.bucket_id AND s.state IN ('running', 'paused')`,
    );
    const waiting = new Set(pending.filter((r) => r.jobId !== null && resumable.has(r.jobId)).map((r) => r.bucketId));
    const settle = [...new Set(pending.map((r) => r.bucketId))].filter((id) => !waiting.has(id));
    for (const bucketId of settle) await this.store.write(keyIndexSteps('?', bucketId));
    // Left out while a first sync may still resume; else built (a crash between a stop's two builds leaves them out too).
    const built = waiting.size === 0 ? await this.store.call('buildObjectIndexes', {}) : 0;
    if (settle.length > 0 || built > 0) await this.store.write(analyzeSteps);
    return settle.length;
  }
}

function toRecord(r: SyncRow): SyncRecord {
  return {
    id: r.id,
    bucketId: r.bucket_id,
    prefix: r.prefix,
    source: r.source,
    state: r.state,
    jobId: r.job_id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    objectCount: r.object_count,
    byteCount: r.byte_count,
    addedCount: r.added_count,
    changedCount: r.changed_count,
    removedCount: r.removed_count,
    pageCount: r.page_count,
    listRequests: r.list_requests,
  };
}

const bucketOfSync = '(SELECT bucket_id FROM syncs WHERE id = ?)';

/**
 * The sync's bucket goes without a trigram index while it has no rows (nothing indexed to keep in
 * step). A sync id with no row (an index started afresh under a job's old checkpoint) marks nothing.
 */
function deferKeyIndexSteps(syncId: number) {
  return [
    {
      sql: `INSERT OR IGNORE INTO objects_key_fts_pending (bucket_id) SELECT s.bucket_id FROM syncs s
        WHERE s.id = ? AND NOT EXISTS (SELECT 1 FROM objects o WHERE o.bucket_id = s.bucket_id)`,
      rows: [[syncId]],
    },
  ];
}

/**
 * The trigram index built for the bucket `bucket` names (an SQL expression with one parameter,
 * `param`), if it has none: all its rows go in at once and it leaves the pending list.
 */
function keyIndexSteps(bucket: string, param: number) {
  return [
    {
      sql: `INSERT INTO objects_key_fts (rowid, key) SELECT id, key FROM objects
        WHERE bucket_id = ${bucket} AND EXISTS (SELECT 1 FROM objects_key_fts_pending WHERE bucket_id = ${bucket})`,
      rows: [[param, param]],
    },
    { sql: `DELETE FROM objects_key_fts_pending WHERE bucket_id = ${bucket}`, rows: [[param]] },
  ];
}

/**
 * ANALYZE, after a sync's writes, whose samples of each index (sqlite_stat4: better-sqlite3 builds
 * SQLite with STAT4) let the planner weigh a search's actual values: a date range that every
 * object matches is read in key order (200 rows) rather than sorted out of the date index (50,000
 * objects: 17 ms → 0.5 ms), one that few match from the index. Full, not with `analysis_limit`,
 * which leaves STAT4 out. ~0.4 s per 200,000 objects, in the worker. (`PRAGMA optimize` at close
 * re-analyzes, with a limit, only a table that changed a great deal since: a test reopens the
 * index to check the samples are still used.)
 */
const analyzeSteps = [{ sql: 'ANALYZE objects', rows: [[]] }];
