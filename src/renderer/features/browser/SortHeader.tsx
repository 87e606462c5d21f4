import { ArrowDown, ArrowUp } from 'lucide-react';
import type { SortColumn, SortSpec } from './sort-rows';

export interface SortHeaderProps {
  column: SortColumn;
  label: string;
  sort: SortSpec;
  onSort: (column: SortColumn) => void;
  className: string;
  /** A tooltip that explains the column (e.g. which size units). */
  help?: string;
}

/** A column header that sorts by its column; clicking again flips the direction. */
export function SortHeader({ column, label, sort, onSort, className, help }: SortHeaderProps) {
  const active = sort.column === column;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  const Arrow = sort.direction === 'asc' ? ArrowUp : ArrowDown;
  return (
    <div role="columnheader" aria-sort={ariaSort} className={`listing-cell ${className}`}>
      <button
        type="button"
        className={active ? 'sort-button is-active' : 'sort-button'}
        onClick={() => onSort(column)}
        data-testid={`sort-${column}`}
        data-sort={active ? sort.direction : undefined}
        title={help}
      >
        <span>{label}</span>
        {active ? <Arrow size={12} aria-hidden="true" /> : null}
      </button>
    </div>
  );
}
