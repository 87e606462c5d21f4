/** Progress events at most this often (≈10 Hz), whatever the pace of the work. */
export const progressIntervalMs = 100;

/**
 * Turns many small changes into at most one `flush` per `intervalMs`: job and transfer progress
 * events, checkpoint writes. The first change after a quiet interval is flushed on the next turn
 * of the event loop (so a burst of synchronous changes travels as one), later ones once the
 * interval since the last flush is over, so a change never waits longer than one interval.
 */
export class Throttle {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastFlush = Number.NEGATIVE_INFINITY;
  private closed = false;

  constructor(
    private readonly intervalMs: number,
    private readonly flush: () => void,
  ) {}

  /** Something changed: `flush` will run within one interval. */
  request(): void {
    if (this.timer !== undefined || this.closed) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - performance.now());
    // Not unref'd: the last event of a batch must go out even when nothing else is pending.
    this.timer = setTimeout(() => this.run(), wait);
  }

  /** Flushes a requested change at once (the work ended: its last figure must not wait). */
  flushNow(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.run();
  }

  /** Drops what is pending; later requests are ignored. */
  close(): void {
    this.closed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private run(): void {
    this.timer = undefined;
    this.lastFlush = performance.now();
    this.flush();
  }
}
