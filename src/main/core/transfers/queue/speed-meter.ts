/**
 * Transfer speed as an exponential moving average (time constant ≈ 3 s), fed with byte counts
 * at each progress tick. Smooth enough for an ETA that does not jump, quick enough to show a stall.
 */
export class SpeedMeter {
  private lastBytes = 0;
  private lastAt: number | undefined;
  private rate = 0;
  private primed = false;

  constructor(private readonly tauMs = 3_000) {}

  /** Records the running total `bytes` at time `now` (ms); returns the smoothed bytes per second. */
  sample(bytes: number, now: number): number {
    if (this.lastAt === undefined) {
      this.lastAt = now;
      this.lastBytes = bytes;
      return this.rate;
    }
    const dt = now - this.lastAt;
    if (dt <= 0) return this.rate;
    // A total that went down (a failed part's bytes taken back) is a restart, not negative speed.
    const instant = (Math.max(0, bytes - this.lastBytes) * 1000) / dt;
    const alpha = 1 - Math.exp(-dt / this.tauMs);
    this.rate = this.primed ? this.rate + alpha * (instant - this.rate) : instant;
    this.primed = true;
    this.lastAt = now;
    this.lastBytes = bytes;
    return this.rate;
  }

  get bytesPerSecond(): number {
    return this.rate;
  }

  /** Forget the history (after a pause), so the first seconds back are not averaged with zero. */
  reset(): void {
    this.lastAt = undefined;
    this.rate = 0;
    this.lastBytes = 0;
    this.primed = false;
  }
}

/** Seconds left at `speed` bytes/s; null when there is no meaningful speed yet. Pure. */
export function etaSeconds(remaining: number, speed: number): number | null {
  if (remaining <= 0) return 0;
  if (speed < 1) return null;
  return Math.ceil(remaining / speed);
}

/** 0–100 with one decimal; 100 only when complete. Pure. */
export function percentOf(done: number, total: number): number {
  if (total <= 0) return done >= total ? 100 : 0;
  const pct = Math.floor((done / total) * 1000) / 10;
  return done >= total ? 100 : Math.min(pct, 99.9);
}
