import type { AppCore } from '../core/app-core-types';
import type { TransferBatchView, TransferOverall } from '../../shared/model/transfer';

/** The slices of Electron this needs, injected so it can be tested without Electron. */
export interface TaskbarWindow {
  setProgressBar(progress: number, options?: { mode: 'none' | 'normal' | 'indeterminate' | 'error' | 'paused' }): void;
}
export interface Notifier {
  notify(title: string, body: string): void;
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
 * Shows transfer progress on the taskbar (Windows, Linux) or dock (macOS) and a system
 * notification when a batch finishes. Returns the unsubscribe.
 */
export function showTransfersOnTaskbar(core: Pick<AppCore, 'onEvent'>, windows: () => TaskbarWindow[], notifier: Notifier): () => void {
  return core.onEvent((event, payload) => {
    if (event === 'transfers:progress') {
      const { progress, mode } = progressFor((payload as { overall: TransferOverall }).overall);
      for (const window of windows()) window.setProgressBar(progress, { mode });
    } else if (event === 'transfers:batchFinished') {
      const { title, body } = batchMessage((payload as { batch: TransferBatchView }).batch);
      notifier.notify(title, body);
    }
  });
}
