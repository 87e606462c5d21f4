import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BandwidthBucket } from '../../../../src/main/core/transfers/queue/bandwidth-bucket';

const KiB = 1024;
const burstSeconds = 0.05;

// A fake clock for the bucket and its timers alike: what a take waits for is checked to the
// millisecond, and a loaded machine cannot stretch or shrink it.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());
const bucketOf = (bytesPerSecond: number | null) => new BandwidthBucket(bytesPerSecond, burstSeconds, () => Date.now());

/** Starts `take` and tells whether it has resolved yet. */
function tracked(take: Promise<void>) {
  const state = { done: false };
  void take.then(() => (state.done = true));
  return state;
}

describe('the bandwidth bucket', () => {
  it('lets everything through at once when unlimited', async () => {
    const bucket = bucketOf(null);
    const startedAt = Date.now();
    for (let i = 0; i < 100; i += 1) await bucket.take(1024 * KiB);
    // No timer was ever set, and no (fake) time had to pass.
    expect(vi.getTimerCount()).toBe(0);
    expect(Date.now()).toBe(startedAt);
  });

  it('holds takes to the rate, shared by concurrent callers in the order they asked', async () => {
    const bucket = bucketOf(1024 * KiB); // 1 MiB/s
    // Four callers, 64 KiB slices, 256 KiB in all: 250 ms less the 50 ms burst, 62.5 ms apart.
    const takes = [0, 1, 2, 3].map(() => tracked(bucket.take(64 * KiB)));
    const doneAfter = async (ms: number) => {
      await vi.advanceTimersByTimeAsync(ms);
      return takes.map((t) => t.done);
    };
    expect(await doneAfter(0)).toEqual([false, false, false, false]);
    expect(await doneAfter(13)).toEqual([true, false, false, false]);
    expect(await doneAfter(62)).toEqual([true, true, false, false]); // 75 ms
    expect(await doneAfter(63)).toEqual([true, true, true, false]); // 138 ms
    expect(await doneAfter(61)).toEqual([true, true, true, false]); // 199 ms
    expect(await doneAfter(1)).toEqual([true, true, true, true]); // 200 ms
  });

  it('wakes waiters when the limit is lifted, and rejects a waiter whose signal aborts', async () => {
    const bucket = bucketOf(64 * KiB); // 64 KiB/s: a 1 MiB take would wait ~16 s
    const stop = new AbortController();
    const aborted = bucket.take(1024 * KiB, stop.signal);
    stop.abort(new Error('cancelled'));
    await expect(aborted).rejects.toThrow('cancelled');
    const waiting = tracked(bucket.take(1024 * KiB));
    await vi.advanceTimersByTimeAsync(50);
    expect(waiting.done).toBe(false);
    bucket.setRate(null);
    // Woken by the change itself: no more time has to pass.
    await vi.advanceTimersByTimeAsync(0);
    expect(waiting.done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('refuses a limit that is not positive', () => {
    expect(() => new BandwidthBucket(0)).toThrow(RangeError);
  });
});
