import { useId, useMemo, useState } from 'react';
import type { ShareDefaults, ShareLinksResult } from '../../../shared/model/share';
import { api, call } from '../../api/client';
import { toClientError } from '../../api/client-error';
import { Button } from '../../ui/Button';
import { DialogShell } from '../../ui/DialogShell';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { BulkLinkRows } from './BulkLinkRows';
import { copySnippet, finishCopy } from './clipboard';
import { choiceForSeconds, overCapHint, secondsForChoice } from './expiry-choice';
import { ExpiryPicker } from './ExpiryPicker';
import { BulkOptionsFields } from './BulkOptionsFields';
import { copiedLinksMessage } from './link-messages';
import { buildLinksInput, type LinksFormValues } from './links-form';
import { RevocationNote } from './RevocationNote';
import { ShareDefaultsGate } from './ShareDefaultsGate';
import type { KeysTarget } from './share-context';
import { useAfterIssue } from './share-queries';

export interface BulkLinksDialogProps {
  target: KeysTarget;
  onClose: () => void;
}

/** Links for a selection of files, copied as plain text (for an e-mail) or CSV (key, URL, expiry). */
export function BulkLinksDialog({ target, onClose }: BulkLinksDialogProps) {
  const n = target.keys.length;
  return (
    <DialogShell
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={`Links for ${n.toLocaleString()} ${n === 1 ? 'file' : 'files'}`}
      description={`In ${target.bucket}. Every link gets the same expiry and note; each is recorded in the ledger.`}
      size="wide"
    >
      <div className="share-dialog" data-testid="bulk-links-dialog">
        <ShareDefaultsGate connectionId={target.connectionId} failureTitle="Links cannot be made right now.">
          {(defaults) => <BulkLinksForm target={target} defaults={defaults} onClose={onClose} />}
        </ShareDefaultsGate>
      </div>
    </DialogShell>
  );
}

function BulkLinksForm({ target, defaults, onClose }: { target: KeysTarget; defaults: ShareDefaults; onClose: () => void }) {
  const idPrefix = useId();
  const afterIssue = useAfterIssue();
  const [values, setValues] = useState<LinksFormValues>(() => ({
    choice: choiceForSeconds(defaults.expirySeconds),
    disposition: 'default',
    note: '',
    signAnyway: false,
  }));
  const [result, setResult] = useState<ShareLinksResult | null>(null);
  const [busy, setBusy] = useState<'text' | 'csv' | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const built = useMemo(() => buildLinksInput(values, target, 'none'), [values, target]);
  const errors = built.ok ? {} : built.errors;
  const seconds = secondsForChoice(values.choice);
  const anyPublic = target.keys.some((k) => k.startsWith(defaults.publicRoot));

  const set = <K extends keyof LinksFormValues>(key: K, value: LinksFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    // New options mean new links: the ones shown were made with the old options.
    setResult(null);
    setStatus(null);
  };

  async function copyAs(format: 'text' | 'csv') {
    if (!built.ok) return;
    setBusy(format);
    setStatus(null);
    try {
      let issued = result;
      if (issued) {
        await copySnippet(issued.snippetIds[format], format === 'csv' ? issued.csv : issued.text);
      } else {
        issued = await call(api.share.links({ ...built.input, copy: format }));
        afterIssue(target.connectionId);
        setResult(issued);
        await finishCopy(format === 'csv' ? issued.csv : issued.text, issued.copiedByMain);
      }
      setStatus({ ok: true, message: copiedLinksMessage(issued, format).title });
    } catch (error) {
      setStatus({ ok: false, message: toClientError(error).message });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="action-form">
      <ExpiryPicker
        idPrefix={idPrefix}
        choice={values.choice}
        onChange={(choice) => set('choice', choice)}
        error={errors.expiry}
        hint={seconds.ok ? overCapHint(seconds.seconds, defaults.maxExpirySeconds) : null}
      />
      <BulkOptionsFields idPrefix={idPrefix} values={values} set={set} noteError={errors.note} anyPublic={anyPublic} />
      {errors.general ? <ErrorBanner message={errors.general} testId="bulk-links-invalid" /> : null}
      {result ? <BulkLinkRows result={result} /> : null}
      {status ? (
        <p
          className={status.ok ? 'share-status is-ok' : 'share-status is-failed'}
          role="status"
          data-testid="bulk-links-status"
          data-ok={status.ok}
        >
          {status.message}
        </p>
      ) : null}
      <RevocationNote text={defaults.revocation} collapsed />
      <div className="dialog-footer">
        <span className="spacer" />
        <Button variant="ghost" onClick={onClose}>
          {result ? 'Done' : 'Cancel'}
        </Button>
        <Button
          onClick={() => void copyAs('text')}
          busy={busy === 'text'}
          disabled={!built.ok || busy !== null}
          data-testid="bulk-copy-text"
        >
          Copy as text
        </Button>
        <Button
          variant="primary"
          onClick={() => void copyAs('csv')}
          busy={busy === 'csv'}
          disabled={!built.ok || busy !== null}
          data-testid="bulk-copy-csv"
        >
          Copy as CSV
        </Button>
      </div>
    </div>
  );
}
