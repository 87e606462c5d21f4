/** Objects per second and time left, from the first progress sample kept and the latest one. */
export interface RateSample {
  at: number;
  done: number;
}

export interface JobRate {
  perSecond: number;
  /** Seconds left, when the total is known and the job is moving. */
  etaSeconds?: number;
}

export function jobRate(first: RateSample | null, latest: RateSample, total?: number): JobRate | null {
  if (!first || latest.at <= first.at) return null;
  const perSecond = ((latest.done - first.done) * 1000) / (latest.at - first.at);
  if (!(perSecond > 0)) return { perSecond: 0 };
  return total !== undefined ? { perSecond, etaSeconds: Math.max(0, (total - latest.done) / perSecond) } : { perSecond };
}

export function formatEta(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
