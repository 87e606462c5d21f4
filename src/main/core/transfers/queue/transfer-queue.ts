import { Semaphore } from '../../../../shared/concurrency';
import type { ConflictAction, TransferTarget } from '../../../../shared/model/transfer';
import { JobRegistry } from '../../jobs/job-registry';
import { runDownload } from '../download/download-runner';
import { cleanupCancelled } from './cancel-cleanup';
import { KeyLocks } from './key-locks';
import { createRunContext, type RunContextDeps } from './run-context-factory';
import { toTransferError } from './transfer-errors';
import { terminalStates, type TransferBatch, type TransferItem } from './transfer-item';
import { runUpload } from '../upload/upload-runner';

/** Why a running item was stopped; a shutdown leaves it as journaled, to be offered for resume. */
type StopReason = 'pause' | 'cancel' | 'shutdown';

export interface QueueDeps extends RunContextDeps {
  /** Told when an item reaches done/cancelled/skipped (staged browser uploads are removed then). */
  onSettled?: (item: TransferItem) => void;
}

/**
 * The one queue for uploads and downloads: runs up to `maxActiveFiles` items at once (and
 * `maxConcurrentRequests` data requests across them), and pauses, resumes, cancels and retries
 * items on request. Every state change is journaled, so a restart finds the queue as it was.
 * Running items are jobs of the job layer's registry, by item id: stopping one aborts its signal.
 */
export class TransferQueue {
  private readonly fifo: string[] = [];
  private fifoHead = 0;
  private readonly running = new JobRegistry<StopReason>();
  private readonly slots: Semaphore;
  private readonly keyLocks = new KeyLocks();
  private closed = false;

  constructor(private readonly deps: QueueDeps) {
    this.slots = new Semaphore(deps.options.maxConcurrentRequests);
  }

  get activeCount(): number {
    return this.running.size;
  }

  /** Adds a new batch (already journaled) and starts what it can. */
  add(batch: TransferBatch, items: readonly TransferItem[]): void {
    this.deps.registry.addBatch(batch, items);
    for (const item of items) {
      if (item.state === 'queued') this.fifo.push(item.id);
      this.deps.reporter.touch(item);
    }
    this.deps.reporter.touchBatch(batch.id);
    this.schedule();
  }

  pause(target: TransferTarget): number {
    let changed = 0;
    for (const item of this.deps.registry.select(target)) {
      if (item.state === 'queued') {
        this.setState(item, 'paused');
        changed += 1;
      } else if (item.state === 'active') {
        this.running.stop(item.id, 'pause');
        changed += 1;
      }
    }
    return changed;
  }

  resume(target: TransferTarget): number {
    let changed = 0;
    for (const item of this.deps.registry.select(target)) {
      if (item.state !== 'paused' && item.state !== 'interrupted') continue;
      this.enqueue(item);
      changed += 1;
    }
    this.schedule();
    return changed;
  }

  cancel(target: TransferTarget): number {
    let changed = 0;
    for (const item of this.deps.registry.select(target)) {
      if (item.state === 'active') {
        this.running.stop(item.id, 'cancel');
        changed += 1;
      } else if (item.state === 'queued' || item.state === 'paused' || item.state === 'interrupted' || item.state === 'failed') {
        this.setState(item, 'cancelled');
        this.cleanup(item);
        changed += 1;
      }
    }
    return changed;
  }

  /** Re-queues failed and cancelled items; `conflict` changes how a taken name is handled. */
  retry(target: TransferTarget, conflict?: ConflictAction): number {
    let changed = 0;
    for (const item of this.deps.registry.select(target)) {
      if (item.state !== 'failed' && item.state !== 'cancelled') continue;
      if (conflict === 'skip' && item.error?.code === 'Conflict') {
        this.setState(item, 'skipped');
      } else {
        if (conflict && conflict !== 'skip') {
          item.spec = { ...item.spec, mode: conflict };
          this.deps.journal.saveTarget(item);
        }
        this.enqueue(item);
      }
      changed += 1;
    }
    this.schedule();
    return changed;
  }

  /** Removes finished items from the queue and the journal. */
  clear(batchId: string | undefined, includeFailed: boolean): number {
    const target: TransferTarget = batchId ? { batchId } : { all: true };
    const ids = new Set<string>();
    for (const item of this.deps.registry.select(target)) {
      if (item.state === 'done' || item.state === 'skipped' || item.state === 'cancelled' || (includeFailed && item.state === 'failed'))
        ids.add(item.id);
    }
    const removed = this.deps.registry.remove(ids);
    this.deps.journal.deleteItems([...ids]);
    for (const item of removed) {
      this.deps.reporter.forget(item.id);
      if (item.state === 'failed') this.cleanup(item);
    }
    return removed.length;
  }

  /** Stops everything for a quit: requests are aborted, the journal keeps what resume needs. */
  close(): void {
    this.closed = true;
    this.running.stopAll('shutdown');
  }

  private enqueue(item: TransferItem): void {
    item.error = null;
    this.setState(item, 'queued');
    this.fifo.push(item.id);
  }

  private setState(item: TransferItem, state: TransferItem['state']): void {
    this.deps.registry.setState(item, state);
    if (terminalStates.has(state)) item.finishedAt = new Date().toISOString();
    // `active` is not journaled: after a crash it is the same as queued (offered for resume).
    if (state !== 'active') this.deps.journal.saveState(item);
    this.deps.reporter.touch(item);
    if (state === 'done' || state === 'skipped' || state === 'cancelled') this.deps.onSettled?.(item);
  }

  /** Starts what the (possibly raised) `maxActiveFiles` now allows. */
  wake(): void {
    this.schedule();
  }

  private schedule(): void {
    while (!this.closed && this.running.size < this.deps.options.maxActiveFiles) {
      const item = this.nextQueued();
      if (!item) break;
      this.start(item);
    }
  }

  private nextQueued(): TransferItem | undefined {
    while (this.fifoHead < this.fifo.length) {
      const id = this.fifo[this.fifoHead++] ?? '';
      const item = this.deps.registry.items.get(id);
      if (item?.state === 'queued' && !this.running.has(id)) return item;
    }
    this.fifo.length = 0;
    this.fifoHead = 0;
    return undefined;
  }

  private start(item: TransferItem): void {
    const { signal } = this.running.start(item.id);
    this.deps.registry.addBytes(item, -item.bytesDone);
    this.deps.reporter.forget(item.id);
    item.partsDone = 0;
    item.startedAt = new Date().toISOString();
    delete item.finishedAt;
    this.setState(item, 'active');
    const runner = item.direction === 'upload' ? runUpload : runDownload;
    runner(item, createRunContext(this.deps, this.slots, this.keyLocks, signal)).then(
      () => this.settle(item, undefined),
      (error: unknown) => this.settle(item, error ?? new Error('unknown failure')),
    );
  }

  private settle(item: TransferItem, error: unknown): void {
    const stop = this.running.finish(item.id);
    if (this.closed || stop === 'shutdown') return;
    delete item.phase;
    this.deps.reporter.forget(item.id);
    if (stop === 'pause') {
      this.setState(item, 'paused');
    } else if (stop === 'cancel') {
      this.setState(item, 'cancelled');
      this.cleanup(item);
    } else if (error === undefined) {
      this.deps.registry.addBytes(item, item.size - item.bytesDone);
      item.partsDone = item.partsTotal;
      this.setState(item, 'done');
    } else {
      item.error = toTransferError(error, item);
      this.deps.logger.warn('Transfer failed', {
        id: item.id,
        direction: item.direction,
        bucket: item.bucket,
        code: item.error.code,
        message: item.error.message,
      });
      this.setState(item, 'failed');
    }
    this.schedule();
  }

  private cleanup(item: TransferItem): void {
    const { clients, journal, options, logger } = this.deps;
    void cleanupCancelled(item, clients, journal, options.retry, this.keyLocks).catch((error: unknown) =>
      logger.warn('Could not clean up a cancelled transfer', { id: item.id, error }),
    );
  }
}
