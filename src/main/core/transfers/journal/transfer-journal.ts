import type { SqlDatabase, SqlStatement } from '../../store/sql-port';
import type { TransferError, TransferState } from '../../../../shared/model/transfer';
import { partCount } from '../../s3/part-size';
import type { CreateIntent, JournalPart, SourceStamp, TransferBatch, TransferItem, TransferSpec } from '../queue/transfer-item';

interface ItemRow {
  id: string;
  batch_id: string;
  seq: number;
  direction: 'upload' | 'download';
  connection_id: string;
  bucket: string;
  object_key: string;
  local_path: string;
  name: string;
  size: number;
  source_mtime_ms: number | null;
  remote_etag: string | null;
  state: TransferState;
  options_json: string;
  upload_id: string | null;
  part_size: number | null;
  create_intent_json: string | null;
  source_stamp_json: string | null;
  error_json: string | null;
  notice: string | null;
  attempts: number;
  created_at: string;
}

interface PartTotalsRow {
  id: string;
  parts: number;
  bytes: number;
}

interface BatchRow {
  id: string;
  direction: 'upload' | 'download';
  connection_id: string;
  bucket: string;
  destination: string;
  label: string;
  created_at: string;
}

/**
 * The transfer journal (SQLite, migration v3): what was queued, multipart upload ids and the
 * parts already sent, so work survives a quit or a crash. Writes are synchronous and small;
 * after `close()` every call is a no-op, so late callbacks of aborted requests are harmless.
 */
export class TransferJournal {
  private closed = false;
  private readonly stmts: Record<string, SqlStatement>;
  /** State changes waiting for the next flush (one transaction per event-loop turn, not one per file). */
  private pendingStates = new Map<string, unknown[]>();
  private flushScheduled = false;

  constructor(private readonly db: SqlDatabase) {
    this.stmts = {
      insertBatch: db.prepare(`INSERT INTO transfer_batches (id, direction, connection_id, bucket, destination, label, created_at)
        VALUES (@id, @direction, @connectionId, @bucket, @destination, @label, @createdAt)`),
      insertItem: db.prepare(`INSERT INTO transfers (id, batch_id, seq, direction, connection_id, bucket, object_key, local_path, name,
        size, source_mtime_ms, remote_etag, state, options_json, attempts, created_at, updated_at)
        VALUES (@id, @batchId, @seq, @direction, @connectionId, @bucket, @key, @localPath, @name, @size, @sourceMtimeMs,
        @remoteEtag, @state, @options, @attempts, @createdAt, @createdAt)`),
      setState: db.prepare(`UPDATE transfers SET state = ?, error_json = ?, notice = ?, attempts = ?, updated_at = ? WHERE id = ?`),
      setTarget: db.prepare(`UPDATE transfers SET object_key = ?, local_path = ?, options_json = ?, updated_at = ? WHERE id = ?`),
      setSource: db.prepare(`UPDATE transfers SET size = ?, source_mtime_ms = ?, remote_etag = ?, updated_at = ? WHERE id = ?`),
      setUpload: db.prepare(`UPDATE transfers SET upload_id = ?, part_size = ?, updated_at = ? WHERE id = ?`),
      startUpload: db.prepare(
        `UPDATE transfers SET upload_id = ?, part_size = ?, source_stamp_json = ?, create_intent_json = NULL, updated_at = ? WHERE id = ?`,
      ),
      forgetUpload: db.prepare(
        `UPDATE transfers SET upload_id = NULL, part_size = NULL, source_stamp_json = NULL, updated_at = ? WHERE id = ?`,
      ),
      setIntent: db.prepare(`UPDATE transfers SET create_intent_json = ?, updated_at = ? WHERE id = ?`),
      setStamp: db.prepare(`UPDATE transfers SET source_stamp_json = ?, updated_at = ? WHERE id = ?`),
      uploadIdsOf: db.prepare(`SELECT upload_id FROM transfers WHERE bucket = ? AND object_key = ? AND upload_id IS NOT NULL`),
      addPart: db.prepare(`INSERT OR REPLACE INTO transfer_parts (transfer_id, part_number, size, etag, checksum) VALUES (?, ?, ?, ?, ?)`),
      clearParts: db.prepare(`DELETE FROM transfer_parts WHERE transfer_id = ?`),
      parts: db.prepare(
        `SELECT part_number AS partNumber, size, etag, checksum FROM transfer_parts WHERE transfer_id = ? ORDER BY part_number`,
      ),
      deleteItem: db.prepare(`DELETE FROM transfers WHERE id = ?`),
      deleteEmptyBatches: db.prepare(`DELETE FROM transfer_batches WHERE id NOT IN (SELECT DISTINCT batch_id FROM transfers)`),
      loadItems: db.prepare(
        `SELECT * FROM transfers WHERE state NOT IN ('done', 'cancelled', 'skipped') ORDER BY created_at, batch_id, seq`,
      ),
      partTotals: db.prepare(`SELECT transfer_id AS id, COUNT(*) AS parts, SUM(size) AS bytes FROM transfer_parts GROUP BY transfer_id`),
      loadBatches: db.prepare(`SELECT * FROM transfer_batches WHERE id IN (SELECT DISTINCT batch_id FROM transfers) ORDER BY created_at`),
      deleteFinished: db.prepare(`DELETE FROM transfers WHERE state IN ('done', 'cancelled', 'skipped')`),
    };
  }

  close(): void {
    this.flush();
    this.closed = true;
  }

  /** Writes queued state changes now (they are otherwise written at the end of this event-loop turn). */
  flush(): void {
    if (this.closed || this.pendingStates.size === 0) return;
    const rows = [...this.pendingStates.values()];
    this.pendingStates = new Map();
    this.db.transaction(() => {
      for (const row of rows) this.stmts.setState?.run(...row);
    })();
  }

  /** Writes a new batch and all its items in one transaction, before any of them starts. */
  insertBatch(batch: TransferBatch, items: readonly TransferItem[]): void {
    if (this.closed) return;
    this.db.transaction(() => {
      const { id, direction, connectionId, bucket, destination, label, createdAt } = batch;
      this.stmts.insertBatch?.run({ id, direction, connectionId, bucket, destination, label, createdAt });
      for (const item of items) {
        this.stmts.insertItem?.run({
          id: item.id,
          batchId: item.batchId,
          seq: item.seq,
          direction: item.direction,
          connectionId: item.connectionId,
          bucket: item.bucket,
          key: item.key,
          localPath: item.localPath,
          name: item.name,
          size: item.size,
          sourceMtimeMs: item.sourceMtimeMs,
          remoteEtag: item.remoteEtag,
          state: item.state,
          options: JSON.stringify(item.spec),
          attempts: item.attempts,
          createdAt: item.createdAt,
        });
      }
    })();
  }

  /**
   * Queues the item's state for this turn's transaction: 2,000 small files finishing within a
   * second cost one commit, not 2,000. Losing the last turn in a crash is harmless: an upload
   * found complete on resume is recognised by its size and checksum.
   */
  saveState(item: TransferItem): void {
    if (this.closed) return;
    this.pendingStates.set(item.id, [
      item.state,
      item.error ? JSON.stringify(item.error) : null,
      item.notice,
      item.attempts,
      now(),
      item.id,
    ]);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  /** Records a changed destination (keep-both renames) or spec decided at run time. */
  saveTarget(item: TransferItem): void {
    this.run('setTarget', item.key, item.localPath, JSON.stringify(item.spec), now(), item.id);
  }

  /** Records the source as it is now (a changed file restarts with its new size and mtime). */
  saveSource(item: TransferItem): void {
    this.run('setSource', item.size, item.sourceMtimeMs, item.remoteEtag, now(), item.id);
  }

  /** Records a multipart upload id (or null once it is completed or aborted). */
  saveUpload(id: string, uploadId: string | null, partSize: number | null): void {
    this.run('setUpload', uploadId, partSize, now(), id);
  }

  /** A new multipart upload: its id, part size and the source it reads; no parts yet, no pending create. */
  startUpload(id: string, uploadId: string, partSize: number, stamp: SourceStamp): void {
    if (this.closed) return;
    this.db.transaction(() => {
      this.stmts.clearParts?.run(id);
      this.stmts.startUpload?.run(uploadId, partSize, JSON.stringify(stamp), now(), id);
    })();
  }

  /** The multipart upload is completed or aborted: forget its id, parts and source stamp. */
  forgetUpload(id: string): void {
    if (this.closed) return;
    this.db.transaction(() => {
      this.stmts.clearParts?.run(id);
      this.stmts.forgetUpload?.run(now(), id);
    })();
  }

  /** Records (before it is sent) or clears (once settled) a CreateMultipartUpload whose answer may be lost. */
  saveCreateIntent(id: string, intent: CreateIntent | null): void {
    this.run('setIntent', intent ? JSON.stringify(intent) : null, now(), id);
  }

  /** The source as the journaled parts were found to match it (after they were checked again). */
  saveSourceStamp(id: string, stamp: SourceStamp): void {
    this.run('setStamp', JSON.stringify(stamp), now(), id);
  }

  /** Upload ids the journal knows for `bucket`/`key`, whatever item holds them: never strays. */
  uploadIdsOf(bucket: string, key: string): Set<string> {
    if (this.closed) return new Set();
    return new Set((this.stmts.uploadIdsOf?.all(bucket, key) as Array<{ upload_id: string }>).map((r) => r.upload_id));
  }

  addPart(id: string, part: JournalPart): void {
    this.run('addPart', id, part.partNumber, part.size, part.etag, part.checksum);
  }

  clearParts(id: string): void {
    this.run('clearParts', id);
  }

  parts(id: string): JournalPart[] {
    if (this.closed) return [];
    return this.stmts.parts?.all(id) as JournalPart[];
  }

  /** Forgets items (cleared from the list) and batches left empty. */
  deleteItems(ids: readonly string[]): void {
    if (this.closed || ids.length === 0) return;
    this.flush();
    this.db.transaction(() => {
      for (const id of ids) this.stmts.deleteItem?.run(id);
      this.stmts.deleteEmptyBatches?.run();
    })();
  }

  /**
   * What a previous run left: finished rows are dropped (nothing to offer), the rest comes back
   * with its parts. Items that were queued, active or paused are returned as they were stored.
   */
  loadUnfinished(): { batches: TransferBatch[]; items: TransferItem[] } {
    if (this.closed) return { batches: [], items: [] };
    this.flush();
    this.db.transaction(() => {
      this.stmts.deleteFinished?.run();
      this.stmts.deleteEmptyBatches?.run();
    })();
    const batches = (this.stmts.loadBatches?.all() as BatchRow[]).map(toBatch);
    const items = (this.stmts.loadItems?.all() as ItemRow[]).map(toItem);
    // What the journal already holds is shown as done before the item runs again (the runner
    // re-checks the parts against S3 or the temp file and corrects the figure when it resumes).
    const totals = new Map((this.stmts.partTotals?.all() as PartTotalsRow[]).map((r) => [r.id, r]));
    for (const item of items) {
      const journaled = totals.get(item.id);
      if (!journaled || item.partSize === null) continue;
      item.bytesDone = Math.min(journaled.bytes, item.size);
      item.partsDone = journaled.parts;
      item.partsTotal = partCount(item.size, item.partSize);
    }
    return { batches, items };
  }

  private run(name: string, ...args: unknown[]): void {
    if (this.closed) return;
    this.stmts[name]?.run(...args);
  }
}

const now = (): string => new Date().toISOString();

function toBatch(row: BatchRow): TransferBatch {
  return {
    id: row.id,
    direction: row.direction,
    connectionId: row.connection_id,
    bucket: row.bucket,
    destination: row.destination,
    label: row.label,
    createdAt: row.created_at,
  };
}

function toItem(row: ItemRow): TransferItem {
  return {
    id: row.id,
    batchId: row.batch_id,
    seq: row.seq,
    direction: row.direction,
    connectionId: row.connection_id,
    bucket: row.bucket,
    key: row.object_key,
    localPath: row.local_path,
    name: row.name,
    size: row.size,
    sourceMtimeMs: row.source_mtime_ms,
    remoteEtag: row.remote_etag,
    state: row.state,
    spec: JSON.parse(row.options_json) as TransferSpec,
    uploadId: row.upload_id,
    partSize: row.part_size,
    createIntent: row.create_intent_json ? (JSON.parse(row.create_intent_json) as CreateIntent) : null,
    sourceStamp: row.source_stamp_json ? (JSON.parse(row.source_stamp_json) as SourceStamp) : null,
    error: row.error_json ? (JSON.parse(row.error_json) as TransferError) : null,
    notice: row.notice,
    attempts: row.attempts,
    createdAt: row.created_at,
    bytesDone: 0,
    partsDone: 0,
    partsTotal: 0,
  };
}
