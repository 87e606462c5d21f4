import { Folder } from 'lucide-react';
import { useState } from 'react';
import { toClientError } from '../../api/client-error';
import { formatDateTime } from '../../format/format-date';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { LoadingState } from '../../ui/LoadingState';
import { AuditTable } from './AuditTable';
import { useSnapshotFolder } from './audit-queries';

const columns = [
  { id: 'key', label: 'Key', kind: 'key' as const },
  { id: 'size', label: 'Size', kind: 'bytes' as const },
  { id: 'lastModified', label: 'Last modified', kind: 'date' as const },
  { id: 'storageClass', label: 'Storage class', kind: 'text' as const },
];

/** The last snapshot as folders, from the index alone: what the bucket held at the last sync, offline too. */
export function SnapshotBrowser({ connectionId, bucket }: { connectionId: string; bucket: string }) {
  const [prefix, setPrefix] = useState('');
  const folder = useSnapshotFolder(connectionId, bucket, prefix);
  const crumbs = prefix.split('/').filter(Boolean);
  const data = folder.data;
  return (
    <section className="audit-panel" aria-label="Last snapshot" data-testid="audit-snapshot">
      <nav className="audit-crumbs" aria-label="Folder">
        <button type="button" onClick={() => setPrefix('')} data-testid="audit-crumb">
          {bucket}
        </button>
        {crumbs.map((c, i) => (
          <button key={i} type="button" onClick={() => setPrefix(`${crumbs.slice(0, i + 1).join('/')}/`)} data-testid="audit-crumb">
            / {c}
          </button>
        ))}
        {data?.syncedAt ? <span className="audit-muted">· as synced {formatDateTime(data.syncedAt)}</span> : null}
      </nav>
      {folder.isError ? <ErrorBanner message={toClientError(folder.error).message} /> : null}
      {folder.isPending ? <LoadingState label="Reading the snapshot…" /> : null}
      {data && data.syncId === null ? (
        <p className="audit-muted">This bucket has not been synced yet: there is no snapshot to browse.</p>
      ) : null}
      {data ? (
        <>
          <ul className="audit-folders" data-testid="audit-snapshot-folders">
            {data.folders.map((f) => (
              <li key={f}>
                <button type="button" onClick={() => setPrefix(f)} data-testid="audit-snapshot-folder" data-prefix={f}>
                  <Folder size={14} aria-hidden="true" /> {f.slice(prefix.length)}
                </button>
              </li>
            ))}
          </ul>
          <AuditTable
            columns={columns}
            rows={data.objects as unknown as Parameters<typeof AuditTable>[0]['rows']}
            total={data.objects.length}
            label={`Objects in ${prefix || bucket}`}
            testId="audit-snapshot-objects"
          />
        </>
      ) : null}
    </section>
  );
}
