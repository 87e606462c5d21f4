import { Search } from 'lucide-react';
import type { Connection } from '../../../shared/model/connection';
import { shareKinds, type ShareKind } from '../../../shared/model/share';
import { allConnections, kindLabels, type LedgerUiFilter } from './ledger-filter';

export interface LedgerFiltersProps {
  filter: LedgerUiFilter;
  onChange: (next: Partial<LedgerUiFilter>) => void;
  connections: readonly Connection[];
}

/** Which links to list: connection, free-text search (key or note), kind and alive/expired. */
export function LedgerFilters({ filter, onChange, connections }: LedgerFiltersProps) {
  return (
    <div className="ledger-filters" role="search" aria-label="Filter shared links">
      <label className="ledger-filter">
        <span className="field-label">Connection</span>
        <select
          value={filter.connectionId}
          onChange={(e) => onChange({ connectionId: e.currentTarget.value })}
          data-testid="ledger-connection"
        >
          <option value={allConnections}>All connections</option>
          {connections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="ledger-filter ledger-search">
        <span className="field-label">Search key or note</span>
        <span className="ledger-search-box">
          <Search size={14} aria-hidden="true" />
          <input
            type="search"
            value={filter.search}
            maxLength={200}
            onChange={(e) => onChange({ search: e.currentTarget.value })}
            placeholder="e.g. invoice.pdf or ticket 4711"
            data-testid="ledger-search"
          />
        </span>
      </label>
      <label className="ledger-filter">
        <span className="field-label">Kind</span>
        <select
          value={filter.kind}
          onChange={(e) => {
            const value = e.currentTarget.value;
            onChange({ kind: shareKinds.find((k): k is ShareKind => k === value) ?? 'any' });
          }}
          data-testid="ledger-kind"
        >
          <option value="any">All kinds</option>
          {shareKinds.map((k) => (
            <option key={k} value={k}>
              {kindLabels[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="ledger-filter">
        <span className="field-label">State</span>
        <select
          value={filter.state}
          onChange={(e) => {
            const value = e.currentTarget.value;
            onChange({ state: value === 'alive' || value === 'expired' ? value : 'any' });
          }}
          data-testid="ledger-state"
        >
          <option value="any">Alive and expired</option>
          <option value="alive">Still working</option>
          <option value="expired">Expired</option>
        </select>
      </label>
    </div>
  );
}
