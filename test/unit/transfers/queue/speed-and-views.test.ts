import { describe, expect, it } from 'vitest';
import { etaSeconds, percentOf, SpeedMeter } from '../../../../src/main/core/transfers/queue/speed-meter';
import { batchSettled, batchStateOf, emptyCounts } from '../../../../src/main/core/transfers/queue/transfer-views';

describe('speed as a moving average', () => {
  it('starts at the first measured rate and follows changes smoothly', () => {
    const meter = new SpeedMeter(3_000);
    meter.sample(0, 0);
    expect(meter.sample(1_000_000, 1_000)).toBe(1_000_000);
    // The rate doubles: the average moves towards it, not all the way in one second.
    const next = meter.sample(3_000_000, 2_000);
    expect(next).toBeGreaterThan(1_000_000);
    expect(next).toBeLessThan(2_000_000);
  });

  it('decays towards zero when nothing moves (a stall shows)', () => {
    const meter = new SpeedMeter(1_000);
    meter.sample(0, 0);
    meter.sample(1_000_000, 1_000);
    let rate = 0;
    for (let t = 2_000; t <= 10_000; t += 1_000) rate = meter.sample(1_000_000, t);
    expect(rate).toBeLessThan(1_000);
  });

  it('treats bytes taken back (a failed part) as no progress, not negative speed', () => {
    const meter = new SpeedMeter();
    meter.sample(5_000, 0);
    expect(meter.sample(1_000, 1_000)).toBe(0);
  });

  it('computes ETA and percent', () => {
    expect(etaSeconds(10_000, 1_000)).toBe(10);
    expect(etaSeconds(10_000, 0)).toBeNull();
    expect(etaSeconds(0, 0)).toBe(0);
    expect(percentOf(0, 0)).toBe(100);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(999_999, 1_000_000)).toBe(99.9);
    expect(percentOf(1_000_000, 1_000_000)).toBe(100);
  });
});

describe('batch state', () => {
  it('shows what is still moving first, then how it ended', () => {
    const c = emptyCounts();
    c.done = 3;
    c.failed = 1;
    expect(batchStateOf(c)).toBe('failed');
    expect(batchSettled(c)).toBe(true);
    c.active = 1;
    expect(batchStateOf(c)).toBe('active');
    expect(batchSettled(c)).toBe(false);
    const paused = { ...emptyCounts(), paused: 1, done: 2 };
    expect(batchStateOf(paused)).toBe('paused');
    expect(batchSettled(paused)).toBe(false);
    expect(batchStateOf({ ...emptyCounts(), skipped: 2 })).toBe('skipped');
    expect(batchStateOf({ ...emptyCounts(), skipped: 2, done: 1 })).toBe('done');
  });
});
