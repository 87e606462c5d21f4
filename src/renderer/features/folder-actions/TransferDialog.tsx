import { useEffect, useState, type SyntheticEvent } from 'react';
import { api, call } from '../../api/client';
import type { Roots } from '../../../shared/model/roots';
import type { UploadDefaultsSettings } from '../../../shared/model/transfer';
import { Button } from '../../ui/Button';
import { DialogShell } from '../../ui/DialogShell';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field } from '../../ui/Field';
import { describeKeys } from './action-request';
import { endedInConflict } from './conflict';
import { FolderPicker } from './FolderPicker';
import { JobProgressView } from './JobProgressView';
import { baseName } from '../../../shared/model/keys';
import { checkDestination, normaliseDestination } from './name-rules';
import { rootCrossingNote } from './root-crossing';
import { useJobRunner } from './use-job-runner';

export interface TransferDialogProps {
  mode: 'move' | 'copy';
  connectionId: string;
  bucket: string;
  keys: string[];
  fromPrefix: string;
  /** The connection's roots: items landing in another root take its upload defaults, and the dialog says so. */
  roots: Roots;
  onClose: () => void;
}

/** Move or copy the selection to another folder of the bucket (server-side, keeping headers and ACL). */
export function TransferDialog({ mode, connectionId, bucket, keys, fromPrefix, roots, onClose }: TransferDialogProps) {
  const [destination, setDestination] = useState(fromPrefix);
  const [defaults, setDefaults] = useState<UploadDefaultsSettings | null>(null);
  useEffect(() => {
    // Without them the dialog still works; it just cannot say what a move into another root changes.
    void call(api.transfers.getDefaults({ connectionId })).then(setDefaults, () => undefined);
  }, [connectionId]);
  const [touched, setTouched] = useState(false);
  const runner = useJobRunner(connectionId, bucket);
  const check = checkDestination(destination, keys, mode);
  const job = runner.job;
  const verb = mode === 'move' ? 'Move' : 'Copy';
  const running = job?.status === 'running';
  const crossing = defaults && !check.error ? rootCrossingNote(keys, normaliseDestination(destination), roots, defaults) : null;

  function start(overwrite: boolean) {
    const input = { connectionId, bucket, keys, destinationPrefix: normaliseDestination(destination), ...(overwrite ? { overwrite } : {}) };
    runner.reset();
    void runner.start(() => (mode === 'move' ? api.browse.move(input) : api.browse.copy(input)));
  }

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    setTouched(true);
    if (!check.error) start(false);
  }

  return (
    <DialogShell
      open
      onOpenChange={(open) => (open || running ? undefined : onClose())}
      title={`${verb} ${describeKeys(keys, baseName)}`}
      description={`Within ${bucket}. Headers, metadata and permissions go with them, unless they land in another root.`}
      size="wide"
    >
      <form className="action-form" onSubmit={submit} data-testid="transfer-dialog" data-mode={mode} noValidate>
        <Field
          id="transfer-destination"
          label="Destination folder"
          error={touched || destination !== fromPrefix ? check.error : undefined}
          hint={check.warning ?? 'Leave empty for the top of the bucket.'}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              value={destination}
              autoFocus
              disabled={Boolean(job)}
              onChange={(e) => setDestination(e.currentTarget.value)}
              data-testid="transfer-destination"
            />
          )}
        </Field>
        {crossing && !job ? (
          <p className="warning-note" role="note" data-testid="transfer-root-note">
            {crossing}
          </p>
        ) : null}
        {!job ? (
          <FolderPicker connectionId={connectionId} bucket={bucket} value={destination} onChange={setDestination} excluded={keys} />
        ) : null}
        {runner.startError ? (
          <ErrorBanner title={`The ${mode} did not start.`} message={runner.startError.message} testId="job-start-error" />
        ) : null}
        {job ? <JobProgressView job={job} verb={mode === 'move' ? 'Moving' : 'Copying'} onCancel={() => void runner.cancel()} /> : null}
        <div className="dialog-footer">
          <span className="spacer" />
          {job && !running && !endedInConflict(job, runner.startError) ? (
            <Button variant="primary" onClick={onClose} data-testid="job-close">
              Close
            </Button>
          ) : (
            <>
              <Button onClick={onClose} disabled={running}>
                Cancel
              </Button>
              {endedInConflict(job, runner.startError) ? (
                // Keyed apart from the submit button: if React reused this <button> and made it type=submit
                // during the click, the browser would then submit the form as well.
                <Button key="replace" variant="danger" onClick={() => start(true)} data-testid="transfer-replace">
                  Replace existing
                </Button>
              ) : (
                <Button key="submit" type="submit" variant="primary" busy={running} disabled={Boolean(job)} data-testid="transfer-submit">
                  {verb}
                </Button>
              )}
            </>
          )}
        </div>
      </form>
    </DialogShell>
  );
}
