import { Trash2 } from 'lucide-react';
import type { Connection } from '../../../shared/model/connection';
import { Button } from '../../ui/Button';
import { DialogShell } from '../../ui/DialogShell';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { useRemoveConnection } from './use-connections';

export interface RemoveConnectionDialogProps {
  target: Connection | null;
  onClose: () => void;
  onRemoved: (id: string) => void;
}

/** Asks before removing; says plainly that the bucket itself is untouched. */
export function RemoveConnectionDialog({ target, onClose, onRemoved }: RemoveConnectionDialogProps) {
  const remove = useRemoveConnection();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <DialogShell
      open={target !== null}
      onOpenChange={(open) => {
        if (!open) close();
      }}
      role="alertdialog"
      title={target ? `Remove “${target.name}”?` : 'Remove connection?'}
      description="The app forgets this connection and its stored secret. Nothing in the bucket is changed or deleted."
    >
      {remove.isError ? <ErrorBanner message={remove.error.message} /> : null}
      <div className="dialog-footer">
        <span className="spacer" />
        <Button variant="ghost" onClick={close} disabled={remove.isPending}>
          Cancel
        </Button>
        <Button
          variant="danger"
          icon={<Trash2 size={16} />}
          busy={remove.isPending}
          data-testid="connection-remove-confirm"
          onClick={() => {
            if (!target) return;
            remove.mutate(target.id, {
              onSuccess: () => {
                remove.reset();
                onRemoved(target.id);
              },
            });
          }}
        >
          Remove
        </Button>
      </div>
    </DialogShell>
  );
}
