import type { SqlDatabase } from '../store/sql-port';

/**
 * The secondary indexes of `objects` (size, date, ETag, extension, class, first sync: every one
 * but the unique key a merge looks rows up by), left out while a bucket's first sync writes into
 * an index that holds no other bucket's rows, and built at once when that sync stops (index v9).
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
 * out, only slower (SQLite reads the table instead); the rows they read then are one bucket's
 * first, partial sync.
 */
export class DeferredIndexes {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * Leaves the indexes out for the first sync `syncId`, if its bucket's trigram index is deferred
   * (v6: the bucket had no rows when the sync started) and no other bucket has rows. Returns how
   * many indexes are left out after the call (0: the sync writes them as it goes).
   */
  deferFor(syncId: number): number {
    return this.db.transaction(() => {
      const sync = this.db.prepare('SELECT bucket_id AS bucketId FROM syncs WHERE id = ?').get(syncId) as { bucketId: number } | undefined;
      if (!sync) return this.deferredCount();
      const firstSync = this.db.prepare('SELECT 1 FROM objects_key_fts_pending WHERE bucket_id = ?').get(sync.bucketId) !== undefined;
      // Two range reads of the unique (bucket_id, key) index: no scan of the table.
      const others =
        this.db.prepare('SELECT 1 FROM objects WHERE bucket_id < ? LIMIT 1').get(sync.bucketId) !== undefined ||
        this.db.prepare('SELECT 1 FROM objects WHERE bucket_id > ? LIMIT 1').get(sync.bucketId) !== undefined;
      if (!firstSync || others) return this.deferredCount();
      const record = this.db.prepare('INSERT INTO objects_deferred_indexes (name, sql) VALUES (?, ?)');
      for (const index of this.schemaIndexes()) {
        record.run(index.name, index.sql);
        this.db.prepare(`DROP INDEX "${index.name}"`).run();
      }
      return this.deferredCount();
    })();
  }

  /** Builds every index left out, in one transaction; returns how many. */
  build(): number {
    return this.db.transaction(() => {
      const deferred = this.db.prepare('SELECT name, sql FROM objects_deferred_indexes ORDER BY name').all() as IndexDefinition[];
      for (const index of deferred) this.db.prepare(index.sql).run();
      this.db.prepare('DELETE FROM objects_deferred_indexes').run();
      return deferred.length;
    })();
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
  if (table !== undefined) new DeferredIndexes(db).build();
}
