import { AppError, isAppError } from '../../../shared/errors';
import type { JobProgress, JobStarted } from '../../../shared/model/job';
import type { Logger } from '../logger';
import type { EventSink } from '../router';
import type { JobRegistry } from './job-registry';
import { OutcomeTally } from './outcome-tally';
import { progressIntervalMs, Throttle } from './throttle';

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

/** For a job that goes on from an earlier run (a checkpointed job resumed): its id and tally so far. */
export interface JobResumption {
  jobId: string;
  tally: OutcomeTally;
}

/**
 * Starts long work under a job id and returns the id at once. The work begins on a later turn
 * of the event loop, so the caller's answer (the id) reaches the renderer before any event.
 * Events: started → progress (≤10 Hz, the last one always sent) → finished | cancelled | failed,
 * each end carrying the outcome so far (what went through, what failed and why).
 */
export function startJob({ jobs, emit, logger }: JobHost, spec: JobSpec, resumed?: JobResumption): JobStarted {
  const { jobId, signal } = jobs.start(resumed?.jobId);
  const tally = resumed?.tally ?? new OutcomeTally();
  let pending: { done: number; total?: number } | undefined;
  const throttle = new Throttle(progressIntervalMs, () => {
    if (!pending) return;
    emit('jobs:progress', { jobId, kind: 'progress', unit: 'items', ...pending });
    pending = undefined;
  });
  const ctx: JobContext = {
    signal,
    tally,
    progress(total, done) {
      pending = { done: done ?? tally.done + tally.failedTotal, ...(total === undefined ? {} : { total }) };
      throttle.request();
    },
  };
  const end = (event: JobProgress) => {
    throttle.flushNow();
    throttle.close();
    emit('jobs:progress', event);
  };
  setImmediate(() => {
    emit('jobs:progress', { jobId, kind: 'started', label: spec.label });
    spec
      .work(ctx)
      .then(() => {
        const outcome = tally.outcome();
        end(signal.aborted ? { jobId, kind: 'cancelled', outcome } : { jobId, kind: 'finished', outcome });
      })
      .catch((error: unknown) => {
        const outcome = tally.outcome();
        if (signal.aborted) {
          end({ jobId, kind: 'cancelled', outcome });
          return;
        }
        if (!isAppError(error)) logger.error(`Job “${spec.label}” failed`, error);
        const appError = isAppError(error)
          ? error
          : new AppError('Internal', 'The job stopped because of an unexpected problem. Try again; if it persists, check the log.');
        end({ jobId, kind: 'failed', error: { code: appError.code, message: appError.message }, outcome });
      })
      .finally(() => jobs.finish(jobId));
  });
  return { jobId };
}
