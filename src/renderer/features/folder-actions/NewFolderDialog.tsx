import { useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { api, call } from '../../api/client';
import { toClientError } from '../../api/client-error';
import { Button } from '../../ui/Button';
import { DialogShell } from '../../ui/DialogShell';
import { browseKeys } from '../../api/query-keys';
import { NameField } from './NameField';
import { maxKeyBytes } from '../../../shared/model/keys';
import { checkName } from './name-rules';

export interface NewFolderDialogProps {
  connectionId: string;
  bucket: string;
  parentPrefix: string;
  onClose: () => void;
  onCreated: (key: string) => void;
}

/** Names a new folder (a zero-byte "name/" placeholder) in the open folder. */
export function NewFolderDialog({ connectionId, bucket, parentPrefix, onClose, onCreated }: NewFolderDialogProps) {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const check = checkName(name, parentPrefix, true);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    setTouched(true);
    if (check.error) return;
    setBusy(true);
    setServerError(null);
    try {
      const { key } = await call(api.browse.createFolder({ connectionId, bucket, parentPrefix, name }));
      await client.invalidateQueries({ queryKey: browseKeys.bucket(connectionId, bucket) });
      onCreated(key);
    } catch (error) {
      setServerError(toClientError(error).message);
      setBusy(false);
    }
  }

  return (
    <DialogShell
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title="New folder"
      description={`In ${bucket}/${parentPrefix}`}
    >
      <form className="action-form" onSubmit={(e) => void submit(e)} data-testid="new-folder-dialog" noValidate>
        <NameField
          id="new-folder-name"
          label="Folder name"
          value={name}
          onChange={(next) => {
            setName(next);
            setServerError(null);
          }}
          error={touched || name ? (check.error ?? serverError ?? undefined) : undefined}
          hint={check.warning}
          maxLength={maxKeyBytes}
          testId="new-folder-name"
        />
        <div className="dialog-footer">
          <span className="spacer" />
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy} data-testid="new-folder-create">
            Create
          </Button>
        </div>
      </form>
    </DialogShell>
  );
}
