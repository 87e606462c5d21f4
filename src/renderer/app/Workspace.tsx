import { Cable } from 'lucide-react';
import { useState } from 'react';
import type { AppInfo } from '../../shared/model/app';
import { BrowserPane } from '../features/browser/BrowserPane';
import { ConnectionsSidebar } from '../features/connections/ConnectionsSidebar';
import { useConnections } from '../features/connections/use-connections';
import { EmptyState } from '../ui/EmptyState';
import { StartupNotices } from './StartupNotices';

/** The app once started: connections in the sidebar, the chosen connection's buckets and folders beside. */
export function Workspace({ info }: { info: AppInfo }) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const connections = useConnections();
  const selected = connections.data?.find((c) => c.id === selectedId);

  return (
    <div className="workspace">
      <aside className="sidebar" aria-label="Sidebar">
        <div className="app-title">
          <span className="app-name">Bucket Admin</span>
          <span className="app-version">v{info.version}</span>
        </div>
        <ConnectionsSidebar selectedId={selectedId} onSelect={setSelectedId} />
      </aside>
      <main className="main-pane">
        <StartupNotices notices={info.notices} />
        {selected ? (
          <BrowserPane key={selected.id} connection={selected} />
        ) : (
          <EmptyState title="Choose a connection" icon={<Cable size={28} />}>
            <p>Pick one in the sidebar, or add one to get started.</p>
          </EmptyState>
        )}
      </main>
    </div>
  );
}
