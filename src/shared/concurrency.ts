// The one home of bounded concurrency, for main and the renderer alike (hence src/shared: no Node,
// no DOM). A Semaphore limits work that many callers share (the transfer queue's data requests, a
// per-key lock); forEachConcurrent runs one caller's items through a Semaphore of its own.

/** A counting semaphore with FIFO waiters; a waiter whose signal aborts leaves the line. */
export class Semaphore {
  private available: number;
  private readonly waiters: Array<{ grant: () => void; signal?: AbortSignal }> = [];

  constructor(readonly size: number) {
    this.available = size;
  }

  /** Resolves with a release function once a slot is free; rejects if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    if (this.available > 0) {
      this.available -= 1;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(this.releaser());
        },
        ...(signal ? { signal } : {}),
      };
      const onAbort = () => {
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) this.waiters.splice(at, 1);
        reject(signal?.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next.grant();
      else this.available += 1;
    };
  }
}

/**
 * Runs `task` over `items` (a list, or an async source such as a WorkQueue, read only when a slot
 * is free) with at most `limit` in flight, in order of start. Stops starting tasks once `signal`
 * aborts or a task fails; a failure also aborts the signal the running tasks got, so they stop
 * too. Settles only when every started task has: then rejects with `signal`'s reason if it
 * aborted, else with the first failure (tasks that must go on past an item's error catch it).
 */
export async function forEachConcurrent<T>(
  items: Iterable<T> | AsyncIterable<T>,
  limit: number,
  task: (item: T, signal: AbortSignal) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const stop = new AbortController();
  const taskSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  const slots = new Semaphore(Math.max(1, limit));
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const fail = (error: unknown) => {
    failure ??= { error };
    stop.abort(error);
  };
  // A function, not a property read: the signal may abort while this function awaits.
  const stopped = () => taskSignal.aborted;
  const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  let exhausted = false;
  try {
    while (!stopped()) {
      const release = await slots.acquire(taskSignal).catch(() => undefined);
      if (!release) break;
      let next: IteratorResult<T>;
      try {
        next = await iterator.next();
      } catch (error) {
        release();
        exhausted = true;
        fail(error);
        break;
      }
      if (next.done === true) exhausted = true;
      if (next.done === true || stopped()) {
        release();
        break;
      }
      const item = next.value;
      const run: Promise<void> = Promise.resolve()
        // A failure or abort between taking the item and this turn: the item is not started.
        .then(() => (stopped() ? undefined : task(item, taskSignal)))
        .catch(fail)
        .finally(() => {
          release();
          running.delete(run);
        });
      running.add(run);
    }
  } finally {
    await Promise.all(running);
    // A source left part-way (an async generator listing pages) gets to run its own cleanup.
    if (!exhausted) await Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
  signal?.throwIfAborted();
  if (failure) throw failure.error;
}

/** Maps with at most `limit` calls in flight, keeping the input order in the result. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  await forEachConcurrent(items.keys(), limit, async (index) => {
    results[index] = await fn(items[index] as T, index);
  });
  return results;
}
