import type { TransferState, TransferTarget } from '../../../../shared/model/transfer';
import type { TransferBatch, TransferItem } from './transfer-item';
import { emptyCounts, type BatchRecord } from './transfer-views';

/**
 * The queue's in-memory state: items and batches with per-batch counters kept exact on every
 * state change and byte, so views never rescan a 100,000-item batch. No I/O.
 */
export class TransferRegistry {
  readonly items = new Map<string, TransferItem>();
  readonly batches = new Map<string, BatchRecord>();
  /** Every byte moved since start (net of bytes taken back): the overall speed is sampled from it. */
  bytesMoved = 0;

  addBatch(batch: TransferBatch, items: readonly TransferItem[]): BatchRecord {
    const record: BatchRecord = { batch, ids: [], counts: emptyCounts(), bytesTotal: 0, bytesDone: 0 };
    this.batches.set(batch.id, record);
    for (const item of items) {
      this.items.set(item.id, item);
      record.ids.push(item.id);
      record.counts[item.state] += 1;
      record.bytesTotal += item.size;
      record.bytesDone += item.bytesDone;
    }
    return record;
  }

  batchOf(item: TransferItem): BatchRecord | undefined {
    return this.batches.get(item.batchId);
  }

  /** Moves an item to `state`, keeping its batch's counts exact. Returns the previous state. */
  setState(item: TransferItem, state: TransferState): TransferState {
    const previous = item.state;
    if (previous === state) return previous;
    const record = this.batchOf(item);
    if (record) {
      record.counts[previous] -= 1;
      record.counts[state] += 1;
    }
    item.state = state;
    return previous;
  }

  addBytes(item: TransferItem, delta: number): void {
    item.bytesDone += delta;
    this.bytesMoved += delta;
    const record = this.batchOf(item);
    if (record) record.bytesDone += delta;
  }

  /** Sets the item's size (a source that changed) and keeps the batch total in step. */
  resize(item: TransferItem, size: number): void {
    const record = this.batchOf(item);
    if (record) record.bytesTotal += size - item.size;
    item.size = size;
  }

  /** Items a control applies to, in queue order. */
  select(target: TransferTarget): TransferItem[] {
    if ('ids' in target) return target.ids.flatMap((id) => this.items.get(id) ?? []);
    if ('batchId' in target) return (this.batches.get(target.batchId)?.ids ?? []).flatMap((id) => this.items.get(id) ?? []);
    return [...this.items.values()];
  }

  /** Forgets items; a batch with none left is forgotten too. Returns the removed items. */
  remove(ids: ReadonlySet<string>): TransferItem[] {
    const removed: TransferItem[] = [];
    for (const id of ids) {
      const item = this.items.get(id);
      if (!item) continue;
      this.items.delete(id);
      removed.push(item);
      const record = this.batchOf(item);
      if (!record) continue;
      record.counts[item.state] -= 1;
      record.bytesTotal -= item.size;
      record.bytesDone -= item.bytesDone;
    }
    for (const [batchId, record] of this.batches) {
      const before = record.ids.length;
      record.ids = record.ids.filter((id) => !ids.has(id));
      if (record.ids.length === 0 && before > 0) this.batches.delete(batchId);
    }
    return removed;
  }

  /** Batches newest first. */
  batchesNewestFirst(): BatchRecord[] {
    return [...this.batches.values()].sort((a, b) =>
      a.batch.createdAt < b.batch.createdAt ? 1 : a.batch.createdAt > b.batch.createdAt ? -1 : 0,
    );
  }
}
