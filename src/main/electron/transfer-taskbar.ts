import type { AppCore } from '../core/app-core-types';
import type { JobProgress } from '../../shared/model/job';
import type { TransferBatchView, TransferOverall } from '../../shared/model/transfer';

/** The slices of Electron this needs, injected so it can be tested without Electron. */
export interface TaskbarWindow {
  setProgressBar(progress: number, options?: { mode: 'none' | 'normal' | 'indeterminate' | 'error' | 'paused' }): void;
}
export interface Notifier {
  notify(title: string, body: string): void;
  /** True while one of our windows has the focus: the user is watching, so no notification. */
  windowFocused(): boolean;
  /** For tests; `Date.now` otherwise. */
  now?: () => number;
}

/** A job (delete, copy, move, index sync) shorter than this is not worth a notification. */
export const longJobMs = 10_000;

/** The notification for a long job that ended, or null for one that was cancelled. */
export function jobMessage(label: string, progress: JobProgress): { title: string; body: string } | null {
  if (progress.kind === 'finished') {
    const failed = progress.outcome?.failedTotal ?? 0;
    return failed > 0
      ? { title: `${label}: ${failed} failed`, body: 'Open the app to see which items failed and why.' }
      : { title: `${label}: done`, body: 'Finished.' };
  }
  if (progress.kind === 'failed') return { title: `${label}: stopped`, body: progress.error.message };
  return null;
}

/** "12 files uploaded to public/media/", or what went wrong, in one line for a notification. */
export function batchMessage(batch: TransferBatchView): { title: string; body: string } {
  const c = batch.counts;
  const verb = batch.direction === 'upload' ? 'uploaded' : 'downloaded';
  const where = batch.direction === 'upload' ? `to ${batch.bucket}/${batch.destination}` : `to ${batch.destination}`;
  const done = `${c.done} ${c.done === 1 ? 'file' : 'files'} ${verb} ${where}`;
  if (c.failed > 0) return { title: `${batch.label}: ${c.failed} failed`, body: `${done}; ${c.failed} failed. Open Transfers to retry.` };
  if (c.done === 0 && c.cancelled > 0) return { title: `${batch.label}: cancelled`, body: `Nothing was ${verb}.` };
  return { title: `${batch.label}: done`, body: c.skipped > 0 ? `${done}; ${c.skipped} skipped.` : `${done}.` };
}

/** The taskbar/dock bar for everything in flight: normal, paused, or red when something failed. */
export function progressFor(overall: TransferOverall): { progress: number; mode: 'none' | 'normal' | 'paused' | 'error' } {
  if (overall.fraction === null) return { progress: -1, mode: 'none' };
  const mode = overall.failed > 0 ? 'error' : overall.active === 0 && overall.paused > 0 ? 'paused' : 'normal';
  return { progress: overall.fraction, mode };
}

/**
 * Shows transfer progress on the taskbar (Windows, Linux) or dock (macOS), and a system
 * notification when a transfer batch or a long job finishes while no window of ours has the
 * focus. Returns the unsubscribe.
 */
export function showTransfersOnTaskbar(core: Pick<AppCore, 'onEvent'>, windows: () => TaskbarWindow[], notifier: Notifier): () => void {
  const now = notifier.now ?? Date.now;
  const jobs = new Map<string, { label: string; since: number }>();
  const tell = (message: { title: string; body: string } | null) => {
    if (message && !notifier.windowFocused()) notifier.notify(message.title, message.body);
  };
  return core.onEvent((event, payload) => {
    if (event === 'transfers:progress') {
      const { progress, mode } = progressFor((payload as { overall: TransferOverall }).overall);
      for (const window of windows()) window.setProgressBar(progress, { mode });
    } else if (event === 'transfers:batchFinished') {
      tell(batchMessage((payload as { batch: TransferBatchView }).batch));
    } else if (event === 'jobs:progress') {
      const job = payload as JobProgress;
      if (job.kind === 'started') jobs.set(job.jobId, { label: job.label, since: now() });
      else if (job.kind !== 'progress') {
        const started = jobs.get(job.jobId);
        jobs.delete(job.jobId);
        if (started && now() - started.since >= longJobMs) tell(jobMessage(started.label, job));
      }
    }
  });
}
