import { describe, expect, it } from 'vitest';
import { formatEta, jobRate } from '../../../src/renderer/features/folder-actions/job-rate';

describe('job rate and ETA', () => {
  it('has no rate before two samples apart in time', () => {
    expect(jobRate(null, { at: 1000, done: 5 }, 10)).toBeNull();
    expect(jobRate({ at: 1000, done: 5 }, { at: 1000, done: 5 }, 10)).toBeNull();
  });

  it('counts objects per second since the first sample and the time left to the total', () => {
    expect(jobRate({ at: 0, done: 10 }, { at: 2000, done: 110 }, 610)).toEqual({ perSecond: 50, etaSeconds: 10 });
    expect(jobRate({ at: 0, done: 10 }, { at: 2000, done: 110 })).toEqual({ perSecond: 50 });
  });

  it('gives no ETA for a job that is not moving', () => {
    expect(jobRate({ at: 0, done: 10 }, { at: 5000, done: 10 }, 100)).toEqual({ perSecond: 0 });
  });

  it('writes ETAs in seconds, minutes or hours', () => {
    expect(formatEta(42.4)).toBe('42 s');
    expect(formatEta(125)).toBe('2 min 5 s');
    expect(formatEta(7500)).toBe('2 h 5 min');
  });
});
