import { useState } from 'react';
import type { AuditStatus, ReportId, ReportRow } from '../../../shared/model/audit';
import { formatBytes } from '../../../shared/format/format-bytes';
import { api, call } from '../../api/client';
import { toClientError } from '../../api/client-error';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { LoadingState } from '../../ui/LoadingState';
import { useToast } from '../../ui/Toast';
import { AuditTable } from './AuditTable';
import { auditPageRows, useAuditReport } from './audit-queries';
import { ExportButtons } from './ExportButtons';
import { offlineReason } from './OfflineBanner';
import { ReportChart } from './ReportChart';

/** Reports that need the server (the rest read the index only). */
export const onlineReports: ReadonlySet<ReportId> = new Set(['multipartUploads']);

const uploadKey = (row: ReportRow) => `${String(row.key)}\n${String(row.uploadId)}`;

/** One report: its count and figures, notes, chart, rows (virtualized) and export; the multipart report can abort. */
export function ReportView({
  connectionId,
  bucket,
  report,
  status,
}: {
  connectionId: string;
  bucket: string;
  report: ReportId;
  status: AuditStatus | undefined;
}) {
  const toast = useToast();
  const [prefix, setPrefix] = useState('');
  const blocked = onlineReports.has(report) ? offlineReason(status) : undefined;
  const query = useAuditReport(connectionId, bucket, report, report === 'storagePrefix' ? { prefix } : {}, blocked === undefined);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [aborting, setAborting] = useState(false);
  const pages = query.data?.pages ?? [];
  const first = pages[0];
  const rows = pages.flatMap((p) => p.rows);
  const bytesChart = report === 'storageClass' || report === 'storagePrefix' || report === 'storageExtension';

  async function abort(which: ReportRow[]) {
    setAborting(true);
    try {
      const uploads = which.map((r) => ({ key: String(r.key), uploadId: String(r.uploadId) }));
      const out = await call(api.audit.abortUploads({ connectionId, bucket, uploads }));
      toast.show({
        title: `Aborted ${out.aborted} ${out.aborted === 1 ? 'upload' : 'uploads'}${out.failed.length ? `; ${out.failed.length} failed` : ''}`,
        details: out.failed.slice(0, 5).map((f) => `${f.key}: ${f.message}`),
        tone: out.failed.length ? 'warning' : 'success',
        testId: 'audit-abort-toast',
      });
      setSelected(new Set());
      await query.refetch();
    } catch (error) {
      toast.show({
        title: 'The uploads could not be aborted.',
        details: [toClientError(error).message],
        tone: 'danger',
        testId: 'audit-abort-toast',
      });
    } finally {
      setAborting(false);
    }
  }

  return (
    <section className="audit-report" aria-label={first?.title ?? 'Report'} data-testid="audit-report" data-report={report}>
      <header className="audit-report-header">
        <div>
          <h2 className="audit-report-title">{first?.title ?? ''}</h2>
          <p className="audit-muted">{first?.description}</p>
        </div>
        <span className="spacer" />
        {report === 'multipartUploads' ? (
          <>
            <Button
              variant="danger"
              disabled={blocked !== undefined || selected.size === 0 || aborting}
              title={blocked}
              onClick={() => void abort(rows.filter((r) => selected.has(uploadKey(r))))}
              data-testid="audit-abort-selected"
            >
              Abort selected
            </Button>
            <Button
              variant="danger"
              disabled={blocked !== undefined || rows.length === 0 || aborting}
              title={blocked}
              onClick={() => void abort(rows)}
              data-testid="audit-abort-all"
            >
              Abort all
            </Button>
          </>
        ) : null}
        <ExportButtons
          connectionId={connectionId}
          bucket={bucket}
          view={{ kind: 'report', report, params: report === 'storagePrefix' ? { prefix } : { prefix: '' } }}
          disabled={blocked !== undefined || !first || first.total === 0}
        />
      </header>
      {blocked ? (
        <p className="audit-disabled" role="note" data-testid="audit-report-disabled">
          {blocked} This report asks S3 for incomplete uploads; it is available again once the server answers.
        </p>
      ) : null}
      {query.isError ? (
        <ErrorBanner title="The report failed." message={toClientError(query.error).message} testId="audit-report-error" />
      ) : null}
      {query.isPending && !blocked ? <LoadingState label="Running the report…" /> : null}
      {first ? (
        <>
          <div className="audit-figures">
            <span className="audit-figure" data-testid="audit-report-count">
              <strong>{first.total.toLocaleString()}</strong> {first.total === 1 ? 'row' : 'rows'}
            </span>
            {first.figures.map((f) => (
              <span key={f.label} className="audit-figure">
                <strong>{f.kind === 'bytes' ? formatBytes(f.value) : f.value.toLocaleString()}</strong> {f.label}
              </span>
            ))}
            <span className="audit-muted">{first.tookMs} ms</span>
          </div>
          {first.notes.map((n) => (
            <p key={n} className="audit-note" data-testid="audit-report-note">
              {n}
            </p>
          ))}
          {report === 'storagePrefix' && prefix !== '' ? (
            <Button onClick={() => setPrefix(prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1))} data-testid="audit-drill-up">
              Up from {prefix}
            </Button>
          ) : null}
          {first.chart && first.total > 0 ? (
            <ReportChart chart={first.chart} bytes={bytesChart} onDrill={report === 'storagePrefix' ? setPrefix : undefined} />
          ) : null}
          <AuditTable
            columns={first.columns}
            rows={rows}
            total={first.total}
            onNearEnd={() => {
              if (query.hasNextPage && !query.isFetchingNextPage && rows.length >= auditPageRows) void query.fetchNextPage();
            }}
            label={first.title}
            testId="audit-report-rows"
            onRowOpen={report === 'storagePrefix' ? (row) => row.kind === 'folder' && setPrefix(String(row.key)) : undefined}
            selectable={
              report === 'multipartUploads'
                ? {
                    selected,
                    rowKey: uploadKey,
                    onToggle: (key) =>
                      setSelected((s) => {
                        const next = new Set(s);
                        if (next.has(key)) next.delete(key);
                        else next.add(key);
                        return next;
                      }),
                  }
                : undefined
            }
          />
        </>
      ) : null}
    </section>
  );
}
