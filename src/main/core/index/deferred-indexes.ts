import { AppError } from '../../../shared/errors';
import { isDamage } from '../store/database';
import type { SqlDatabase } from '../store/sql-port';

/**
 * The other buckets' rows a first sync may leave the indexes out beside. Every search and report
 * is led by `bucket_id`, so without the other indexes one on another bucket reads that bucket's
 * rows through the unique (bucket_id, key) index, and never the syncing bucket's: at most this
 * many rows, tens of milliseconds, for the minutes the sync runs.
 */
export const otherRowsLimit = 50_000;

/**
 * The secondary indexes of `objects` (size, date, ETag, extension, class, first sync: every one
 * but the unique key a merge looks rows up by), left out while a bucket's first sync writes into
 * an index whose other buckets hold few rows (`otherRowsLimit`), and built at once when that sync
 * stops (index v9).
 *
 * Why: a listing arrives in key order, but each of those indexes takes its rows in another order,
 * so every page of rows dirtied a page of each index at every commit. 600,000 objects through the
 * app's merge: 43–51 s with the indexes kept in step, 8.6 s without them plus 5.6 s to create them
 * afterwards; 2.8 GB written to disk instead of 0.22 GB, and a file ~5 % smaller, since an index
 * built in one pass is packed. Runs in the index worker (procedures `deferObjectIndexes`,
 * `buildObjectIndexes`).
 *
 * `objects_deferred_indexes` holds each dropped index's own CREATE statement, so what is built
 * again is exactly what was there, whatever later schema steps made of it. Dropping and recording
 * are one transaction, and so are building and forgetting: after a crash every index is either in
 * the schema or in that table, never lost. Searches and reports stay correct while they are left
 * out, only slower: of the syncing bucket, its rows so far; of another, its few rows.
 */
export class DeferredIndexes {
  constructor(
    private readonly db: SqlDatabase,
    private readonly limit = otherRowsLimit,
  ) {}

  /**
   * Leaves the indexes out for the first sync `syncId`, if its bucket's trigram index is deferred
   * (v6: the bucket had no rows when the sync started) and the other buckets hold at most
   * `limit` rows (`otherRowsLimit`). Returns how many indexes are left out after the call (0: the sync
   * writes them as it goes).
   */
  deferFor(syncId: number): number {
    return this.db.transaction(() => {
      const sync = this.db.prepare('SELECT bucket_id AS bucketId FROM syncs WHERE id = ?').get(syncId) as { bucketId: number } | undefined;
      if (!sync) return this.deferredCount();
      const firstSync = this.db.prepare('SELECT 1 FROM objects_key_fts_pending WHERE bucket_id = ?').get(sync.bucketId) !== undefined;
      if (!firstSync || this.otherRowsOver(sync.bucketId, this.limit)) return this.deferredCount();
      const record = this.db.prepare('INSERT INTO objects_deferred_indexes (name, sql) VALUES (?, ?)');
      for (const index of this.schemaIndexes()) {
        record.run(index.name, index.sql);
        this.db.prepare(`DROP INDEX "${index.name}"`).run();
      }
      return this.deferredCount();
    })();
  }

  /**
   * Builds every index left out, in one transaction; returns how many. First the unique key
   * index, the one a first sync kept, is built again (REINDEX: every other index of the table is
   * out): its ranges' rows went in side by side, splitting its pages, so it was ~12 % free space
   * with its pages scattered through the file (1,000,000 objects: 55 MB; a report walking it
   * with the disk cache cold read 22.7 s). Packed it is 49 MB, in order, and the pages it frees
   * are the first the other indexes take, so the file ends that much smaller (~1 s at 1M).
   */
  build(): number {
    return this.db.transaction(() => {
      const deferred = this.db.prepare('SELECT name, sql FROM objects_deferred_indexes ORDER BY name').all() as IndexDefinition[];
      if (deferred.length > 0) this.db.prepare('REINDEX objects').run();
      for (const index of deferred) this.db.prepare(index.sql).run();
      this.db.prepare('DELETE FROM objects_deferred_indexes').run();
      return deferred.length;
    })();
  }

  /** Whether buckets other than `bucketId` hold more than `limit` rows: two bounded reads of the unique (bucket_id, key) index. */
  private otherRowsOver(bucketId: number, limit: number): boolean {
    const below = this.db
      .prepare('SELECT count(*) AS n FROM (SELECT 1 FROM objects WHERE bucket_id < ? LIMIT ?)')
      .get(bucketId, limit + 1) as {
      n: number;
    };
    const above = this.db
      .prepare('SELECT count(*) AS n FROM (SELECT 1 FROM objects WHERE bucket_id > ? LIMIT ?)')
      .get(bucketId, limit + 1) as {
      n: number;
    };
    return below.n + above.n > limit;
  }

  /** Whether any index is left out now. */
  deferredCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM objects_deferred_indexes').get() as { n: number }).n;
  }

  /** The indexes of `objects` that a CREATE INDEX made (`sql` is NULL for the UNIQUE constraint's). */
  private schemaIndexes(): IndexDefinition[] {
    return this.db
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'objects' AND sql IS NOT NULL ORDER BY name")
      .all() as IndexDefinition[];
  }
}

interface IndexDefinition {
  name: string;
  sql: string;
}

/**
 * Builds any index left out before schema steps run on the file (the worker calls it when the
 * file is behind): a step may change an index, and must find it where every step expects it. A
 * file from before v9 has no such table and nothing left out.
 */
export function buildDeferredIndexesBeforeMigrating(db: SqlDatabase): void {
  const table = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'objects_deferred_indexes'").get();
  if (table === undefined) return;
  try {
    new DeferredIndexes(db).build();
  } catch (error) {
    // Damage met here is the file's, as quick_check's would be: set aside (an AppError), not a failure to open.
    if (!isDamage(error)) throw error;
    throw new AppError('StorageCorrupt', `the object index is damaged (${(error as Error).message})`);
  }
}
