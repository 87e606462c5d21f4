import { Plus } from 'lucide-react';
import { useState } from 'react';
import type { Connection } from '../../../shared/model/connection';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { LoadingState } from '../../ui/LoadingState';
import { ConnectionFormDialog } from './ConnectionFormDialog';
import { ConnectionItem } from './ConnectionItem';
import { RemoveConnectionDialog } from './RemoveConnectionDialog';
import { useConnections } from './use-connections';

export interface ConnectionsSidebarProps {
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** The add/edit dialog's target, held by the workspace so its welcome screen can open it too. */
  formTarget: Connection | 'new' | null;
  onFormTarget: (target: Connection | 'new' | null) => void;
  /** The demo connection, labelled as such. */
  demoConnectionId?: string | undefined;
}

/** The sidebar's list of saved connections, with add, edit, remove and their dialogs. */
export function ConnectionsSidebar({
  selectedId,
  onSelect,
  formTarget,
  onFormTarget: setFormTarget,
  demoConnectionId,
}: ConnectionsSidebarProps) {
  const connections = useConnections();
  const [removeTarget, setRemoveTarget] = useState<Connection | null>(null);

  return (
    <section className="sidebar-section" aria-labelledby="connections-heading">
      <header className="sidebar-header">
        <h2 id="connections-heading">Connections</h2>
        <Button variant="ghost" icon={<Plus size={16} />} onClick={() => setFormTarget('new')} data-testid="connection-add">
          Add
        </Button>
      </header>

      {connections.isPending ? <LoadingState label="Loading connections…" /> : null}
      {connections.isError ? (
        <ErrorBanner message={connections.error.message}>
          <Button onClick={() => void connections.refetch()}>Retry</Button>
        </ErrorBanner>
      ) : null}
      {connections.isSuccess && connections.data.length === 0 ? (
        <EmptyState title="No connections yet">
          <p>Add one with your access keys or an AWS profile, or try the demo.</p>
        </EmptyState>
      ) : null}
      {connections.isSuccess && connections.data.length > 0 ? (
        <ul className="connection-list">
          {connections.data.map((c) => (
            <ConnectionItem
              key={c.id}
              connection={c}
              selected={c.id === selectedId}
              demo={c.id === demoConnectionId}
              onSelect={() => onSelect(c.id)}
              onEdit={() => setFormTarget(c)}
              onRemove={() => setRemoveTarget(c)}
            />
          ))}
        </ul>
      ) : null}

      <ConnectionFormDialog
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={(saved) => {
          setFormTarget(null);
          onSelect(saved.id);
        }}
      />
      <RemoveConnectionDialog
        target={removeTarget}
        onClose={() => setRemoveTarget(null)}
        onRemoved={(id) => {
          setRemoveTarget(null);
          if (id === selectedId) onSelect(null);
        }}
      />
    </section>
  );
}
