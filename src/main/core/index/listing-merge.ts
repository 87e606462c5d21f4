import type { SqlDatabase, SqlStatement } from '../store/sql-port';
import { prefixEnd } from './key-order';
import { keyAt, rowBytes, rowVersions, type ListedRows } from './listed-columns';
import { sameEtag, type StoredVersion } from './stored-values';

/**
 * One page of a listing, merged into a sync (runs in the index worker). The page covers a window
 * of the key space, (`after`, `through`] within the sync's prefix: every key S3 has there is in
 * `rows`, so a live row in the window that is not in the page was deleted. Only what changed is
 * written, so a snapshot costs nothing for the objects it shares with the one before.
 */
export interface MergePageArgs {
  syncId: number;
  bucketId: number;
  prefix: string;
  /** The range the page belongs to (`sync_ranges.ordinal`). */
  ordinal: number;
  /** Exclusive lower end of the window; null: from the start of the prefix. */
  after: string | null;
  /** Inclusive upper end; null: to the end of the prefix (the range's last page). */
  through: string | null;
  /** The page's objects in the window, in columns (pieces of one page share its columns, cloned once). */
  rows: ListedRows;
  /** The range is listed to its end with this page. */
  rangeDone: boolean;
  /** ListObjectsV2 requests this page took (counted into the sync). */
  listRequests: number;
  /** A later piece of the page before it in the same call (a page cut at range ends): not counted as a page of its own. */
  continues?: boolean;
}

/** What merging a page (or a whole sync) changed. */
export interface MergeCounts {
  added: number;
  changed: number;
  removed: number;
}

/** A live row as stored (`stored-values.ts`: the ETag a Buffer or text, the time in ms, STANDARD as NULL). */
interface LiveRow {
  id: number;
  key: string;
  size: number;
  etag: Buffer | string | null;
  last_modified: number | null;
  storage_class: string | null;
}

const liveColumns = 'id, key, size, etag, last_modified, storage_class';

/** Merges listing pages; one per worker, holding its prepared statements. */
export class ListingMerger {
  private readonly insert: SqlStatement;
  private readonly toHistory: SqlStatement;
  private readonly update: SqlStatement;
  private readonly forgetScan: SqlStatement;
  private readonly remove: SqlStatement;
  private readonly range: SqlStatement;
  private readonly sync: SqlStatement;
  private readonly windows = new Map<string, SqlStatement>();

  constructor(private readonly db: SqlDatabase) {
    this.insert = db.prepare(`INSERT INTO objects (bucket_id, key, size, etag, last_modified, storage_class, first_sync)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    // What a deep scan found is in `object_scans` (index v14); a version gone keeps it in its history row.
    this.toHistory =
      db.prepare(`INSERT INTO object_history (bucket_id, key, size, etag, last_modified, storage_class, first_sync, gone_sync,
        content_type, cache_control, metadata_json, acl_json, public_read, scanned_at)
      SELECT o.bucket_id, o.key, o.size, o.etag, o.last_modified, o.storage_class, o.first_sync, ?,
        s.content_type, s.cache_control, s.metadata_json, s.acl_json, s.public_read, o.scanned_at
      FROM objects o LEFT JOIN object_scans s ON s.object_id = o.id WHERE o.id = ?`);
    // A new version: what a deep scan found about the old one no longer holds.
    this.update = db.prepare(`UPDATE objects SET size = ?, etag = ?, last_modified = ?, storage_class = ?, first_sync = ?,
      scanned_at = NULL WHERE id = ?`);
    this.forgetScan = db.prepare('DELETE FROM object_scans WHERE object_id = ?');
    this.remove = db.prepare('DELETE FROM objects WHERE id = ?');
    this.range = db.prepare(`UPDATE sync_ranges SET position = coalesce(?, position), done = ?, object_count = object_count + ?,
      byte_count = byte_count + ?, page_count = page_count + 1 WHERE sync_id = ? AND ordinal = ?`);
    this.sync = db.prepare(`UPDATE syncs SET object_count = object_count + ?, byte_count = byte_count + ?, added_count = added_count + ?,
      changed_count = changed_count + ?, removed_count = removed_count + ?, page_count = page_count + ?, list_requests = list_requests + ?
      WHERE id = ?`);
  }

  /** Merges one page and moves its range on, in one transaction; says what changed. */
  mergePage(args: MergePageArgs): MergeCounts {
    return this.db.transaction(() => this.mergePiece(args, 1))();
  }

  /** A page's rows, its range's position, and the sync's counts (`pages`: 1 for a page, 0 for a later piece of one). */
  private mergePiece(args: MergePageArgs, pages: 0 | 1): MergeCounts {
    const { rows } = args;
    const counts = this.mergeWindow(args.syncId, args.bucketId, args.prefix, args.after, args.through, rowVersions(rows));
    const bytes = rowBytes(rows);
    const objects = rows.to - rows.from;
    const last = objects > 0 ? keyAt(rows.columns, rows.to - 1) : null;
    this.range.run(args.through ?? last, args.rangeDone ? 1 : 0, objects, bytes, args.syncId, args.ordinal);
    this.sync.run(objects, bytes, counts.added, counts.changed, counts.removed, pages, args.listRequests, args.syncId);
    return counts;
  }

  /**
   * Merges pages, all in one transaction; says what changed in all. Pieces of one listing page
   * that fall in consecutive ranges (a page that runs past the end of its range into the next
   * ones) come one after the other, marked `continues`; several pages come together when they
   * queued behind one merge (`merge-batcher.ts`): one commit writes each index page they touched
   * once, where a commit per page wrote it again for every page.
   */
  mergePages(pages: readonly MergePageArgs[]): MergeCounts {
    return this.db.transaction(() => {
      const total: MergeCounts = { added: 0, changed: 0, removed: 0 };
      for (const page of pages) {
        const counts = this.mergePiece(page, page.continues === true ? 0 : 1);
        total.added += counts.added;
        total.changed += counts.changed;
        total.removed += counts.removed;
      }
      return total;
    })();
  }

  /**
   * Makes the live rows in the window exactly `objects` (sorted or not; in their stored form), writing only differences.
   * Used inside a transaction: by `mergePage`, and by an inventory import for its whole scope.
   */
  mergeWindow(
    syncId: number,
    bucketId: number,
    prefix: string,
    after: string | null,
    through: string | null,
    objects: Iterable<StoredVersion>,
  ): MergeCounts {
    const live = new Map<string, LiveRow>();
    for (const row of this.window(prefix, after, through).all(...windowParams(bucketId, prefix, after, through)) as LiveRow[])
      live.set(row.key, row);
    const counts: MergeCounts = { added: 0, changed: 0, removed: 0 };
    for (const o of objects) {
      const row = live.get(o.key);
      const { etag, lastModified: modified, storageClass } = o;
      if (!row) {
        this.insert.run(bucketId, o.key, o.size, etag, modified, storageClass, syncId);
        counts.added += 1;
        continue;
      }
      live.delete(o.key);
      if (row.size === o.size && sameEtag(row.etag, etag) && row.last_modified === modified && row.storage_class === storageClass) continue;
      this.toHistory.run(syncId, row.id);
      this.update.run(o.size, etag, modified, storageClass, syncId, row.id);
      this.forgetScan.run(row.id);
      counts.changed += 1;
    }
    for (const row of live.values()) {
      this.toHistory.run(syncId, row.id);
      // Its scan goes with it (object_scans' foreign key).
      this.remove.run(row.id);
      counts.removed += 1;
    }
    return counts;
  }

  private window(prefix: string, after: string | null, through: string | null): SqlStatement {
    const shape = `${after === null ? 'p' : 'a'}${through === null ? (prefix === '' ? 'n' : 'e') : 't'}`;
    let statement = this.windows.get(shape);
    if (!statement) {
      const lower = after === null ? 'key >= ?' : 'key > ?';
      // `after` and `through` are keys under the prefix, so they bound the window within it.
      const upper = through === null ? (prefix === '' ? '' : ' AND key < ?') : ' AND key <= ?';
      statement = this.db.prepare(`SELECT ${liveColumns} FROM objects WHERE bucket_id = ? AND ${lower}${upper}`);
      this.windows.set(shape, statement);
    }
    return statement;
  }
}

/** The parameters of `window`'s statement, in its order. */
function windowParams(bucketId: number, prefix: string, after: string | null, through: string | null): unknown[] {
  const end = prefixEnd(prefix);
  const params: unknown[] = [bucketId, after ?? prefix];
  if (through !== null) params.push(through);
  else if (end !== null) params.push(end);
  return params;
}
