import type { FixKind, FixUndoEntry } from '../../../../shared/model/bucket-health';
import type { SqlDatabase, SqlStatement } from '../../store/sql-port';

/** One stored undo: the document before the panel's first fix, and what the fix last wrote. */
export interface UndoRecord {
  previous: string | null;
  applied: string;
  appliedAt: string;
}

/**
 * The documents the health fixes replaced (`bucket_fix_undo`, state.sqlite v8). A second apply of
 * the same fix keeps the first `previous`: undo returns the bucket to what it was before the panel.
 */
export class FixUndoStore {
  private readonly get: SqlStatement;
  private readonly list: SqlStatement;
  private readonly put: SqlStatement;
  private readonly del: SqlStatement;

  constructor(db: SqlDatabase) {
    this.get = db.prepare(
      'SELECT previous, applied, applied_at AS appliedAt FROM bucket_fix_undo WHERE connection_id = ? AND bucket = ? AND fix = ?',
    );
    this.list = db.prepare(
      'SELECT fix, previous, applied_at AS appliedAt FROM bucket_fix_undo WHERE connection_id = ? AND bucket = ? ORDER BY fix',
    );
    this.put = db.prepare(
      `INSERT INTO bucket_fix_undo (connection_id, bucket, fix, previous, applied, applied_at)
       SELECT @connectionId, @bucket, @fix, @previous, @applied, @appliedAt WHERE EXISTS (SELECT 1 FROM connections WHERE id = @connectionId)
       ON CONFLICT (connection_id, bucket, fix) DO UPDATE SET applied = excluded.applied, applied_at = excluded.applied_at`,
    );
    this.del = db.prepare('DELETE FROM bucket_fix_undo WHERE connection_id = ? AND bucket = ? AND fix = ?');
  }

  /** The undo of one fix, if it was applied and not undone. */
  record(connectionId: string, bucket: string, fix: FixKind): UndoRecord | undefined {
    return this.get.get(connectionId, bucket, fix) as UndoRecord | undefined;
  }

  /** Every fix on the bucket that can be undone. */
  entries(connectionId: string, bucket: string): FixUndoEntry[] {
    return (this.list.all(connectionId, bucket) as { fix: FixKind; previous: string | null; appliedAt: string }[]).map((r) => ({
      kind: r.fix,
      previous: r.previous,
      appliedAt: r.appliedAt,
    }));
  }

  /** Remembers a fix just written (keeping the earliest `previous`). */
  remember(connectionId: string, bucket: string, fix: FixKind, previous: string | null, applied: string, appliedAt: string): void {
    this.put.run({ connectionId, bucket, fix, previous, applied, appliedAt });
  }

  /** Forgets a fix once undone. */
  forget(connectionId: string, bucket: string, fix: FixKind): void {
    this.del.run(connectionId, bucket, fix);
  }
}
