import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JobService } from '../../../src/main/core/jobs/job-service';
import { silentLogger } from '../../../src/main/core/logger';
import type { EventSink } from '../../../src/main/core/router';
import { openDatabase } from '../../../src/main/core/store/database';
import { stateMigrations as migrations } from '../../../src/main/core/store/migrations';
import { AppError } from '../../../src/shared/errors';
import type { JobProgress } from '../../../src/shared/model/job';
import { countingKind, countingKindName, untilAborted } from '../../support/counting-job';
import { useTempStore } from '../store/temp-dir';

const store = useTempStore();
const interval = 1_000;

/** One turn of the (real) event loop: the job runner starts work and settles on these. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1_000 && !check(); i += 1) await turn();
  expect(check()).toBe(true);
}

/** A job service on `db` as one run of the app would have it, recording its events. */
function service(db: Database) {
  const events: JobProgress[] = [];
  const emit: EventSink = (event, payload) => {
    if (event === 'jobs:progress') events.push(payload as JobProgress);
  };
  const jobs = new JobService({ db, emit, logger: silentLogger, checkpointIntervalMs: interval });
  const end = (jobId: string) =>
    events.find((e) => e.jobId === jobId && (e.kind === 'finished' || e.kind === 'failed' || e.kind === 'cancelled'));
  return { jobs, events, end };
}

/** Lets the job do items below `upTo`; before the next one it waits (until stopped). */
function stepper() {
  let allowed = 0;
  const wake: Array<() => void> = [];
  return {
    allow(upTo: number) {
      allowed = upTo;
      for (const w of wake.splice(0)) w();
    },
    async beforeItem(item: number, signal: AbortSignal) {
      while (item >= allowed && !signal.aborted) {
        await Promise.race([new Promise<void>((resolve) => wake.push(resolve)), untilAborted(signal)]);
      }
    },
  };
}

function checkpointRow(db: Database): { state: unknown; outcome: unknown } | undefined {
  const row = db.prepare('SELECT state_json, outcome_json FROM job_checkpoints').get() as
    { state_json: string | null; outcome_json: string } | undefined;
  return (
    row && {
      state: row.state_json === null ? null : (JSON.parse(row.state_json) as unknown),
      outcome: JSON.parse(row.outcome_json) as unknown,
    }
  );
}

describe('checkpointed jobs', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('journal at most once per interval, keep the latest state at a quit, and resume from it after a restart', async () => {
    const db = store.track(openDatabase({ file: store.file(), migrations, logger: silentLogger }));
    const first = service(db);
    const done: number[] = [];
    const steps = stepper();
    const kind = countingKind({ onItem: (i) => done.push(i), beforeItem: (i, signal) => steps.beforeItem(i, signal) });
    first.jobs.register(kind);
    const { jobId } = first.jobs.startCheckpointed(kind, { items: 10, failing: [1] });
    expect(checkpointRow(db)).toEqual({ state: null, outcome: { done: 0, failed: [], failedTotal: 0 } });

    steps.allow(1);
    await until(() => done.length === 1);
    vi.advanceTimersByTime(0);
    expect(checkpointRow(db)?.state).toEqual({ next: 1 });

    // Two more items within one interval: journaled together, once the interval is over.
    steps.allow(3);
    await until(() => done.length === 3);
    vi.advanceTimersByTime(interval - 1);
    expect(checkpointRow(db)?.state).toEqual({ next: 1 });
    vi.advanceTimersByTime(1);
    expect(checkpointRow(db)).toEqual({
      state: { next: 3 },
      outcome: { done: 2, failed: [{ key: 'item-1', code: 'AccessDenied', message: 'Item 1 was refused.' }], failedTotal: 1 },
    });

    // The app quits while items 3 and 4 wait to be journaled: they are, at once.
    steps.allow(5);
    await until(() => done.length === 5);
    first.jobs.close();
    expect(checkpointRow(db)).toMatchObject({ state: { next: 5 }, outcome: { done: 4, failedTotal: 1 } });
    await until(() => first.end(jobId) !== undefined);
    expect(checkpointRow(db)?.state).toEqual({ next: 5 });

    // The next start: the job is listed with what it had done, and goes on from item 5.
    const second = service(db);
    second.jobs.register(countingKind({ onItem: (i) => done.push(i) }));
    expect(second.jobs.interrupted()).toMatchObject([
      { jobId, kind: countingKindName, label: 'Counting 10 items', resumes: 0, outcome: { done: 4, failedTotal: 1 } },
    ]);
    expect(second.jobs.resume(jobId)).toEqual({ jobId });
    await until(() => second.end(jobId) !== undefined);
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(second.end(jobId)).toEqual({
      jobId,
      kind: 'finished',
      outcome: { done: 9, failed: [{ key: 'item-1', code: 'AccessDenied', message: 'Item 1 was refused.' }], failedTotal: 1 },
    });
    expect(second.events.find((e) => e.jobId === jobId)).toEqual({ jobId, kind: 'started', label: 'Counting 10 items' });
    expect(checkpointRow(db)).toBeUndefined();
    expect(second.jobs.interrupted()).toEqual([]);
  });

  it('leave nothing to resume once cancelled or failed', async () => {
    const db = store.track(openDatabase({ file: store.file(), migrations, logger: silentLogger }));
    const { jobs, end } = service(db);
    const kind = countingKind({ onItem: () => {}, beforeItem: (_, signal) => untilAborted(signal) });
    jobs.register(kind);
    const cancelled = jobs.startCheckpointed(kind, { items: 3 });
    await turn();
    expect(jobs.cancel(cancelled.jobId)).toBe(true);
    await until(() => end(cancelled.jobId) !== undefined);
    expect(end(cancelled.jobId)).toMatchObject({ kind: 'cancelled' });
    expect(checkpointRow(db)).toBeUndefined();
    expect(jobs.cancel(cancelled.jobId)).toBe(false);

    const other = service(db);
    const failing = countingKind({
      onItem: () => {},
      beforeItem: (i) => (i === 1 ? Promise.reject(new AppError('EndpointUnreachable', 'Could not reach the server.')) : Promise.resolve()),
    });
    other.jobs.register(failing);
    const failed = other.jobs.startCheckpointed(failing, { items: 3 });
    await until(() => other.end(failed.jobId) !== undefined);
    expect(other.end(failed.jobId)).toMatchObject({ kind: 'failed', error: { code: 'EndpointUnreachable' }, outcome: { done: 1 } });
    expect(checkpointRow(db)).toBeUndefined();
  });

  it('refuse to resume what this version cannot read, and to start a kind nobody registered', async () => {
    const db = store.track(openDatabase({ file: store.file(), migrations, logger: silentLogger }));
    const earlier = service(db);
    const kind = countingKind({ onItem: () => {}, beforeItem: (_, signal) => untilAborted(signal) });
    earlier.jobs.register(kind);
    const { jobId } = earlier.jobs.startCheckpointed(kind, { items: 3 });
    await turn();
    earlier.jobs.close();
    db.prepare('UPDATE job_checkpoints SET state_json = \'{"cursor":"a/b"}\'').run();

    const { jobs } = service(db);
    expect(() => jobs.resume(jobId)).toThrow(
      expect.objectContaining({ code: 'InvalidInput', message: expect.stringContaining('cannot be resumed') as string }),
    );
    jobs.register(countingKind({ onItem: () => {} }));
    expect(() => jobs.resume(jobId)).toThrow(expect.objectContaining({ code: 'InvalidInput' }));
    expect(() => jobs.resume('no-such-job')).toThrow(expect.objectContaining({ code: 'NotFound' }));
    expect(() => jobs.startCheckpointed(countingKind({ onItem: () => {} }), { items: 1 })).toThrow(/Register the job kind/);
    expect(jobs.discard(jobId)).toBe(true);
    expect(jobs.interrupted()).toEqual([]);
    expect(jobs.discard(jobId)).toBe(false);
  });
});
