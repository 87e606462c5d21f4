import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { ListingRow } from './listing-rows';
import { ListingRowView } from './ListingRowView';

export interface ListingTableProps {
  rows: readonly ListingRow[];
  /** Names the table for screen readers, e.g. "Contents of public/media/". */
  label: string;
  onOpenFolder: (prefix: string) => void;
}

/** Fixed row height keeps virtual scrolling exact; it must match .listing-row in listing.css. */
export const rowHeight = 32;

/**
 * A virtualized ARIA table: only the rows in view (plus some overscan) are in the DOM, so a
 * 100,000-object folder scrolls like a 100-object one. `data-row-count` gives tests the total.
 */
export function ListingTable({ rows, label, onOpenFolder }: ListingTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // We do not use the React Compiler; TanStack Virtual's fresh-each-render functions are fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 20,
    getItemKey: (index) => rows[index]?.entry.key ?? index,
  });

  return (
    <div className="listing-table" role="table" aria-label={label} aria-rowcount={rows.length + 1} data-row-count={rows.length}>
      <div role="rowgroup" className="listing-head">
        <div role="row" aria-rowindex={1} className="listing-row listing-header-row">
          <div role="columnheader" className="listing-cell cell-name">Name</div>
          <div role="columnheader" className="listing-cell cell-size">Size</div>
          <div role="columnheader" className="listing-cell cell-modified">Last modified</div>
        </div>
      </div>
      <div ref={scrollRef} role="rowgroup" className="listing-body">
        <div className="listing-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <ListingRowView
                key={item.key}
                row={row}
                ariaRowIndex={item.index + 2}
                style={{ transform: `translateY(${item.start}px)` }}
                onOpenFolder={onOpenFolder}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
