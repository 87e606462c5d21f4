import type { EventName, EventPayload } from '../../../../shared/contract';
import { emptyTransferOverall, type TransferOverall, type TransferBatchView } from '../../../../shared/model/transfer';
import { Throttle } from '../../jobs/throttle';
import { etaSeconds, SpeedMeter } from './speed-meter';
import type { TransferItem } from './transfer-item';
import type { TransferRegistry } from './transfer-registry';
import { batchSettled, toBatchView, toItemView, type BatchRecord } from './transfer-views';

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * Turns the queue's many small changes into `transfers:progress` events of at most ~10 per second
 * (the job layer's Throttle), each carrying only the items and batches that changed, and one
 * `transfers:batchFinished` per batch. Speeds are moving averages sampled at each tick, ticking on
 * while anything is active, so a stalled item decays to zero.
 */
export class ProgressReporter {
  private dirty = new Set<TransferItem>();
  private dirtyBatches = new Set<string>();
  private readonly throttle: Throttle;
  private readonly itemMeters = new Map<string, SpeedMeter>();
  private readonly batchMeters = new Map<string, SpeedMeter>();
  private readonly overallMeter = new SpeedMeter();
  private closed = false;

  constructor(
    private readonly registry: TransferRegistry,
    private readonly emit: Emit,
    intervalMs: number,
    private readonly isActive: () => boolean,
  ) {
    this.throttle = new Throttle(intervalMs, () => this.tick());
  }

  touch(item: TransferItem): void {
    if (this.closed) return;
    this.dirty.add(item);
    this.dirtyBatches.add(item.batchId);
    this.throttle.request();
  }

  touchBatch(batchId: string): void {
    if (this.closed) return;
    this.dirtyBatches.add(batchId);
    this.throttle.request();
  }

  /** Current smoothed speed of an item (0 when it is not moving). */
  itemSpeed(id: string): number {
    return this.itemMeters.get(id)?.bytesPerSecond ?? 0;
  }

  batchSpeed(id: string): number {
    return this.batchMeters.get(id)?.bytesPerSecond ?? 0;
  }

  /** Forget an item's speed history (it stopped, or is starting over). */
  forget(id: string): void {
    this.itemMeters.delete(id);
  }

  overall(): TransferOverall {
    const o: TransferOverall = { ...emptyTransferOverall };
    for (const record of this.registry.batches.values()) {
      const c = record.counts;
      o.active += c.active;
      o.queued += c.queued;
      o.paused += c.paused;
      o.interrupted += c.interrupted;
      o.failed += c.failed;
      if (c.active + c.queued > 0) {
        o.bytesTotal += record.bytesTotal;
        o.bytesDone += record.bytesDone;
      }
    }
    o.speed = Math.round(this.overallMeter.bytesPerSecond);
    o.fraction = o.bytesTotal > 0 ? Math.min(1, o.bytesDone / o.bytesTotal) : null;
    o.eta = o.bytesTotal > 0 ? etaSeconds(o.bytesTotal - o.bytesDone, o.speed) : null;
    return o;
  }

  batchView(record: BatchRecord): TransferBatchView {
    return toBatchView(record, this.batchSpeed(record.batch.id));
  }

  close(): void {
    this.closed = true;
    this.throttle.close();
  }

  private tick(): void {
    const now = performance.now();
    for (const item of this.registry.items.values()) {
      if (item.state !== 'active') continue;
      let meter = this.itemMeters.get(item.id);
      if (!meter) this.itemMeters.set(item.id, (meter = new SpeedMeter()));
      meter.sample(item.bytesDone, now);
      this.dirty.add(item);
      this.dirtyBatches.add(item.batchId);
    }
    for (const record of this.registry.batches.values()) {
      if (record.counts.active === 0) continue;
      let meter = this.batchMeters.get(record.batch.id);
      if (!meter) this.batchMeters.set(record.batch.id, (meter = new SpeedMeter()));
      meter.sample(record.bytesDone, now);
    }
    this.overallMeter.sample(this.registry.bytesMoved, now);
    this.flush();
    if (this.isActive()) this.throttle.request();
  }

  private flush(): void {
    const items = [...this.dirty].filter((i) => this.registry.items.has(i.id)).map((i) => toItemView(i, this.itemSpeed(i.id)));
    const finished: BatchRecord[] = [];
    const batches: TransferBatchView[] = [];
    for (const id of this.dirtyBatches) {
      const record = this.registry.batches.get(id);
      if (!record) continue;
      if (batchSettled(record.counts) && !record.batch.announced) {
        record.batch.announced = true;
        record.batch.finishedAt = new Date().toISOString();
        finished.push(record);
      } else if (!batchSettled(record.counts)) {
        // Resumed or retried: it will finish (and be announced) again.
        record.batch.announced = false;
        delete record.batch.finishedAt;
      }
      batches.push(this.batchView(record));
    }
    this.dirty = new Set();
    this.dirtyBatches = new Set();
    if (items.length === 0 && batches.length === 0) return;
    this.emit('transfers:progress', { items, batches, overall: this.overall() });
    for (const record of finished) this.emit('transfers:batchFinished', { batch: this.batchView(record) });
  }
}
