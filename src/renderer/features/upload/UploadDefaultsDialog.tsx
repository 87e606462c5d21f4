import { useEffect, useState } from 'react';
import type { RootOrOther } from '../../../shared/model/roots';
import type { UploadAcl, UploadDefaultsSettings } from '../../../shared/model/transfer';
import { api, call } from '../../api/client';
import { toClientError } from '../../api/client-error';
import { Button } from '../../ui/Button';
import { DialogShell } from '../../ui/DialogShell';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field } from '../../ui/Field';
import { LoadingState } from '../../ui/LoadingState';
import { cacheControlProblem } from './upload-overrides';

const roots: { root: RootOrOther; label: string }[] = [
  { root: 'public', label: 'Under public/' },
  { root: 'private', label: 'Under private/' },
  { root: 'other', label: 'Anywhere else' },
];

/** A connection's upload defaults per root (ACL and Cache-Control), used by every later upload. */
export function UploadDefaultsDialog({ connectionId, onClose }: { connectionId: string; onClose: () => void }) {
  const [settings, setSettings] = useState<UploadDefaultsSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void call(api.transfers.getDefaults({ connectionId })).then(setSettings, (e: unknown) => setError(toClientError(e).message));
  }, [connectionId]);

  const update = (root: RootOrOther, change: Partial<{ acl: UploadAcl; cacheControl: string | null }>) =>
    setSettings((s) => (s ? { ...s, [root]: { ...s[root], ...change } } : s));
  const invalid = settings ? roots.some(({ root }) => cacheControlProblem(settings[root].cacheControl ?? '') !== null) : true;
  const save = async () => {
    if (!settings) return;
    setSaving(true);
    try {
      await call(api.transfers.setDefaults({ connectionId, settings }));
      onClose();
    } catch (e) {
      setError(toClientError(e).message);
      setSaving(false);
    }
  };

  return (
    <DialogShell
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title="Upload defaults"
      description="For this connection. Each upload shows them and can change them for that upload only."
    >
      <div className="action-form" data-testid="upload-defaults-dialog">
        {error ? <ErrorBanner message={error} testId="upload-defaults-error" /> : null}
        {!settings && !error ? <LoadingState label="Loading the defaults…" /> : null}
        {settings
          ? roots.map(({ root, label }) => (
              <fieldset key={root} className="form-section" data-testid={`upload-defaults-${root}`}>
                <legend>{label}</legend>
                <Field id={`defaults-acl-${root}`} label="Who can read">
                  {(control) => (
                    <select {...control} value={settings[root].acl} onChange={(e) => update(root, { acl: e.target.value as UploadAcl })}>
                      <option value="public-read">Public (public-read ACL)</option>
                      <option value="private">Private (private ACL)</option>
                      <option value="bucket-default">The bucket policy or CDN decides (no ACL)</option>
                    </select>
                  )}
                </Field>
                <Field
                  id={`defaults-cache-${root}`}
                  label="Cache-Control"
                  hint="Empty: none."
                  error={cacheControlProblem(settings[root].cacheControl ?? '') ?? undefined}
                >
                  {(control) => (
                    <input
                      {...control}
                      type="text"
                      value={settings[root].cacheControl ?? ''}
                      placeholder="none"
                      onChange={(e) => update(root, { cacheControl: e.target.value.trim() === '' ? null : e.target.value })}
                    />
                  )}
                </Field>
              </fieldset>
            ))
          : null}
        <div className="dialog-footer">
          <span className="spacer" />
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" busy={saving} disabled={invalid} onClick={() => void save()} data-testid="upload-defaults-save">
            Save defaults
          </Button>
        </div>
      </div>
    </DialogShell>
  );
}
