import type { Connection } from '../../../shared/model/connection';
import { DialogShell } from '../../ui/DialogShell';
import { ConnectionForm } from './ConnectionForm';

export interface ConnectionFormDialogProps {
  /** Closed when null; "new" to add; a connection to edit. */
  target: Connection | 'new' | null;
  onClose: () => void;
  onSaved: (connection: Connection) => void;
}

/**
 * The add/edit dialog. Radix unmounts the form when the dialog closes, which is what discards
 * any secret typed into it.
 */
export function ConnectionFormDialog({ target, onClose, onSaved }: ConnectionFormDialogProps) {
  const editing = target !== null && target !== 'new' ? target : undefined;
  return (
    <DialogShell
      open={target !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={editing ? `Edit “${editing.name}”` : 'Add connection'}
      description="Credentials are stored encrypted on this computer and never shown again."
      size="wide"
    >
      {target !== null ? <ConnectionForm key={editing?.id ?? 'new'} editing={editing} onSaved={onSaved} onCancel={onClose} /> : null}
    </DialogShell>
  );
}
