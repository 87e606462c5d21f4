import type { SqlDatabase, SqlStatement } from '../../store/sql-port';
import type { ListingMerger, MergeCounts } from '../listing-merge';
import { storedVersion } from '../stored-values';

/** One step of an import's merge: the next `limit` rows read (in key order) after `after`. */
export interface InventoryChunkArgs {
  syncId: number;
  bucketId: number;
  prefix: string;
  /** The import's merge range (`sync_ranges.ordinal`), whose position is the last key merged. */
  ordinal: number;
  after: string | null;
  limit: number;
}

export interface InventoryChunkResult extends MergeCounts {
  /** The last key merged; null once the whole scope is merged. */
  position: string | null;
  done: boolean;
  objects: number;
  bytes: number;
}

interface RowOut {
  key: string;
  size: number;
  etag: string | null;
  last_modified: string | null;
  storage_class: string | null;
}

/**
 * Merges an inventory import into `objects` (runs in the index worker). Inventory files are in no
 * order, so their rows wait in `inventory_rows`; read back in key order, a chunk of them is the
 * complete listing of the window (previous chunk's last key, this chunk's last key], which the
 * listing merger makes the live rows, exactly as it does for a listing page. The chunk's rows
 * leave `inventory_rows`, and the range moves on, in the same transaction, so a crash resumes at
 * the next chunk.
 */
export class InventoryMerger {
  private readonly first: SqlStatement;
  private readonly next: SqlStatement;
  private readonly dropThrough: SqlStatement;
  private readonly dropAll: SqlStatement;
  private readonly range: SqlStatement;
  private readonly sync: SqlStatement;

  constructor(
    private readonly db: SqlDatabase,
    private readonly merger: ListingMerger,
  ) {
    const columns = 'key, size, etag, last_modified, storage_class';
    this.first = db.prepare(`SELECT ${columns} FROM inventory_rows WHERE sync_id = ? ORDER BY key LIMIT ?`);
    this.next = db.prepare(`SELECT ${columns} FROM inventory_rows WHERE sync_id = ? AND key > ? ORDER BY key LIMIT ?`);
    this.dropThrough = db.prepare('DELETE FROM inventory_rows WHERE sync_id = ? AND key <= ?');
    this.dropAll = db.prepare('DELETE FROM inventory_rows WHERE sync_id = ?');
    this.range = db.prepare(
      'UPDATE sync_ranges SET position = ?, done = ?, object_count = object_count + ? WHERE sync_id = ? AND ordinal = ?',
    );
    this.sync = db.prepare(`UPDATE syncs SET object_count = object_count + ?, byte_count = byte_count + ?, added_count = added_count + ?,
      changed_count = changed_count + ?, removed_count = removed_count + ? WHERE id = ?`);
  }

  mergeChunk(args: InventoryChunkArgs): InventoryChunkResult {
    return this.db.transaction(() => {
      const rows = (
        args.after === null ? this.first.all(args.syncId, args.limit) : this.next.all(args.syncId, args.after, args.limit)
      ) as RowOut[];
      const done = rows.length < args.limit;
      const through = done ? null : (rows.at(-1)?.key ?? null);
      const objects = rows.map((r) =>
        storedVersion({ key: r.key, size: r.size, etag: r.etag, lastModified: r.last_modified, storageClass: r.storage_class }),
      );
      const counts = this.merger.mergeWindow(args.syncId, args.bucketId, args.prefix, args.after, through, objects);
      const bytes = objects.reduce((sum, o) => sum + o.size, 0);
      if (done) this.dropAll.run(args.syncId);
      else this.dropThrough.run(args.syncId, through);
      this.range.run(through, done ? 1 : 0, objects.length, args.syncId, args.ordinal);
      this.sync.run(objects.length, bytes, counts.added, counts.changed, counts.removed, args.syncId);
      return { ...counts, position: through, done, objects: objects.length, bytes };
    })();
  }
}
