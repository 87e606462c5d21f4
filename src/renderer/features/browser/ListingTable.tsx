import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useImperativeHandle, useRef, type KeyboardEvent, type MouseEvent, type Ref } from 'react';
import type { ListingRow } from './listing-rows';
import { ListingRowView, type RowDragOut } from './ListingRowView';
import { SortHeader } from './SortHeader';
import { useAnchorRow } from './use-anchor-row';
import { sizeConvention } from '../../../shared/format/format-bytes';
import type { SortColumn, SortSpec } from './sort-rows';

/** What the folder's keyboard handling needs from the table. */
export interface ListingTableHandle {
  /** Brings a row into view (only scrolling when it is not already visible). */
  scrollToIndex(index: number): void;
  /** How many rows fit in the viewport, for PageUp/PageDown. */
  pageSize(): number;
  /** The row's element, when it is rendered (for placing the context menu). */
  rowElement(index: number): HTMLElement | null;
  focus(): void;
}

export interface ListingTableProps {
  rows: readonly ListingRow[];
  /** Names the grid for screen readers, e.g. "Contents of public/media/". */
  label: string;
  /** Prefix for row ids (aria-activedescendant). */
  idPrefix: string;
  selected: ReadonlySet<string>;
  focusIndex: number;
  sort: SortSpec;
  onSort: (column: SortColumn) => void;
  onRowClick: (row: ListingRow, event: MouseEvent) => void;
  onRowOpen: (row: ListingRow) => void;
  onRowContextMenu: (row: ListingRow, event: MouseEvent) => void;
  onBackgroundContextMenu: (event: MouseEvent) => void;
  onKeyDown: (event: KeyboardEvent) => void;
  handleRef?: Ref<ListingTableHandle>;
  /** What decides the rows' order and set (sort and filter): when it changes, the view need not hold its anchor row. */
  order: string;
  /** The folder row files are dragged over (highlighted as the upload destination). */
  dropKey?: string | null;
  /** File rows can be dragged out onto the desktop (Electron); absent where the host cannot. */
  dragOut?: RowDragOut | undefined;
}

/** Fixed row height keeps virtual scrolling exact; it must match .listing-row in listing.css. */
export const rowHeight = 32;

const columns: { column: SortColumn; label: string; className: string; help?: string }[] = [
  { column: 'name', label: 'Name', className: 'cell-name' },
  { column: 'size', label: 'Size', className: 'cell-size', help: sizeConvention },
  { column: 'type', label: 'Type', className: 'cell-type' },
  { column: 'modified', label: 'Last modified', className: 'cell-modified' },
  { column: 'storageClass', label: 'Storage class', className: 'cell-storage' },
];

/**
 * A virtualized, multi-selectable ARIA grid: only the rows in view (plus some overscan) are in
 * the DOM, so a 100,000-object folder scrolls like a 100-object one. The grid itself holds the
 * keyboard focus and points at the focused row with aria-activedescendant, because the row
 * element may not exist while it is scrolled away. `data-row-count` gives tests the total.
 */
export function ListingTable(props: ListingTableProps) {
  const { rows, selected, focusIndex, idPrefix } = props;
  const gridRef = useRef<HTMLDivElement>(null);
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

  const scrollToOffset = useCallback((offset: number) => virtualizer.scrollToOffset(offset), [virtualizer]);
  useAnchorRow(scrollRef, rows, rowHeight, props.order, scrollToOffset);

  useImperativeHandle(props.handleRef, () => ({
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    pageSize: () => Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1),
    rowElement: (index) => document.getElementById(`${idPrefix}-${index}`),
    focus: () => gridRef.current?.focus(),
  }));

  const focusedRendered = focusIndex >= 0 && virtualizer.getVirtualItems().some((item) => item.index === focusIndex);
  return (
    <div
      ref={gridRef}
      className="listing-table"
      role="grid"
      tabIndex={0}
      aria-label={props.label}
      aria-rowcount={rows.length + 1}
      aria-multiselectable="true"
      aria-activedescendant={focusedRendered ? `${idPrefix}-${focusIndex}` : undefined}
      onKeyDown={props.onKeyDown}
      data-testid="listing-grid"
      data-row-count={rows.length}
      data-drag-out={props.dragOut ? 'on' : 'off'}
    >
      <div role="rowgroup" className="listing-head">
        <div role="row" aria-rowindex={1} className="listing-row listing-header-row">
          {columns.map((c) => (
            <SortHeader key={c.column} {...c} sort={props.sort} onSort={props.onSort} />
          ))}
        </div>
      </div>
      <div
        ref={scrollRef}
        role="rowgroup"
        className="listing-body"
        data-testid="listing-body"
        onContextMenu={(e) => {
          if (e.target === e.currentTarget || (e.target as HTMLElement).classList.contains('listing-spacer'))
            props.onBackgroundContextMenu(e);
        }}
      >
        <div className="listing-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <ListingRowView
                key={item.key}
                id={`${idPrefix}-${item.index}`}
                row={row}
                ariaRowIndex={item.index + 2}
                top={item.start}
                selected={selected.has(row.entry.key)}
                focused={item.index === focusIndex}
                dropTarget={props.dropKey === row.entry.key}
                onClick={props.onRowClick}
                onDoubleClick={props.onRowOpen}
                onContextMenu={props.onRowContextMenu}
                dragOut={props.dragOut}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
