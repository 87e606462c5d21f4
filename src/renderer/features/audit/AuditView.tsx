import { ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import type { ReportId } from '../../../shared/model/audit';
import type { Connection } from '../../../shared/model/connection';
import { formatBytes } from '../../../shared/format/format-bytes';
import { formatDateTime } from '../../format/format-date';
import { EmptyState } from '../../ui/EmptyState';
import { useAuditStatus } from './audit-queries';
import { OfflineBanner } from './OfflineBanner';
import { onlineReports, ReportView } from './ReportView';
import { SearchPanel } from './SearchPanel';
import { SnapshotBrowser } from './SnapshotBrowser';
import { SyncPanel } from './SyncPanel';

const reports: Array<{ id: ReportId; label: string }> = [
  { id: 'exposure', label: 'Exposure' },
  { id: 'cacheHeaders', label: 'Cache headers' },
  { id: 'multipartUploads', label: 'Incomplete uploads' },
  { id: 'largest', label: 'Largest objects' },
  { id: 'duplicates', label: 'Duplicates' },
  { id: 'storageClass', label: 'Storage by class' },
  { id: 'storagePrefix', label: 'Storage by folder' },
  { id: 'storageExtension', label: 'Storage by extension' },
  { id: 'changes', label: 'Changes between syncs' },
];

type Tab = 'search' | 'snapshot' | ReportId;

/** The audit of a connection's indexed buckets: search, the last snapshot as folders, and the reports; works offline. */
export function AuditView({ connection }: { connection: Connection }) {
  const [bucket, setBucket] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('search');
  const status = useAuditStatus(connection.id, bucket);
  const buckets = status.data?.buckets ?? [];
  const current = buckets.find((b) => b.bucket === bucket) ?? buckets[0];
  const chosen = current?.bucket ?? null;
  const lastSync = current?.syncs.find((s) => s.state === 'done');
  return (
    <section
      className="audit-view"
      aria-labelledby="audit-heading"
      data-testid="audit-view"
      data-online={status.data ? String(status.data.online) : ''}
    >
      <header className="audit-header">
        <h1 id="audit-heading" className="audit-title">
          Audit · {connection.name}
        </h1>
        {buckets.length > 0 ? (
          <select aria-label="Bucket" value={chosen ?? ''} onChange={(e) => setBucket(e.target.value)} data-testid="audit-bucket">
            {buckets.map((b) => (
              <option key={b.bucket} value={b.bucket}>
                {b.bucket}
              </option>
            ))}
          </select>
        ) : null}
        {current ? (
          <span className="audit-muted" data-testid="audit-summary">
            {current.objectCount.toLocaleString()} objects · {formatBytes(current.byteCount)}
            {lastSync?.finishedAt ? ` · synced ${formatDateTime(lastSync.finishedAt)}` : ''} · {current.scannedCount.toLocaleString()}{' '}
            deep-scanned
          </span>
        ) : null}
      </header>
      <OfflineBanner status={status.data} />
      <SyncPanel connectionId={connection.id} bucket={chosen} />
      {status.isSuccess && chosen === null ? (
        <EmptyState title="Nothing indexed yet" icon={<ShieldCheck size={28} />} testId="audit-empty">
          <p>
            Sync a bucket of this connection into the index first (or import its S3 Inventory); then search it, audit it and export, even
            offline.
          </p>
        </EmptyState>
      ) : null}
      {chosen ? (
        <div className="audit-body-layout">
          <nav className="audit-nav" aria-label="Audit views">
            {(
              [
                { id: 'search', label: 'Search' },
                { id: 'snapshot', label: 'Last snapshot' },
              ] as Array<{ id: Tab; label: string }>
            ).map((t) => (
              <button
                key={t.id}
                type="button"
                aria-current={tab === t.id ? 'page' : undefined}
                onClick={() => setTab(t.id)}
                data-testid={`audit-tab-${t.id}`}
              >
                {t.label}
              </button>
            ))}
            <p className="audit-nav-heading">Reports</p>
            {reports.map((r) => (
              <button
                key={r.id}
                type="button"
                aria-current={tab === r.id ? 'page' : undefined}
                onClick={() => setTab(r.id)}
                data-testid={`audit-tab-${r.id}`}
                data-needs-server={onlineReports.has(r.id) ? 'true' : 'false'}
              >
                {r.label}
              </button>
            ))}
          </nav>
          <div className="audit-main">
            {tab === 'search' ? <SearchPanel key={chosen} connectionId={connection.id} bucket={chosen} /> : null}
            {tab === 'snapshot' ? <SnapshotBrowser key={chosen} connectionId={connection.id} bucket={chosen} /> : null}
            {tab !== 'search' && tab !== 'snapshot' ? (
              <ReportView key={`${chosen}-${tab}`} connectionId={connection.id} bucket={chosen} report={tab} status={status.data} />
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}
