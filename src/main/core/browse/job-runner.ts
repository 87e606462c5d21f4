import { AppError, isAppError } from '../../../shared/errors';
import type { JobStarted } from '../../../shared/model/selection';
import type { JobRegistry } from '../jobs/job-registry';
import type { Logger } from '../logger';
import type { EventSink } from '../router';
import { OutcomeTally } from './outcome-tally';

/** Progress events at most this often (≈10 Hz), whatever the pace of the work. */
export const progressIntervalMs = 100;

export interface JobContext {
  signal: AbortSignal;
  /** Items that went through or failed; becomes the job's outcome. */
  tally: OutcomeTally;
  /** Report progress: items done (default: tallied so far) and the total once known. Throttled here. */
  progress(total?: number, done?: number): void;
}

export interface JobSpec {
  label: string;
  /** Does the work, tallying each item; returns early (or throws) once the signal aborts. */
  work(ctx: JobContext): Promise<void>;
}

/** Where a job runner reports to. */
export interface JobHost {
  jobs: JobRegistry;
  emit: EventSink;
  logger: Logger;
}

/**
 * Starts long work under a job id and returns the id at once. The work begins on a later turn
 * of the event loop, so the caller's answer (the id) reaches the renderer before any event.
 * Events: started → progress (≤10 Hz, the last one always sent) → finished | cancelled | failed,
 * each end carrying the outcome so far (what went through, what failed and why).
 */
export function startJob({ jobs, emit, logger }: JobHost, spec: JobSpec): JobStarted {
  const { jobId, signal } = jobs.start();
  const tally = new OutcomeTally();
  let last = 0;
  let pending: { done: number; total?: number } | undefined;
  const flush = () => {
    if (!pending) return;
    emit('jobs:progress', { jobId, kind: 'progress', unit: 'items', ...pending });
    pending = undefined;
    last = Date.now();
  };
  const ctx: JobContext = {
    signal,
    tally,
    progress(total, done) {
      pending = { done: done ?? tally.done + tally.failedTotal, ...(total === undefined ? {} : { total }) };
      if (Date.now() - last >= progressIntervalMs) flush();
    },
  };
  setImmediate(() => {
    emit('jobs:progress', { jobId, kind: 'started', label: spec.label });
    spec
      .work(ctx)
      .then(() => {
        flush();
        const outcome = tally.outcome();
        emit('jobs:progress', signal.aborted ? { jobId, kind: 'cancelled', outcome } : { jobId, kind: 'finished', outcome });
      })
      .catch((error: unknown) => {
        flush();
        const outcome = tally.outcome();
        if (signal.aborted) {
          emit('jobs:progress', { jobId, kind: 'cancelled', outcome });
          return;
        }
        if (!isAppError(error)) logger.error(`Job “${spec.label}” failed`, error);
        const appError = isAppError(error)
          ? error
          : new AppError('Internal', 'The job stopped because of an unexpected problem. Try again; if it persists, check the log.');
        emit('jobs:progress', { jobId, kind: 'failed', error: { code: appError.code, message: appError.message }, outcome });
      })
      .finally(() => jobs.finish(jobId));
  });
  return { jobId };
}
