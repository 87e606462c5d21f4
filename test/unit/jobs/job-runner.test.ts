import { describe, expect, it, vi } from 'vitest';
import { startJob } from '../../../src/main/core/jobs/job-runner';
import { JobRegistry } from '../../../src/main/core/jobs/job-registry';
import { silentLogger } from '../../../src/main/core/logger';
import type { EventSink } from '../../../src/main/core/router';
import type { JobProgress } from '../../../src/shared/model/job';
import { AppError } from '../../../src/shared/errors';

function host() {
  const events: JobProgress[] = [];
  const emit: EventSink = (event, payload) => {
    if (event === 'jobs:progress') events.push(payload as JobProgress);
  };
  const jobs = new JobRegistry();
  const ended = (jobId: string) =>
    new Promise<JobProgress>((resolve) => {
      const poll = () => {
        const end = events.find((e) => e.jobId === jobId && ['finished', 'failed', 'cancelled'].includes(e.kind));
        if (end) resolve(end);
        else setTimeout(poll, 5);
      };
      poll();
    });
  return { events, jobs, ended, job: { jobs, emit, logger: silentLogger } };
}

describe('job runner', () => {
  it('answers with the id before any event, throttles progress, and always sends the last figure', async () => {
    const h = host();
    const { jobId } = startJob(h.job, {
      label: 'Busy',
      work: async (ctx) => {
        for (let i = 0; i < 5000; i += 1) {
          ctx.tally.succeeded();
          ctx.progress(5000);
          if (i % 500 === 0) await new Promise((r) => setTimeout(r, 20));
        }
      },
    });
    expect(h.events).toEqual([]);
    const end = await h.ended(jobId);
    expect(end).toEqual({ jobId, kind: 'finished', outcome: { done: 5000, failed: [], failedTotal: 0 } });
    const progress = h.events.filter((e) => e.kind === 'progress');
    expect(h.events[0]).toEqual({ jobId, kind: 'started', label: 'Busy' });
    expect(progress.length).toBeLessThan(20);
    expect(progress.at(-1)).toEqual({ jobId, kind: 'progress', done: 5000, total: 5000, unit: 'items' });
  });

  it('reports a cancel with what was done, and a failure in plain words with its outcome', async () => {
    const h = host();
    const cancelled = startJob(h.job, {
      label: 'Long',
      work: async (ctx) => {
        ctx.tally.succeeded(3);
        ctx.tally.failed('k', new AppError('AccessDenied', 'Denied.'));
        await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
      },
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(h.jobs.stop(cancelled.jobId, 'cancel')).toBe(true);
    expect(await h.ended(cancelled.jobId)).toEqual({
      jobId: cancelled.jobId,
      kind: 'cancelled',
      outcome: { done: 3, failed: [{ key: 'k', code: 'AccessDenied', message: 'Denied.' }], failedTotal: 1 },
    });
    const failed = startJob(h.job, {
      label: 'Doomed',
      work: (ctx) => {
        ctx.tally.succeeded(2);
        return Promise.reject(new AppError('EndpointUnreachable', 'Could not reach the server.'));
      },
    });
    expect(await h.ended(failed.jobId)).toMatchObject({
      kind: 'failed',
      error: { code: 'EndpointUnreachable', message: 'Could not reach the server.' },
      outcome: { done: 2 },
    });
    const crashed = startJob(h.job, { label: 'Bug', work: () => Promise.reject(new Error('boom')) });
    expect(await h.ended(crashed.jobId)).toMatchObject({ kind: 'failed', error: { code: 'Internal' } });
    expect(h.jobs.stop(crashed.jobId, 'cancel')).toBe(false);
  });

  it('sends a figure the throttle held back within one interval, even when the work then goes quiet', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const h = host();
      let release = () => {};
      const secondFigure = new Promise<void>((resolve) => (release = resolve));
      const { jobId } = startJob(h.job, {
        label: 'Slow batches',
        work: async (ctx) => {
          ctx.progress(10, 1);
          await secondFigure;
          ctx.progress(10, 2);
          // The next batch takes long: the figure 2 must not wait for it.
          await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
        },
      });
      const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
      await turn();
      vi.advanceTimersByTime(0);
      expect(h.events.filter((e) => e.kind === 'progress')).toEqual([{ jobId, kind: 'progress', done: 1, total: 10, unit: 'items' }]);
      vi.advanceTimersByTime(10);
      release();
      await turn();
      vi.advanceTimersByTime(90);
      expect(h.events.filter((e) => e.kind === 'progress').at(-1)).toEqual({ jobId, kind: 'progress', done: 2, total: 10, unit: 'items' });
      h.jobs.stop(jobId, 'cancel');
    } finally {
      vi.useRealTimers();
    }
  });
});
