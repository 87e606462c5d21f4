import type { LedgerEntry } from '../../../shared/model/share';
import { formatDateTime } from '../../format/format-date';
import { Badge } from '../../ui/Badge';
import { localText, utcText } from '../share/expiry-text';
import { entryState, kindLabels } from './ledger-filter';

export interface LedgerTableProps {
  entries: readonly LedgerEntry[];
  /** Show the connection column (when listing every connection). */
  showConnection: boolean;
}

/** The ledger's rows: when, what kind, which key or folder, until when (and whether still alive), who, note. */
export function LedgerTable({ entries, showConnection }: LedgerTableProps) {
  return (
    <div className="ledger-scroll">
      <table className="share-table ledger-table" data-testid="ledger-table">
        <thead>
          <tr>
            <th scope="col">Created</th>
            <th scope="col">Kind</th>
            <th scope="col">Key or folder</th>
            <th scope="col">Expires</th>
            <th scope="col">Note</th>
            <th scope="col">Issued by</th>
            {showConnection ? <th scope="col">Connection</th> : null}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const state = entryState(e);
            return (
              <tr key={e.id} data-testid="ledger-row" data-key={e.key} data-kind={e.kind} data-alive={e.alive} data-note={e.note ?? ''}>
                <td title={utcText(e.createdAt)}>{formatDateTime(e.createdAt)}</td>
                <td>{kindLabels[e.kind]}</td>
                <td>
                  <code className="is-mono" title={e.resource}>
                    {e.key}
                  </code>
                  <span className="ledger-bucket">
                    {e.target === 'prefix' ? 'any name under this folder, ' : ''}in {e.bucket}
                  </span>
                </td>
                <td>
                  <span data-testid="ledger-state-badge" data-state={state.label}>
                    <Badge tone={state.tone}>{state.label}</Badge>
                  </span>
                  {e.expiresAt ? (
                    <span className="ledger-expiry" title={utcText(e.expiresAt)}>
                      {localText(e.expiresAt)}
                    </span>
                  ) : null}
                </td>
                <td>{e.note ?? ''}</td>
                <td>{e.osUser}</td>
                {showConnection ? <td>{e.connectionName}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
