import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConflictAction, DownloadPlan, TransferBatchView } from '../../../shared/model/transfer';
import { api, call } from '../../api/client';
import { toClientError } from '../../api/client-error';
import { splitSelection } from './action-request';

/** Where a download dialog is: choosing a folder and planning, asking, or following the batch. */
export type DownloadStep =
  | { step: 'planning' }
  | { step: 'review'; plan: DownloadPlan }
  | { step: 'running'; plan: DownloadPlan; batchId: string; batch?: TransferBatchView; skipped: number }
  | { step: 'failed'; message: string };

/**
 * Downloads through main's transfer queue: main picks (or, in the browser host, grants) the local
 * folder, plans the local names (nothing can land outside it), then runs the batch; this follows
 * the batch's progress events. Closing the dialog leaves the batch running in the queue.
 */
export function useDownload(connectionId: string, bucket: string, selection: readonly string[], onCancelled: () => void) {
  const [state, setState] = useState<DownloadStep>({ step: 'planning' });
  const begun = useRef(false);
  const unsubscribe = useRef<(() => void)[]>([]);

  useEffect(() => {
    // Once per dialog, also under StrictMode's double effects: a second folder picker would be wrong.
    if (begun.current) return;
    begun.current = true;
    void (async () => {
      try {
        const folder = await call(api.dialogs.chooseDownloadFolder({}));
        if (folder.unsupported) throw new Error(folder.unsupported);
        const destination = folder.paths[0];
        if (folder.canceled || !destination) {
          onCancelled();
          return;
        }
        const plan = await call(api.transfers.planDownload({ connectionId, bucket, destination, ...splitSelection(selection) }));
        setState({ step: 'review', plan });
      } catch (error) {
        setState({ step: 'failed', message: toClientError(error).message });
      }
    })();
  }, [connectionId, bucket, selection, onCancelled]);

  useEffect(() => () => unsubscribe.current.forEach((stop) => stop()), []);

  const start = useCallback(async (plan: DownloadPlan, conflict: ConflictAction) => {
    let batchId: string | null = null;
    const latest = new Map<string, TransferBatchView>();
    const track = (batch: TransferBatchView) => {
      if (batchId === null) latest.set(batch.id, batch);
      else if (batch.id === batchId) setState((s) => (s.step === 'running' ? { ...s, batch } : s));
    };
    unsubscribe.current.push(
      api.events.transfersProgress((event) => event.batches.forEach(track)),
      api.events.transfersBatchFinished((event) => track(event.batch)),
    );
    try {
      const started = await call(api.transfers.startDownload({ planId: plan.planId, conflict }));
      batchId = started.batchId;
      const batch = latest.get(started.batchId);
      setState({ step: 'running', plan, batchId: started.batchId, skipped: started.skipped, ...(batch ? { batch } : {}) });
    } catch (error) {
      setState({ step: 'failed', message: toClientError(error).message });
    }
  }, []);

  return { state, start };
}
