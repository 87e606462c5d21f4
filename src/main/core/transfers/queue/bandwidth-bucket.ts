/**
 * The transfer engine's bandwidth limit: one token bucket for uploads and downloads together,
 * shared by every request of the queue. A request asks for bytes before it sends (upload) or
 * after it has read (download: it stops reading, and TCP slows the server down) a slice of at
 * most `sliceBytes`; callers are served in the order they asked, so 16 requests share the rate
 * evenly and none sits idle long enough to trip the 30 s stall check.
 *
 * Implemented as a reservation clock rather than a refilling counter: each take moves `nextFree`
 * on by bytes / rate and waits until then, less the burst the bucket may hold. That is exact
 * for any slice size and needs one timer per waiter, no polling.
 */
export class BandwidthBucket {
  /** Bytes a caller should ask for at once while limited (small enough for fairness, large enough for few timers). */
  static readonly sliceBytes = 64 * 1024;

  private bytesPerSecond: number | null = null;
  /** When (ms, `now()` clock) the bytes reserved so far will have been sent at the current rate. */
  private nextFree = 0;
  private readonly waiters = new Set<{ wake: () => void }>();

  constructor(
    bytesPerSecond: number | null = null,
    /** Credit an idle bucket may build up: this many seconds' worth of bytes may go at once. */
    private readonly burstSeconds = 0.05,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.setRate(bytesPerSecond);
  }

  /** The current limit in bytes per second, or null when unlimited. */
  get rate(): number | null {
    return this.bytesPerSecond;
  }

  /**
   * Changes the limit for every request at once (the running ones too): waiters are woken and
   * book again at the new rate, in the order they asked; `null` lets everyone go.
   */
  setRate(bytesPerSecond: number | null): void {
    if (bytesPerSecond !== null && !(bytesPerSecond > 0)) throw new RangeError('A bandwidth limit must be positive, or null for none.');
    this.bytesPerSecond = bytesPerSecond;
    this.nextFree = this.now();
    const woken = [...this.waiters];
    this.waiters.clear();
    for (const waiter of woken) waiter.wake();
  }

  /** Resolves once `bytes` may move; at once when unlimited. Rejects when `signal` aborts first. */
  async take(bytes: number, signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const rate = this.bytesPerSecond;
      if (rate === null || bytes <= 0) return;
      const now = this.now();
      // Idle time becomes credit, but at most `burstSeconds` of it.
      this.nextFree = Math.max(this.nextFree, now - this.burstSeconds * 1000) + (bytes / rate) * 1000;
      const wait = this.nextFree - now - this.burstSeconds * 1000;
      if (wait <= 0) return;
      if (await this.sleep(wait, signal)) return;
      // Woken by a rate change: book again at the new rate.
    }
  }

  /** Waits `ms`; true when the time passed, false when a rate change woke it first. */
  private sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      const waiter = {
        wake: () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          resolve(false);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        signal?.removeEventListener('abort', onAbort);
        resolve(true);
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        reject(signal?.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(waiter);
    });
  }
}

/** A request's view of the limiter: the shared bucket and the signal that stops its waits. */
export interface Throttle {
  limiter: BandwidthBucket;
  signal: AbortSignal;
}

/** Takes `bytes` from `limiter` in slices, calling `each` with each slice's length as it is granted. */
export async function takeInSlices(
  limiter: BandwidthBucket,
  bytes: number,
  signal: AbortSignal | undefined,
  each: (offset: number, length: number) => void | Promise<void>,
): Promise<void> {
  for (let offset = 0; offset < bytes; offset += BandwidthBucket.sliceBytes) {
    const length = Math.min(BandwidthBucket.sliceBytes, bytes - offset);
    await limiter.take(length, signal);
    await each(offset, length);
  }
}
