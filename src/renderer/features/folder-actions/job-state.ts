import type { JobOutcome, JobProgress } from '../../../shared/model/job';

/** What the progress display shows for one job, folded from its `jobs:progress` events. */
export interface JobView {
  jobId: string;
  status: 'running' | 'finished' | 'failed' | 'cancelled';
  label?: string;
  done: number;
  total?: number;
  unit: 'bytes' | 'items';
  outcome?: JobOutcome;
  error?: { code: string; message: string };
}

/** A job just started: nothing done yet. */
export function startedJob(jobId: string, total?: number): JobView {
  return { jobId, status: 'running', done: 0, unit: 'items', ...(total !== undefined ? { total } : {}) };
}

/** Applies one event; events for other jobs, and anything after the end, change nothing. */
export function applyJobEvent(view: JobView, event: JobProgress): JobView {
  if (event.jobId !== view.jobId || view.status !== 'running') return view;
  switch (event.kind) {
    case 'started':
      return { ...view, label: event.label };
    case 'progress':
      return { ...view, done: event.done, unit: event.unit, ...(event.total !== undefined ? { total: event.total } : {}) };
    case 'finished':
      return {
        ...view,
        status: 'finished',
        ...(event.outcome ? { outcome: event.outcome, done: event.outcome.done } : {}),
      };
    case 'failed':
      return { ...view, status: 'failed', error: event.error };
    case 'cancelled':
      return { ...view, status: 'cancelled' };
  }
}

/** 0–1 when the total is known, else null (an indeterminate bar). */
export function jobFraction(view: JobView): number | null {
  if (view.status === 'finished') return 1;
  if (!view.total) return null;
  return Math.min(1, view.done / view.total);
}

/** True when the job ended with some items not done. */
export function hasFailures(view: JobView): boolean {
  return (view.outcome?.failedTotal ?? 0) > 0;
}
