import { formatBytes } from '../../../shared/format/format-bytes';

export interface ListingStatusProps {
  total: number;
  shown: number;
  loadingMore: boolean;
  refreshing: boolean;
  filtered: boolean;
  selectedCount: number;
  selectedBytes: number;
  notice: string | null;
}

/** The line under the table: how many rows, whether more are coming, the selection, a notice. */
export function ListingStatus(props: ListingStatusProps) {
  const count = props.total.toLocaleString();
  const items = `${count} ${props.total === 1 ? 'item' : 'items'}`;
  // Rows that arrive go after the ones shown (they would push them around otherwise); say why they are not in order yet.
  let main = props.loadingMore ? `Loading more… ${count} items so far, sorted when all are in` : items;
  if (props.filtered) main = `${props.shown.toLocaleString()} of ${main} match the filter`;
  if (props.refreshing && !props.loadingMore) main += ' · refreshing…';
  return (
    <div className="listing-status">
      <p role="status" data-testid="listing-status" data-loading={props.loadingMore || undefined} data-total={props.total}>
        {main}
      </p>
      {/* Always there (empty when nothing is selected), so screen readers announce each change of the selection. */}
      <p role="status" data-testid="listing-selection">
        {props.selectedCount > 0
          ? `${props.selectedCount.toLocaleString()} selected${props.selectedBytes > 0 ? ` · ${formatBytes(props.selectedBytes)}` : ''}`
          : ''}
      </p>
      {props.notice ? (
        <p className="listing-notice" role="status" data-testid="listing-notice">
          {props.notice}
        </p>
      ) : null}
    </div>
  );
}
