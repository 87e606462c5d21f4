import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { api } from '../../api/client';
import { Button } from '../../ui/Button';
import { DialogShell } from '../../ui/DialogShell';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { endedInConflict } from './conflict';
import { JobProgressView } from './JobProgressView';
import { NameField } from './NameField';
import { baseName } from '../../../shared/model/keys';
import { checkRename } from './name-rules';
import { useJobRunner } from './use-job-runner';

export interface RenameDialogProps {
  connectionId: string;
  bucket: string;
  itemKey: string;
  onClose: () => void;
  onRenamed: (newKey: string) => void;
}

/** Renames one object or folder in place (main copies with headers and ACL, then deletes). */
export function RenameDialog({ connectionId, bucket, itemKey, onClose, onRenamed }: RenameDialogProps) {
  const isFolder = itemKey.endsWith('/');
  const [name, setName] = useState(baseName(itemKey));
  const runner = useJobRunner(connectionId, bucket);
  const check = checkRename(itemKey, name);
  const job = runner.job;
  const conflict = endedInConflict(job, runner.startError);
  const newKey = itemKey.slice(0, itemKey.length - (isFolder ? 1 : 0) - baseName(itemKey).length) + name + (isFolder ? '/' : '');

  function start(overwrite: boolean) {
    runner.reset();
    void runner.start(() => api.browse.rename({ connectionId, bucket, key: itemKey, newName: name, ...(overwrite ? { overwrite } : {}) }));
  }

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!check.error) start(false);
  }

  const done = job?.status === 'finished' && !job.outcome?.failedTotal;
  // A clean rename closes by itself and selects the new name, as in a file manager.
  const reported = useRef(false);
  useEffect(() => {
    if (!done || reported.current) return;
    reported.current = true;
    onRenamed(newKey);
  }, [done, newKey, onRenamed]);
  return (
    <DialogShell
      open
      onOpenChange={(open) => (open || job?.status === 'running' ? undefined : done ? onRenamed(newKey) : onClose())}
      title={isFolder ? 'Rename folder' : 'Rename'}
      description={<span title={itemKey}>{itemKey}</span>}
    >
      <form className="action-form" onSubmit={submit} data-testid="rename-dialog" noValidate>
        <NameField
          id="rename-name"
          label="New name"
          value={name}
          onChange={(next) => {
            setName(next);
            // A new name clears the last attempt's "already exists".
            if (runner.startError || (job && job.status !== 'running')) runner.reset();
          }}
          error={check.error}
          hint={check.warning}
          selectOnFocus
          disabled={job?.status === 'running' || done}
          testId="rename-name"
        />
        {runner.startError ? (
          <ErrorBanner title="The rename did not start." message={runner.startError.message} testId="job-start-error" />
        ) : null}
        {job ? <JobProgressView job={job} verb="Renaming" onCancel={() => void runner.cancel()} /> : null}
        <div className="dialog-footer">
          <span className="spacer" />
          {done ? (
            <Button variant="primary" onClick={() => onRenamed(newKey)} data-testid="job-close">
              Close
            </Button>
          ) : (
            <>
              <Button onClick={onClose} disabled={job?.status === 'running'}>
                Cancel
              </Button>
              {conflict ? (
                // Keyed apart from the submit button: if React reused this <button> and made it type=submit
                // during the click, the browser would then submit the form as well.
                <Button key="replace" variant="danger" onClick={() => start(true)} data-testid="rename-replace">
                  Replace existing
                </Button>
              ) : (
                <Button
                  key="submit"
                  type="submit"
                  variant="primary"
                  busy={job?.status === 'running'}
                  disabled={Boolean(check.error)}
                  data-testid="rename-submit"
                >
                  Rename
                </Button>
              )}
            </>
          )}
        </div>
      </form>
    </DialogShell>
  );
}
