import { useId, useMemo, useState } from 'react';
import { downloadName } from '../../../shared/model/keys';
import type { ShareDefaults, ShareLinkResult } from '../../../shared/model/share';
import { api, call } from '../../api/client';
import { toClientError } from '../../api/client-error';
import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { DialogShell } from '../../ui/DialogShell';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { useToast } from '../../ui/Toast';
import { useDebounced } from '../../ui/use-debounced';
import { finishCopy } from './clipboard';
import { choiceForSeconds, overCapHint, secondsForChoice } from './expiry-choice';
import { ExpiryPicker } from './ExpiryPicker';
import { buildLinkInput, initialLinkValues, type LinkFormValues, type ObjectTarget } from './link-form';
import { clipboardRefusedMessage, copiedLinkMessage } from './link-messages';
import { LinkOptionsFields } from './LinkOptionsFields';
import { PreviewSummary } from './PreviewSummary';
import { RevocationNote } from './RevocationNote';
import { ShareDefaultsGate } from './ShareDefaultsGate';
import { useAfterIssue, useSharePreview } from './share-queries';

export interface ShareLinkDialogProps {
  target: ObjectTarget;
  onClose: () => void;
}

/** The share dialog for one object: expiry, download options and note, with a live preview. */
export function ShareLinkDialog({ target, onClose }: ShareLinkDialogProps) {
  return (
    <DialogShell
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title="Share a link"
      description={
        <>
          <code className="is-mono">{target.key}</code> in {target.bucket}
        </>
      }
      size="wide"
    >
      <div className="share-dialog" data-testid="share-dialog">
        <ShareDefaultsGate
          connectionId={target.connectionId}
          failureTitle="Links cannot be made right now."
          failureTestId="share-defaults-error"
        >
          {(defaults) => <ShareLinkForm target={target} defaults={defaults} onClose={onClose} />}
        </ShareDefaultsGate>
      </div>
    </DialogShell>
  );
}

function ShareLinkForm({ target, defaults, onClose }: { target: ObjectTarget; defaults: ShareDefaults; onClose: () => void }) {
  const idPrefix = useId();
  const toast = useToast();
  const afterIssue = useAfterIssue();
  const [values, setValues] = useState<LinkFormValues>(() => initialLinkValues(choiceForSeconds(defaults.expirySeconds)));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // The link once made: shown in the dialog (selectable, with Copy) whether or not the clipboard took it.
  const [made, setMade] = useState<{ result: ShareLinkResult; copied: boolean } | null>(null);
  const built = useMemo(() => buildLinkInput(values, target), [values, target]);
  // Each preview is a HEAD request in main: ask once the options have settled for 300 ms.
  const settled = useDebounced(built.ok ? built.preview : null, 300);
  const preview = useSharePreview(settled);

  const set = <K extends keyof LinkFormValues>(key: K, value: LinkFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setFailure(null);
    setMade(null);
  };

  const isPublic = target.key.startsWith(defaults.publicRoot);
  const plainPublic = isPublic && !values.signAnyway && values.disposition === 'default' && values.contentType.trim() === '';
  const errors = built.ok ? {} : built.errors;
  const seconds = secondsForChoice(values.choice);
  const hint = plainPublic
    ? 'A public file’s plain URL does not expire; the expiry applies only to signed links.'
    : [
        isPublic && !values.signAnyway
          ? 'This file is public, but a download name or content type needs a signed link, so this link expires.'
          : null,
        seconds.ok ? overCapHint(seconds.seconds, defaults.maxExpirySeconds) : null,
      ]
        .filter(Boolean)
        .join(' ') || null;

  async function copy() {
    if (!built.ok) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await call(api.share.link(built.link));
      afterIssue(target.connectionId);
      try {
        await finishCopy(result.url, result.copiedByMain);
      } catch {
        setMade({ result, copied: false });
        return;
      }
      setMade({ result, copied: true });
      toast.show({ ...copiedLinkMessage(result), tone: result.warning ? 'warning' : 'success', testId: 'share-toast' });
    } catch (error) {
      setFailure(toClientError(error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="action-form"
      onSubmit={(e) => {
        e.preventDefault();
        void copy();
      }}
      noValidate
    >
      <ExpiryPicker
        idPrefix={idPrefix}
        choice={values.choice}
        onChange={(choice) => set('choice', choice)}
        error={errors.expiry}
        hint={hint}
        disabled={plainPublic}
      />
      <LinkOptionsFields
        idPrefix={idPrefix}
        values={values}
        set={set}
        errors={errors}
        suggestedName={downloadName(target.key)}
        isPublic={isPublic}
      />
      {preview.isError ? (
        <ErrorBanner title="This link cannot be made as set." message={preview.error.message} testId="share-preview-error" />
      ) : built.ok ? (
        <PreviewSummary preview={preview.data} updating={preview.isFetching || settled !== built.preview} />
      ) : null}
      {errors.general ? <ErrorBanner message={errors.general} /> : null}
      {failure ? <ErrorBanner title="The link was not created." message={failure} testId="share-error" /> : null}
      {made ? (
        <div className="copy-fallback" data-testid={made.copied ? 'share-made' : 'share-uncopied'}>
          {made.copied ? (
            <p className="field-hint">Copied to the clipboard. The link:</p>
          ) : (
            <p className="warning-note">{clipboardRefusedMessage}</p>
          )}
          <div className="copy-line">
            <code className="copy-text" data-testid="share-url">
              {made.result.url}
            </code>
            <CopyButton text={made.result.url} label="Copy link" testId="share-url-copy" />
          </div>
        </div>
      ) : null}
      {plainPublic ? null : <RevocationNote text={defaults.revocation} collapsed />}
      <div className="dialog-footer">
        <span className="spacer" />
        {made ? (
          <Button variant="primary" onClick={onClose} data-testid="share-done">
            Done
          </Button>
        ) : (
          <>
            <Button variant="ghost" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" busy={busy} disabled={!built.ok} data-testid="share-copy">
              Copy link
            </Button>
          </>
        )}
      </div>
    </form>
  );
}
