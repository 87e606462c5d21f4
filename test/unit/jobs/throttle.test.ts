import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from '../../../src/main/core/jobs/throttle';

describe('throttle', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('flushes a burst once on the next turn, then at most once per interval, never leaving a change behind', () => {
    let flushes = 0;
    const t = new Throttle(100, () => (flushes += 1));
    t.request();
    t.request();
    expect(flushes).toBe(0);
    vi.advanceTimersByTime(0);
    expect(flushes).toBe(1);
    vi.advanceTimersByTime(30);
    t.request();
    vi.advanceTimersByTime(69);
    expect(flushes).toBe(1);
    vi.advanceTimersByTime(1);
    expect(flushes).toBe(2);
    // Quiet for longer than an interval: the next change goes out on the next turn again.
    vi.advanceTimersByTime(500);
    t.request();
    vi.advanceTimersByTime(0);
    expect(flushes).toBe(3);
  });

  it('flushes a pending change at once when asked, and nothing after close', () => {
    let flushes = 0;
    const t = new Throttle(100, () => (flushes += 1));
    t.flushNow();
    expect(flushes).toBe(0);
    t.request();
    t.flushNow();
    expect(flushes).toBe(1);
    t.request();
    t.close();
    t.request();
    vi.advanceTimersByTime(1_000);
    expect(flushes).toBe(1);
  });
});
