import { useMemo } from 'react';
import type { TransferTarget } from '../../../shared/model/transfer';
import { api, call } from '../../api/client';
import { toClientError } from '../../api/client-error';
import { useToast } from '../../ui/Toast';
import { snapshotLimit, transferStore } from './transfer-store';

/** Pause, resume, cancel, retry and clear, each telling the user in a toast when main refuses. */
export function useTransferControls() {
  const toast = useToast();
  return useMemo(() => {
    const run = async (what: string, action: () => Promise<unknown>) => {
      try {
        await action();
      } catch (error) {
        toast.show({
          title: `Could not ${what}.`,
          details: [toClientError(error).message],
          tone: 'danger',
          testId: 'transfer-control-error',
        });
      }
    };
    return {
      pause: (target: TransferTarget) => run('pause', () => call(api.transfers.pause(target))),
      resume: (target: TransferTarget) => run('resume', () => call(api.transfers.resume(target))),
      cancel: (target: TransferTarget) => run('cancel', () => call(api.transfers.cancel(target))),
      retry: (target: TransferTarget) => run('retry', () => call(api.transfers.retry({ target }))),
      clear: (batchId?: string, includeFailed = false) =>
        run('clear the finished transfers', async () => {
          await call(api.transfers.clear({ ...(batchId ? { batchId } : {}), includeFailed }));
          transferStore.cleared(await call(api.transfers.list({ limit: snapshotLimit })), batchId, includeFailed);
        }),
    };
  }, [toast]);
}

export type TransferControls = ReturnType<typeof useTransferControls>;
