import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Download, History, RefreshCw } from 'lucide-react';
import { useState } from 'react';
import type { Connection } from '../../../shared/model/connection';
import { api, call } from '../../api/client';
import { toClientError } from '../../api/client-error';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { IconButton } from '../../ui/IconButton';
import { LoadingState } from '../../ui/LoadingState';
import { useToast } from '../../ui/Toast';
import { useDebounced } from '../../ui/use-debounced';
import { RevocationNote } from '../share/RevocationNote';
import { shareKeys } from '../share/share-queries';
import { LedgerFilters } from './LedgerFilters';
import { allConnections, ledgerExportInput, ledgerPageInput, ledgerPageSize, pageRangeText, type LedgerUiFilter } from './ledger-filter';
import { LedgerTable } from './LedgerTable';

export interface LedgerViewProps {
  connections: readonly Connection[];
  /** Start with this connection's links; null starts with every connection's. */
  connectionId: string | null;
}

/** "Shared links": every link issued, searchable, with which are still alive, and a CSV export. */
export function LedgerView({ connections, connectionId }: LedgerViewProps) {
  const toast = useToast();
  const [filter, setFilter] = useState<LedgerUiFilter>({
    connectionId: connectionId ?? allConnections,
    search: '',
    kind: 'any',
    state: 'any',
    page: 0,
  });
  const [exporting, setExporting] = useState(false);
  // Typing in the search box asks once it settles; the other controls ask at once.
  const search = useDebounced(filter.search, 300);
  const input = ledgerPageInput({ ...filter, search });
  const page = useQuery({
    queryKey: [...shareKeys.ledgerRoot, input],
    queryFn: () => call(api.share.ledger(input)),
    placeholderData: keepPreviousData,
    staleTime: 0,
    // Links expire while the view is open: re-judge "alive" every minute.
    refetchInterval: 60_000,
  });
  const change = (next: Partial<LedgerUiFilter>) => setFilter((f) => ({ ...f, ...next, page: next.page ?? 0 }));

  async function exportCsv() {
    setExporting(true);
    try {
      // Main asks where to save and writes the file itself; only the outcome comes back.
      const out = await call(api.share.ledgerExport(ledgerExportInput({ ...filter, search })));
      if (!out.saved) return;
      toast.show({
        title: `Saved ${out.fileName} (${out.rows.toLocaleString()} ${out.rows === 1 ? 'row' : 'rows'})`,
        details: [
          out.path,
          ...(out.truncated ? ['Only the newest 100,000 links fit in one export; narrow the filter to export older ones.'] : []),
        ],
        tone: out.truncated ? 'warning' : 'success',
        testId: 'ledger-export-toast',
      });
    } catch (error) {
      toast.show({
        title: 'The ledger could not be exported.',
        details: [toClientError(error).message],
        tone: 'danger',
        testId: 'ledger-export-toast',
      });
    } finally {
      setExporting(false);
    }
  }

  const data = page.data;
  return (
    <section className="ledger-view" aria-labelledby="ledger-heading" data-testid="ledger-view">
      <header className="ledger-header">
        <h1 id="ledger-heading" className="ledger-title">
          Shared links
        </h1>
        <span className="spacer" />
        <IconButton
          label="Refresh"
          icon={<RefreshCw size={16} className={page.isFetching ? 'spin' : undefined} />}
          onClick={() => void page.refetch()}
          data-testid="ledger-refresh"
        />
        <Button
          icon={<Download size={15} />}
          onClick={() => void exportCsv()}
          busy={exporting}
          disabled={!data || data.total === 0}
          data-testid="ledger-export"
        >
          Export CSV
        </Button>
      </header>
      <RevocationNote text={data?.revocation} />
      <LedgerFilters filter={filter} onChange={change} connections={connections} />
      {page.isError ? (
        <ErrorBanner title="The ledger could not be read." message={page.error.message} testId="ledger-error">
          <Button onClick={() => void page.refetch()}>Retry</Button>
        </ErrorBanner>
      ) : null}
      {page.isPending ? <LoadingState label="Reading the ledger…" /> : null}
      {data && data.total === 0 ? (
        <EmptyState title="No shared links" icon={<History size={28} />} testId="ledger-empty">
          <p>Links you copy or share appear here, with who made them, until when they work, and your note.</p>
        </EmptyState>
      ) : null}
      {data && data.total > 0 ? (
        <>
          <LedgerTable entries={data.entries} showConnection={filter.connectionId === allConnections} />
          <footer className="ledger-paging">
            <span data-testid="ledger-range" role="status">
              {pageRangeText(filter.page, data.entries.length, data.total)}
            </span>
            <span className="spacer" />
            <Button onClick={() => change({ page: filter.page - 1 })} disabled={filter.page === 0} data-testid="ledger-prev">
              Previous
            </Button>
            <Button
              onClick={() => change({ page: filter.page + 1 })}
              disabled={(filter.page + 1) * ledgerPageSize >= data.total}
              data-testid="ledger-next"
            >
              Next
            </Button>
          </footer>
        </>
      ) : null}
    </section>
  );
}
