import { File, Folder, Globe, Lock } from 'lucide-react';
import type { CSSProperties } from 'react';
import { formatBytes } from '../../format/format-bytes';
import { formatDateTime } from '../../format/format-date';
import { Badge } from '../../ui/Badge';
import { displayName, type ListingRow } from './listing-rows';
import { rootBadgeText } from './roots';

export interface ListingRowViewProps {
  row: ListingRow;
  /** 1-based position among all rows (header is 1), for screen readers in a virtual table. */
  ariaRowIndex: number;
  /** Absolute position inside the virtual scroller (set through the CSSOM, which CSP allows). */
  style: CSSProperties;
  onOpenFolder: (prefix: string) => void;
}

function testIdFor(row: ListingRow): string {
  if (row.root) return `root-${row.root}`;
  return row.entry.kind === 'folder' ? 'folder-row' : 'object-row';
}

/**
 * One row. A folder opens when its row is clicked anywhere; the name is a real button so the
 * keyboard reaches it, and its click simply bubbles up to the row's handler.
 */
export function ListingRowView({ row, ariaRowIndex, style, onOpenFolder }: ListingRowViewProps) {
  const { entry, root } = row;
  const name = displayName(entry);
  const isFolder = entry.kind === 'folder';
  const Icon = root === 'public' ? Globe : root === 'private' ? Lock : isFolder ? Folder : File;
  return (
    <div
      role="row"
      aria-rowindex={ariaRowIndex}
      className={['listing-row', isFolder ? 'is-folder' : 'is-object', root ? `is-root-${root}` : ''].join(' ')}
      style={style}
      onClick={isFolder ? () => onOpenFolder(entry.key) : undefined}
      data-testid={testIdFor(row)}
      data-key={entry.key}
    >
      <div role="cell" className="listing-cell cell-name">
        <Icon className="row-icon" size={16} aria-hidden="true" />
        {isFolder ? (
          <button type="button" className="row-name-button" title={entry.key}>
            {name}
          </button>
        ) : (
          <span className="row-name" title={entry.key}>
            {name}
          </span>
        )}
        {root ? <Badge tone={root}>{rootBadgeText[root]}</Badge> : null}
      </div>
      <div role="cell" className="listing-cell cell-size">
        {entry.kind === 'object' ? formatBytes(entry.size) : ''}
      </div>
      <div role="cell" className="listing-cell cell-modified">
        {entry.kind === 'object' ? formatDateTime(entry.lastModified) : ''}
      </div>
    </div>
  );
}
