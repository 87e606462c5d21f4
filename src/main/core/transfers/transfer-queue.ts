import type { ConflictAction, TransferTarget } from '../../../shared/model/transfer';
import type { BucketCapabilities } from '../access/capabilities';
import type { Logger } from '../logger';
import { runDownload } from './download-runner';
import type { TransferEngineOptions } from './engine-options';
import { cleanupCancelled } from './cancel-cleanup';
import type { ProgressReporter } from './progress-reporter';
import { KeyLocks } from './key-locks';
import { createRunContext } from './run-context-factory';
import { Semaphore } from './semaphore';
import type { TransferClients } from './transfer-client';
import { toTransferError } from './transfer-errors';
import { terminalStates, type TransferBatch, type TransferItem } from './transfer-item';
import type { TransferJournal } from './transfer-journal';
import type { TransferRegistry } from './transfer-registry';
import { runUpload } from './upload-runner';

type StopReason = 'pause' | 'cancel' | 'shutdown';

export interface QueueDeps {
  options: TransferEngineOptions;
  registry: TransferRegistry;
  reporter: ProgressReporter;
  journal: TransferJournal;
  clients: TransferClients;
  capabilities: BucketCapabilities;
  logger: Logger;
  /** Told when an item reaches done/cancelled/skipped (staged browser uploads are removed then). */
  onSettled?: (item: TransferItem) => void;
}

/**
 * The one queue for uploads and downloads: runs up to `maxActiveFiles` items at once (and
 * `maxConcurrentRequests` data requests across them), and pauses, resumes, cancels and retries
 * items on request. Every state change is journaled, so a restart finds the queue as it was.
 */
export class TransferQueue {
  private readonly fifo: string[] = [];
  private fifoHead = 0;
  private readonly running = new Map<string, { controller: AbortController; stop?: StopReason }>();
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
        this.stop(item.id, 'pause');
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
        this.stop(item.id, 'cancel');
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
      if (item.state === 'done' || item.state === 'skipped' || item.state === 'cancelled' || (includeFailed && item.state === 'failed')) ids.add(item.id);
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
    for (const run of this.running.values()) {
      run.stop = 'shutdown';
      run.controller.abort();
    }
  }

  private enqueue(item: TransferItem): void {
    item.error = null;
    this.setState(item, 'queued');
    this.fifo.push(item.id);
  }

  private stop(id: string, reason: StopReason): void {
    const run = this.running.get(id);
    if (!run) return;
    run.stop ??= reason;
    run.controller.abort();
  }

  private setState(item: TransferItem, state: TransferItem['state']): void {
    this.deps.registry.setState(item, state);
    if (terminalStates.has(state)) item.finishedAt = new Date().toISOString();
    // `active` is not journaled: after a crash it is the same as queued (offered for resume).
    if (state !== 'active') this.deps.journal.saveState(item);
    this.deps.reporter.touch(item);
    if (state === 'done' || state === 'skipped' || state === 'cancelled') this.deps.onSettled?.(item);
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
    const run: { controller: AbortController; stop?: StopReason } = { controller: new AbortController() };
    this.running.set(item.id, run);
    this.deps.registry.addBytes(item, -item.bytesDone);
    this.deps.reporter.forget(item.id);
    item.partsDone = 0;
    item.startedAt = new Date().toISOString();
    delete item.finishedAt;
    this.setState(item, 'active');
    const runner = item.direction === 'upload' ? runUpload : runDownload;
    runner(item, createRunContext(this.deps, this.slots, this.keyLocks, run.controller.signal)).then(
      () => this.settle(item, run, undefined),
      (error: unknown) => this.settle(item, run, error ?? new Error('unknown failure')),
    );
  }

  private settle(item: TransferItem, run: { stop?: StopReason }, error: unknown): void {
    this.running.delete(item.id);
    if (this.closed || run.stop === 'shutdown') return;
    delete item.phase;
    this.deps.reporter.forget(item.id);
    if (run.stop === 'pause') {
      this.setState(item, 'paused');
    } else if (run.stop === 'cancel') {
      this.setState(item, 'cancelled');
      this.cleanup(item);
    } else if (error === undefined) {
      this.deps.registry.addBytes(item, item.size - item.bytesDone);
      item.partsDone = item.partsTotal;
      this.setState(item, 'done');
    } else {
      item.error = toTransferError(error, item);
      this.deps.logger.warn('Transfer failed', { id: item.id, direction: item.direction, bucket: item.bucket, code: item.error.code, message: item.error.message });
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
