import { Database } from 'lucide-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Connection } from '../../../shared/model/connection';
import { EmptyState } from '../../ui/EmptyState';
import { BucketList } from './BucketList';
import { ConnectionErrorState } from './ConnectionErrorState';
import { FolderView } from './FolderView';
import { defaultSort, type SortSpec } from './sort-rows';
import { useBuckets } from './use-buckets';
import { useNavigation } from './use-navigation';

export interface BrowserPaneProps {
  connection: Connection;
  /** Actions on the open bucket from other features, put together by the app (no feature imports another). */
  bucketTools?: (bucket: string) => ReactNode;
  /** Opens this connection's form (from the error shown when it cannot connect). */
  onEditConnection?: () => void;
}

/**
 * The main pane for one connection: its buckets beside the open folder. Remount it (key by
 * connection id) to start fresh when another connection is chosen.
 */
export function BrowserPane({ connection, bucketTools, onEditConnection }: BrowserPaneProps) {
  const nav = useNavigation();
  const [sort, setSort] = useState<SortSpec>(defaultSort);
  const buckets = useBuckets(connection.id);
  // After an edit the connection may no longer see the chosen bucket; then nothing is open.
  const place = nav.place && buckets.data?.some((b) => b.name === nav.place?.bucket) ? nav.place : null;
  // A connection made for one bucket opens it at once, the first time.
  const openedOwn = useRef(false);
  const { go } = nav;
  const own = connection.bucket && buckets.data?.some((b) => b.name === connection.bucket) ? connection.bucket : undefined;
  useEffect(() => {
    if (!own || openedOwn.current) return;
    openedOwn.current = true;
    go({ bucket: own, prefix: '' });
  }, [own, go]);

  if (buckets.isError) {
    return (
      <ConnectionErrorState
        connectionName={connection.name}
        message={buckets.error.message}
        retrying={buckets.isFetching}
        onRetry={() => void buckets.refetch()}
        onEdit={onEditConnection}
      />
    );
  }
  return (
    <div className="browser-pane">
      <BucketList
        connectionId={connection.id}
        selected={place?.bucket ?? null}
        onSelect={(name) => nav.go({ bucket: name, prefix: '' })}
        tools={place && bucketTools ? bucketTools(place.bucket) : undefined}
      />
      <div className="folder-column">
        {place ? (
          <FolderView
            key={`${place.bucket}\u0000${place.prefix}`}
            connection={connection}
            bucket={place.bucket}
            prefix={place.prefix}
            onNavigate={(prefix) => nav.go({ bucket: place.bucket, prefix })}
            history={nav}
            sort={sort}
            onSort={setSort}
            initialFocus={nav.reveal}
          />
        ) : (
          <EmptyState title="Choose a bucket" icon={<Database size={28} />}>
            <p>Its public and private folders are listed first.</p>
          </EmptyState>
        )}
      </div>
    </div>
  );
}
