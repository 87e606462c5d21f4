import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { ReportColumn, ReportRow } from '../../../shared/model/audit';
import { formatCell } from './cell-format';

export interface AuditTableProps {
  columns: readonly ReportColumn[];
  rows: readonly ReportRow[];
  /** Every row there is (the table asks for more as it nears the end of those loaded). */
  total: number;
  onNearEnd?: () => void;
  label: string;
  testId: string;
  /** Rows that can be chosen (the multipart report's abort), by row key. */
  selectable?: { selected: ReadonlySet<string>; rowKey: (row: ReportRow) => string; onToggle: (key: string) => void };
  onRowOpen?: (row: ReportRow) => void;
}

/** Fixed row height: virtual scrolling stays exact (matches .audit-row in audit.css). */
const rowHeight = 30;

/** A virtualized table of report or search rows: only those in view are in the DOM, so 100,000 rows scroll like 100. */
export function AuditTable({ columns, rows, total, onNearEnd, label, testId, selectable, onRowOpen }: AuditTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 20,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (onNearEnd && rows.length < total && lastIndex >= rows.length - 50) onNearEnd();
  }, [lastIndex, rows.length, total, onNearEnd]);
  const template = `${selectable ? '32px ' : ''}${columns.map((c) => (c.kind === 'key' ? 'minmax(240px, 3fr)' : 'minmax(90px, 1fr)')).join(' ')}`;
  return (
    <div
      className="audit-table"
      role="table"
      aria-label={label}
      aria-rowcount={total + 1}
      data-testid={testId}
      data-row-count={rows.length}
      data-total={total}
    >
      <div role="row" className="audit-row audit-head" style={{ gridTemplateColumns: template }}>
        {selectable ? <span role="columnheader" aria-label="Choose" /> : null}
        {columns.map((c) => (
          <span role="columnheader" key={c.id} className={`audit-cell is-${c.kind}`}>
            {c.label}
          </span>
        ))}
      </div>
      <div ref={scrollRef} className="audit-body" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const key = selectable?.rowKey(row);
            return (
              <div
                role="row"
                key={item.key}
                className="audit-row"
                data-testid={`${testId}-row`}
                data-key={String(row.key ?? '')}
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)` }}
                onDoubleClick={onRowOpen ? () => onRowOpen(row) : undefined}
              >
                {selectable && key !== undefined ? (
                  <span role="cell">
                    <input
                      type="checkbox"
                      aria-label={`Choose ${String(row.key ?? key)}`}
                      checked={selectable.selected.has(key)}
                      onChange={() => selectable.onToggle(key)}
                    />
                  </span>
                ) : null}
                {columns.map((c) => {
                  const text = formatCell(row[c.id] ?? null, c.kind);
                  return (
                    <span role="cell" key={c.id} className={`audit-cell is-${c.kind}`} title={text}>
                      {text}
                    </span>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
