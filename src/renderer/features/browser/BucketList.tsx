import { Database } from 'lucide-react';
import type { ReactNode } from 'react';
import { EmptyState } from '../../ui/EmptyState';
import { LoadingState } from '../../ui/LoadingState';
import { useBuckets } from './use-buckets';

export interface BucketListProps {
  connectionId: string;
  selected: string | null;
  onSelect: (bucket: string) => void;
  /** Actions on the selected bucket, put together by the app (the health panel's button). */
  tools?: ReactNode;
}

/** The buckets of the selected connection; picking one opens its top level (a failure is the pane's, see ConnectionErrorState). */
export function BucketList({ connectionId, selected, onSelect, tools }: BucketListProps) {
  const buckets = useBuckets(connectionId);
  return (
    <section className="bucket-column" aria-labelledby="buckets-heading">
      <h2 id="buckets-heading" className="column-heading">
        Buckets
      </h2>
      {buckets.isPending ? <LoadingState label="Loading buckets…" /> : null}
      {buckets.isSuccess && buckets.data.length === 0 ? (
        <EmptyState title="No buckets">
          <p>These credentials see no buckets. If they may use one bucket only, edit the connection and name it.</p>
        </EmptyState>
      ) : null}
      {buckets.isSuccess && buckets.data.length > 0 ? (
        <ul className="bucket-list">
          {buckets.data.map((b) => (
            <li key={b.name}>
              <button
                type="button"
                className={b.name === selected ? 'bucket-item is-selected' : 'bucket-item'}
                onClick={() => onSelect(b.name)}
                aria-current={b.name === selected ? 'true' : undefined}
                data-testid="bucket-item"
                data-bucket={b.name}
              >
                <Database size={15} aria-hidden="true" />
                <span className="bucket-name">{b.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {tools ? <div className="bucket-tools">{tools}</div> : null}
    </section>
  );
}
