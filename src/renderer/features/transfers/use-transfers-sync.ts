import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, call } from '../../api/client';
import { browseKeys } from '../../api/query-keys';
import { documentTitle } from './transfer-format';
import { snapshotLimit, transferStore } from './transfer-store';

/** Folder listings are refreshed at most this often while uploads land in them. */
const refreshDelayMs = 1_500;

/**
 * Keeps the transfer store in step with main (one snapshot, then deltas), refreshes the
 * listings of buckets that uploads finished into, and shows progress in the window title.
 * Mount once, for the life of the workspace.
 */
export function useTransfersSync(): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    const stopProgress = api.events.transfersProgress((event) => transferStore.progress(event));
    const stopFinished = api.events.transfersBatchFinished(({ batch }) =>
      transferStore.progress({ batches: [batch], items: [], overall: transferStore.getSnapshot().overall }),
    );
    // Events may arrive before the snapshot does; the snapshot merges, it never rolls them back.
    void call(api.transfers.list({ limit: snapshotLimit }))
      .then((result) => transferStore.snapshot(result))
      .catch(() => undefined);
    return () => {
      stopProgress();
      stopFinished();
    };
  }, []);

  useEffect(() => {
    const pending = new Map<string, { connectionId: string; bucket: string }>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      for (const { connectionId, bucket } of pending.values())
        void queryClient.invalidateQueries({ queryKey: browseKeys.bucket(connectionId, bucket) });
      pending.clear();
    };
    const stop = transferStore.onUploadsDone((items) => {
      for (const item of items)
        pending.set(`${item.connectionId}\u0000${item.bucket}`, { connectionId: item.connectionId, bucket: item.bucket });
      timer ??= setTimeout(flush, refreshDelayMs);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [queryClient]);

  useEffect(() => {
    const base = document.title;
    const stop = transferStore.subscribe(() => {
      document.title = documentTitle(transferStore.getSnapshot().overall, base);
    });
    return () => {
      stop();
      document.title = base;
    };
  }, []);
}
