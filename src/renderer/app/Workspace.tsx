import { Cable } from 'lucide-react';
import { SettingsButton } from '../features/settings/SettingsButton';
import { SettingsCommands } from '../features/settings/SettingsCommands';
import { SettingsProvider } from '../features/settings/SettingsProvider';
import { Activity, useEffect, useRef, useState } from 'react';
import type { Connection } from '../../shared/model/connection';
import type { AppInfo } from '../../shared/model/app';
import { AuditNavItem } from '../features/audit/AuditNavItem';
import { AuditView } from '../features/audit/AuditView';
import { BrowserPane } from '../features/browser/BrowserPane';
import { BucketHealthButton } from '../features/bucket-health/BucketHealthButton';
import { ConnectionsSidebar } from '../features/connections/ConnectionsSidebar';
import { useDemo } from '../features/demo/use-demo';
import { WelcomeState } from '../features/demo/WelcomeState';
import { useConnections } from '../features/connections/use-connections';
import { LedgerView } from '../features/ledger/LedgerView';
import { SharedLinksNavItem } from '../features/ledger/SharedLinksNavItem';
import { ShareProvider } from '../features/share/ShareProvider';
import { TransfersPanel } from '../features/transfers/TransfersPanel';
import { UploadProvider } from '../features/upload/UploadProvider';
import { EmptyState } from '../ui/EmptyState';
import { ToastProvider } from '../ui/Toast';
import { CommandSurfaces } from '../features/commands/CommandSurfaces';
import { useCommandHandler } from '../ui/commands/command-registry';
import { StartupNotices } from './StartupNotices';

/** The app once started: connections in the sidebar, the chosen connection's buckets and folders beside. */
export function Workspace({ info }: { info: AppInfo }) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const connections = useConnections();
  const selected = connections.data?.find((c) => c.id === selectedId);
  // The ledger replaces the browser in the main pane; the browser keeps its place (Activity) meanwhile.
  const [view, setView] = useState<'browse' | 'ledger' | 'audit'>('browse');
  const choose = (id: string | null) => {
    setSelectedId(id);
    setView('browse');
  };
  const [formTarget, setFormTarget] = useState<Connection | 'new' | null>(null);
  const demo = useDemo();
  // Open the demo connection as soon as the demo is ready: after "Try the demo", or when the app
  // was started with the demo (`npm run demo`), once only.
  const opened = useRef(false);
  const startDemo = demo.start.mutate;
  const demoRunning = demo.status.data?.running === true;
  useEffect(() => {
    if (demoRunning && !opened.current) startDemo();
  }, [demoRunning, startDemo]);
  const readyId = demo.start.data?.connectionId;
  useEffect(() => {
    if (!readyId || opened.current) return;
    opened.current = true;
    choose(readyId);
  }, [readyId]);
  useCommandHandler('new-connection', () => setFormTarget('new'));
  const noConnections = connections.isSuccess && connections.data.length === 0;

  return (
    <ToastProvider>
      <SettingsProvider>
        <ShareProvider>
          <UploadProvider>
            <div className="workspace">
              <aside className="sidebar" aria-label="Sidebar">
                <div className="app-title">
                  <span className="app-name">Bucket Admin</span>
                  <span className="app-version">v{info.version}</span>
                </div>
                <ConnectionsSidebar
                  selectedId={selectedId}
                  onSelect={choose}
                  formTarget={formTarget}
                  onFormTarget={setFormTarget}
                  demoConnectionId={demo.status.data?.connectionId}
                />
                <SharedLinksNavItem active={view === 'ledger'} onOpen={() => setView('ledger')} />
                <AuditNavItem active={view === 'audit'} disabled={!selected} onOpen={() => setView('audit')} />
                <SettingsButton />
              </aside>
              <main className="main-pane">
                <StartupNotices notices={info.notices} />
                {view === 'ledger' ? <LedgerView connections={connections.data ?? []} connectionId={selectedId} /> : null}
                {view === 'audit' && selected ? <AuditView key={selected.id} connection={selected} /> : null}
                <Activity mode={view === 'browse' ? 'visible' : 'hidden'}>
                  {selected ? (
                    <BrowserPane
                      key={selected.id}
                      connection={selected}
                      onEditConnection={() => setFormTarget(selected)}
                      bucketTools={(bucket) => <BucketHealthButton key={bucket} connectionId={selected.id} bucket={bucket} />}
                    />
                  ) : noConnections || demo.start.isPending ? (
                    <WelcomeState demo={demo} onAddConnection={() => setFormTarget('new')} />
                  ) : (
                    <EmptyState title="Choose a connection" icon={<Cable size={28} />}>
                      <p>Pick one in the sidebar, or add one to get started.</p>
                    </EmptyState>
                  )}
                </Activity>
                <TransfersPanel />
              </main>
            </div>
            <CommandSurfaces info={info} />
            <SettingsCommands />
          </UploadProvider>
        </ShareProvider>
      </SettingsProvider>
    </ToastProvider>
  );
}
