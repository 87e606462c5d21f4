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
      }}
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
