import { useId, useMemo, useState } from 'react';
import type { ShareDefaults, UploadLinkResult } from '../../../shared/model/share';
import { api, call } from '../../api/client';
import { toClientError } from '../../api/client-error';
import { Button } from '../../ui/Button';
import { DialogShell } from '../../ui/DialogShell';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field } from '../../ui/Field';
import { overCapHint, secondsForChoice } from './expiry-choice';
import { ExpiryPicker } from './ExpiryPicker';
import type { FolderTarget } from './share-context';
import { useAfterIssue } from './share-queries';
import { ShareDefaultsGate } from './ShareDefaultsGate';
import { buildUploadInput, initialUploadValues, type UploadFormValues } from './upload-form';
import { UploadLinkFields } from './UploadLinkFields';
import { UploadLinkResultView } from './UploadLinkResultView';

export interface UploadLinkDialogProps {
  target: FolderTarget;
  onClose: () => void;
}

/** An upload link for someone without credentials: a POST form (size range) or a PUT for one key. */
export function UploadLinkDialog({ target, onClose }: UploadLinkDialogProps) {
  return (
    <DialogShell
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title="Upload link"
      description={`Lets someone send a file into ${target.bucket} without credentials, until the link expires.`}
      size="wide"
    >
      <div className="share-dialog" data-testid="upload-link-dialog">
        <ShareDefaultsGate connectionId={target.connectionId} failureTitle="Upload links cannot be made right now.">
          {(defaults) => <UploadLinkForm target={target} defaults={defaults} onClose={onClose} />}
        </ShareDefaultsGate>
      </div>
    </DialogShell>
  );
}

function UploadLinkForm({ target, defaults, onClose }: { target: FolderTarget; defaults: ShareDefaults; onClose: () => void }) {
  const idPrefix = useId();
  const afterIssue = useAfterIssue();
  const [values, setValues] = useState<UploadFormValues>(() => initialUploadValues(target.prefix, defaults.uploadExpirySeconds));
  // Errors show after the first attempt: a half-filled form is not yet a mistake.
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<UploadLinkResult | null>(null);
  const where = useMemo(() => ({ connectionId: target.connectionId, bucket: target.bucket }), [target.connectionId, target.bucket]);
  const built = useMemo(() => buildUploadInput(values, where), [values, where]);
  const errors = tried && !built.ok ? built.errors : {};
  const seconds = secondsForChoice(values.choice);

  const set = <K extends keyof UploadFormValues>(key: K, value: UploadFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setFailure(null);
  };

  async function create() {
    setTried(true);
    if (!built.ok) return;
    setBusy(true);
    setFailure(null);
    try {
      setResult(await call(api.share.uploadLink(built.input)));
      afterIssue(target.connectionId);
    } catch (error) {
      setFailure(toClientError(error).message);
    } finally {
      setBusy(false);
    }
  }

  if (result) {
    return (
      <div className="action-form">
        <UploadLinkResultView result={result} />
        <div className="dialog-footer">
          <Button onClick={() => setResult(null)} data-testid="upload-another">
            Make another
          </Button>
          <span className="spacer" />
          <Button variant="primary" onClick={onClose} data-testid="upload-done">
            Done
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form
      className="action-form"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
      noValidate
    >
      <UploadLinkFields idPrefix={idPrefix} values={values} set={set} errors={errors} />
      <ExpiryPicker
        idPrefix={idPrefix}
        choice={values.choice}
        onChange={(choice) => set('choice', choice)}
        error={errors.expiry}
        hint={seconds.ok ? overCapHint(seconds.seconds, defaults.maxExpirySeconds) : null}
      />
      <Field
        id={`${idPrefix}-upload-note`}
        label="Note (optional)"
        error={errors.note}
        hint="Kept in the ledger with the link, e.g. a ticket number."
      >
        {(control) => (
          <input
            {...control}
            type="text"
            value={values.note}
            onChange={(e) => set('note', e.currentTarget.value)}
            placeholder="Ticket #"
            data-testid="upload-note"
          />
        )}
      </Field>
      {errors.general ? <ErrorBanner message={errors.general} /> : null}
      {failure ? <ErrorBanner title="The upload link was not created." message={failure} testId="upload-error" /> : null}
      <div className="dialog-footer">
        <span className="spacer" />
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={busy} data-testid="upload-create">
          Create upload link
        </Button>
      </div>
    </form>
  );
}
