import { Database } from 'lucide-react';
import { useState } from 'react';
import type { Connection } from '../../../shared/model/connection';
import { EmptyState } from '../../ui/EmptyState';
import { BucketList } from './BucketList';
import { FolderView } from './FolderView';
import { useBuckets } from './use-buckets';

/**
 * The main pane for one connection: its buckets beside the open folder. Remount it (key by
 * connection id) to start fresh when another connection is chosen.
 */
export function BrowserPane({ connection }: { connection: Connection }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [prefix, setPrefix] = useState('');
  const buckets = useBuckets(connection.id);
  // After an edit the connection may no longer see the chosen bucket; then nothing is open.
  const bucket = buckets.data?.some((b) => b.name === chosen) ? chosen : null;

  return (
    <div className="browser-pane">
      <BucketList
        connectionId={connection.id}
        selected={bucket}
        onSelect={(name) => {
          setChosen(name);
          setPrefix('');
        }}
      />
      <div className="folder-column">
        {bucket ? (
          <FolderView connection={connection} bucket={bucket} prefix={prefix} onNavigate={setPrefix} />
        ) : (
          <EmptyState title="Choose a bucket" icon={<Database size={28} />}>
            <p>Its public and private folders are listed first.</p>
          </EmptyState>
        )}
      </div>
    </div>
  );
}
