import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorShape } from '../../../shared/errors';
import type { Logger } from '../logger';
import type { SetAsideNotice } from '../store/rebuildable-database';
import {
  closedSlot,
  closeRequested,
  type IndexReply,
  type IndexRequest,
  type IndexWorkerData,
  type IndexWrite,
  type SqlParams,
} from './index-protocol';
import type { IndexProcedureName, IndexProcedures } from './index-procedures';
import { indexWorkerEntry } from './worker-entry';

/** How the index came up: ready (perhaps started empty, with a notice to show), or unavailable. */
export type IndexOpenResult = { state: 'ready'; setAside: SetAsideNotice | null } | { state: 'unavailable'; error: AppError };

/**
 * The object index as the main thread sees it: an async port onto index.sqlite, served by a
 * worker thread, so no query or write ever runs on the main thread. Repositories over the index
 * take this port. Every failure is an AppError; after `close()` every call fails with Cancelled.
 */
export interface IndexStore {
  /** Settles (never rejects) once the worker has opened index.sqlite, or failed to. */
  readonly opened: Promise<IndexOpenResult>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  /**
   * Runs each step once per row of parameters, all in one transaction: all of it is written or
   * none. The rows are copied to the worker on this thread, so send pages (a listing page of
   * ~1,000 objects), not a whole bucket.
   */
  write(steps: readonly IndexWrite[]): Promise<{ changes: number }>;
  /**
   * Runs a procedure of `index-procedures.ts` in the worker (its writes in its own transaction).
   * Buffers in `transfer` (each once) move to the worker instead of being copied: they are empty
   * here afterwards, and their memory is no longer this thread's to hold or collect.
   */
  call<N extends IndexProcedureName>(
    name: N,
    args: IndexProcedures[N]['args'],
    transfer?: readonly ArrayBuffer[],
  ): Promise<IndexProcedures[N]['result']>;
  /** Stops the worker once its current request is done (waits for it, at most `closeTimeoutMs`). */
  close(): void;
}

/** Options for `startIndexStore`. */
export interface IndexStoreOptions {
  file: string;
  logger: Logger;
  /** How long `close()` waits for a request in progress to finish before stopping the thread. */
  closeTimeoutMs?: number;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: AppError) => void;
}

/** Starts the index worker on `file` and returns its port at once; `opened` says how it went. */
export function startIndexStore(options: IndexStoreOptions): IndexStore {
  return new WorkerIndexStore(options);
}

class WorkerIndexStore implements IndexStore {
  readonly opened: Promise<IndexOpenResult>;
  private settleOpened!: (result: IndexOpenResult) => void;
  private readonly worker: Worker;
  private readonly control = new Int32Array(new SharedArrayBuffer(8));
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Set once the worker cannot answer any more (it failed, or the store was closed). */
  private stopped: AppError | null = null;

  constructor(private readonly options: IndexStoreOptions) {
    this.opened = new Promise((settle) => (this.settleOpened = settle));
    const entry = indexWorkerEntry();
    const workerData: IndexWorkerData = { file: options.file, control: this.control.buffer };
    this.worker = new Worker(entry.url, { workerData, execArgv: entry.execArgv, name: 'bucket-admin-index' });
    // Idle, the worker must not keep the process alive; while a request waits, it must.
    this.worker.unref();
    this.worker.on('message', (reply: IndexReply) => this.receive(reply));
    this.worker.on('error', (error: Error) => this.fail(`the index worker failed (${error.message})`));
    this.worker.on('exit', (code) => this.fail(`the index worker stopped (exit code ${code})`));
  }

  get<T>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    return this.request({ op: 'get', sql, params }) as Promise<T | undefined>;
  }

  all<T>(sql: string, params: SqlParams = []): Promise<T[]> {
    return this.request({ op: 'all', sql, params }) as Promise<T[]>;
  }

  write(steps: readonly IndexWrite[]): Promise<{ changes: number }> {
    return this.request({ op: 'write', steps }) as Promise<{ changes: number }>;
  }

  call<N extends IndexProcedureName>(
    name: N,
    args: IndexProcedures[N]['args'],
    transfer: readonly ArrayBuffer[] = [],
  ): Promise<IndexProcedures[N]['result']> {
    return this.request({ op: 'call', name, args }, transfer) as Promise<IndexProcedures[N]['result']>;
  }

  close(): void {
    if (this.stopped?.code === 'Cancelled') return;
    const running = this.stopped === null;
    this.stop(new AppError('Cancelled', 'Bucket Admin is closing: the object index no longer answers.'));
    if (!running) return;
    Atomics.store(this.control, closeRequested, 1);
    this.worker.postMessage({ op: 'wake' });
    const timeout = this.options.closeTimeoutMs ?? 10_000;
    // Synchronous on purpose: hosts close the core and then exit or delete its folder at once.
    if (Atomics.wait(this.control, closedSlot, 0, timeout) === 'timed-out') {
      this.options.logger.warn('The index worker did not close in time; stopping it', { timeoutMs: timeout });
    }
    void this.worker.terminate();
  }

  private request(body: DistributiveOmit<IndexRequest, 'id'>, transfer: readonly ArrayBuffer[] = []): Promise<unknown> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // Posted first: a request that cannot be sent (a value that cannot be cloned, a buffer
      // already moved elsewhere) rejects here and leaves nothing pending holding the worker up.
      this.worker.postMessage({ ...body, id }, [...transfer]);
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) this.worker.ref();
    });
  }

  private receive(reply: IndexReply): void {
    switch (reply.kind) {
      case 'opened':
        return this.settleOpened({ state: 'ready', setAside: reply.setAside });
      case 'openFailed':
        return this.fail(reply.error.message, reply.error);
      case 'log':
        return this.log(reply.level, reply.message, reply.fields);
      case 'result': {
        const waiting = this.pending.get(reply.id);
        if (!waiting) return;
        this.pending.delete(reply.id);
        if (this.pending.size === 0) this.worker.unref();
        if (reply.ok) waiting.resolve(reply.value);
        else waiting.reject(toAppError(reply.error));
      }
    }
  }

  private log(level: 'info' | 'warn' | 'error', message: string, fields: unknown): void {
    if (level === 'error') this.options.logger.error(message, fields);
    else this.options.logger[level](message, fields as Record<string, unknown> | undefined);
  }

  /** The worker cannot serve: every waiting and later request fails with `reason`. */
  private fail(reason: string, shape?: AppErrorShape): void {
    if (this.stopped) return;
    const error = shape
      ? toAppError(shape)
      : new AppError(
          'Internal',
          `The object index is unavailable: ${reason}. Restart Bucket Admin; browsing, transfers and sharing do not need it.`,
        );
    this.options.logger.error('The object index is unavailable', error);
    this.stop(error);
  }

  private stop(error: AppError): void {
    this.stopped = error;
    this.settleOpened({ state: 'unavailable', error });
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    this.worker.unref();
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function toAppError(shape: AppErrorShape): AppError {
  return new AppError(shape.code, shape.message, shape.details);
}
