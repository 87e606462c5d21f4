import { File, Folder, Globe, Lock } from 'lucide-react';
import { memo, type MouseEvent } from 'react';
import { formatBytes } from '../../../shared/format/format-bytes';
import { Badge } from '../../ui/Badge';
import { typeLabel } from '../../format/file-types';
import { displayName, type ListingRow } from './listing-rows';
import { rootBadgeText } from './root-badge';
import { formatRowDate } from './row-format';
import { RowName } from '../../ui/RowName';

export interface ListingRowViewProps {
  row: ListingRow;
  /** DOM id, so the grid can point aria-activedescendant at the focused row. */
  id: string;
  /** 1-based position among all rows (header is 1), for screen readers in a virtual table. */
  ariaRowIndex: number;
  /** Offset inside the virtual scroller, in pixels (a number, so memo can skip unchanged rows). */
  top: number;
  selected: boolean;
  focused: boolean;
  /** Files dragged over this folder row would be uploaded into it. */
  dropTarget?: boolean;
  onClick: (row: ListingRow, event: MouseEvent) => void;
  onDoubleClick: (row: ListingRow) => void;
  onContextMenu: (row: ListingRow, event: MouseEvent) => void;
  /** Where the host can drag files out onto the desktop: file rows are draggable and report press and drag. */
  dragOut?: RowDragOut | undefined;
}

/** What a file row does when pressed and dragged out (absent where the host cannot, e.g. the browser host). */
export interface RowDragOut {
  press: (row: ListingRow) => void;
  drag: (row: ListingRow) => void;
}

function testIdFor(row: ListingRow): string {
  if (row.root) return `root-${row.root}`;
  return row.entry.kind === 'folder' ? 'folder-row' : 'object-row';
}

/** One row: click selects, double-click opens, right-click opens the context menu. */
export const ListingRowView = memo(function ListingRowView(props: ListingRowViewProps) {
  const { row, id, ariaRowIndex, top, selected, focused } = props;
  const { entry, root } = row;
  const isFolder = entry.kind === 'folder';
  const { dragOut } = props;
  const draggable = dragOut !== undefined && entry.kind === 'object';
  const Icon = root === 'public' ? Globe : root === 'private' ? Lock : isFolder ? Folder : File;
  const classes = [
    'listing-row',
    isFolder ? 'is-folder' : 'is-object',
    root ? `is-root-${root}` : '',
    selected ? 'is-selected' : '',
    focused ? 'is-focused' : '',
    props.dropTarget ? 'is-drop-target' : '',
  ];
  return (
    <div
      role="row"
      id={id}
      aria-rowindex={ariaRowIndex}
      aria-selected={selected}
      className={classes.join(' ')}
      // Set through the CSSOM (React style), which the CSP allows, unlike inline style attributes.
      style={{ transform: `translateY(${top}px)` }}
      onMouseDown={(e) => {
        // Shift-click extends the selection; without this the browser also selects the text.
        if (e.shiftKey) e.preventDefault();
        if (draggable && e.button === 0) dragOut.press(row);
      }}
      draggable={draggable || undefined}
      onDragStart={
        draggable
          ? (e) => {
              // No in-page drag: main starts the OS drag with the file itself (Electron's startDrag).
              e.preventDefault();
              dragOut.drag(row);
            }
          : undefined
      }
      onClick={(e) => props.onClick(row, e)}
      onDoubleClick={() => props.onDoubleClick(row)}
      onContextMenu={(e) => props.onContextMenu(row, e)}
      data-testid={testIdFor(row)}
      data-key={entry.key}
      data-selected={selected || undefined}
      data-focused={focused || undefined}
    >
      <div role="gridcell" className="listing-cell cell-name" title={entry.key}>
        <Icon className="row-icon" size={16} aria-hidden="true" />
        <RowName name={displayName(entry)} className={isFolder ? 'is-folder-name' : undefined} />
        {root ? (
          <Badge tone={root} title={rootBadgeText[root]}>
            {rootBadgeText[root]}
          </Badge>
        ) : null}
      </div>
      <div role="gridcell" className="listing-cell cell-size">
        {entry.kind === 'object' ? formatBytes(entry.size) : ''}
      </div>
      <div role="gridcell" className="listing-cell cell-type">
        {typeLabel(entry.kind, entry.name)}
      </div>
      <div role="gridcell" className="listing-cell cell-modified">
        {entry.kind === 'object' ? formatRowDate(entry.lastModified) : ''}
      </div>
      <div role="gridcell" className="listing-cell cell-storage">
        {entry.kind === 'object' ? (entry.storageClass ?? 'STANDARD') : ''}
      </div>
    </div>
  );
});
