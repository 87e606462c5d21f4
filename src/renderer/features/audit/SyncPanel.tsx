import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { IndexSyncProgress } from '../../../shared/model/index-sync';
import { formatBytes } from '../../../shared/format/format-bytes';
import { api, call, ClientError } from '../../api/client';
import { auditKeys } from './audit-queries';
import { InventoryImportDialog } from './InventoryImportDialog';

/** "2 min 5 s" from seconds. */
function formatEta(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/**
 * Where a bucket (or a prefix of it) is synced into the index, or its S3 Inventory imported: the
 * choice, then the running job's progress (objects, bytes, pages/s, an ETA from the previous
 * sync's count) with pause, cancel and resume. Progress comes from `index:progress` events.
 */
export function SyncPanel({ connectionId, bucket: current }: { connectionId: string; bucket: string | null }) {
  const queryClient = useQueryClient();
  const [typed, setBucket] = useState<string | null>(null);
  // The audit's bucket until the user types another.
  const bucket = typed ?? current ?? '';
  const [prefix, setPrefix] = useState('');
  const [progress, setProgress] = useState<IndexSyncProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  useEffect(
    () =>
      api.events.indexProgress((event) => {
        if (event.connectionId !== connectionId) return;
        setProgress(event);
        if (event.state !== 'running') void queryClient.invalidateQueries({ queryKey: auditKeys.root });
      }),
    [connectionId, queryClient],
  );
  const running = progress?.state === 'running';
  const run = async (start: () => Promise<unknown>) => {
    setError(null);
    try {
      await start();
    } catch (e) {
      setError(e instanceof ClientError ? e.message : String(e));
    }
  };
  const sync = () => run(() => call(api.index.sync({ connectionId, bucket, ...(prefix ? { prefix } : {}) })));
  return (
    <div className="audit-sync" data-testid="audit-sync">
      <input
        aria-label="Bucket to sync"
        placeholder="bucket"
        value={bucket}
        onChange={(e) => setBucket(e.target.value)}
        data-testid="audit-sync-bucket"
      />
      <input
        aria-label="Prefix (optional)"
        placeholder="prefix (optional)"
        value={prefix}
        onChange={(e) => setPrefix(e.target.value)}
        data-testid="audit-sync-prefix"
      />
      <button type="button" disabled={running || bucket === ''} onClick={() => void sync()} data-testid="audit-sync-start">
        {progress?.state === 'paused' ? 'Resume sync' : 'Sync'}
      </button>
      <button type="button" disabled={running || bucket === ''} onClick={() => setImporting(true)} data-testid="audit-import-inventory">
        Import inventory…
      </button>
      <InventoryImportDialog open={importing} onOpenChange={setImporting} connectionId={connectionId} bucket={bucket} prefix={prefix} />
      {progress?.state === 'running' && progress.indexing !== true ? (
        <>
          <button
            type="button"
            onClick={() => void run(() => call(api.index.pauseSync({ jobId: progress.jobId })))}
            data-testid="audit-sync-pause"
          >
            Pause
          </button>
          <button
            type="button"
            onClick={() => void run(() => call(api.jobs.cancel({ jobId: progress.jobId })))}
            data-testid="audit-sync-cancel"
          >
            Cancel
          </button>
        </>
      ) : null}
      {progress ? (
        <span className="audit-muted" data-testid="audit-sync-progress" data-state={progress.state}>
          {progress.source === 'inventory' ? 'Inventory' : 'Sync'} {progress.state}: {progress.objects.toLocaleString()} objects ·{' '}
          {formatBytes(progress.bytes)} · {progress.pagesPerSecond.toFixed(1)} pages/s
          {running && progress.indexing === true ? ' · building the search indexes…' : ''}
          {running && progress.indexing !== true && progress.etaSeconds !== null ? ` · about ${formatEta(progress.etaSeconds)} left` : ''}
          {progress.error ? ` · ${progress.error.message}` : ''}
        </span>
      ) : null}
      {error ? (
        <span role="alert" className="audit-error" data-testid="audit-sync-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
