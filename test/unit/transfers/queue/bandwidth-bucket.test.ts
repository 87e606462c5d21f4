import { describe, expect, it } from 'vitest';
import { BandwidthBucket } from '../../../../src/main/core/transfers/queue/bandwidth-bucket';

const KiB = 1024;

describe('the bandwidth bucket', () => {
  it('lets everything through at once when unlimited', async () => {
    const bucket = new BandwidthBucket(null);
    const started = performance.now();
    for (let i = 0; i < 100; i += 1) await bucket.take(1024 * KiB);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('holds takes to the rate, shared by concurrent callers', async () => {
    const bucket = new BandwidthBucket(1024 * KiB); // 1 MiB/s
    const started = performance.now();
    // Four callers, 64 KiB slices, 256 KiB in all: about 250 ms less the 50 ms burst.
    await Promise.all([0, 1, 2, 3].map(() => bucket.take(64 * KiB)));
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('wakes waiters when the limit is lifted, and rejects a waiter whose signal aborts', async () => {
    const bucket = new BandwidthBucket(64 * KiB); // 64 KiB/s: a 1 MiB take would wait ~16 s
    const stop = new AbortController();
    const aborted = bucket.take(1024 * KiB, stop.signal);
    stop.abort(new Error('cancelled'));
    await expect(aborted).rejects.toThrow('cancelled');
    const started = performance.now();
    const waiting = bucket.take(1024 * KiB);
    setTimeout(() => bucket.setRate(null), 50);
    await waiting;
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a limit that is not positive', () => {
    expect(() => new BandwidthBucket(0)).toThrow(RangeError);
  });
});
