import { useState } from 'react';
import { themeChoices, type SettingsView, type ThemeChoice } from '../../../shared/model/settings';
import { toClientError } from '../../api/client-error';
import { Button } from '../../ui/Button';
import { CheckboxField } from '../../ui/CheckboxField';
import { DialogShell } from '../../ui/DialogShell';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { LoadingState } from '../../ui/LoadingState';
import { NumberField } from '../../ui/NumberField';
import { HelpSection } from './HelpSection';
import { parseSettingsForm, toFormValues, type SettingsFormErrors, type SettingsFormValues } from './settings-form';
import { useSaveSettings, useSettings } from './use-settings';

const themeLabels: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** The Settings sheet: transfers, links, appearance, where data lives, and help & diagnostics. */
export function SettingsSheet({ onClose }: { onClose: () => void }) {
  const settings = useSettings();
  return (
    <DialogShell
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title="Settings"
      description="Changes apply at once, also to transfers already running. Bucket Admin is telemetry-free by design: it sends nothing anywhere but to your S3 servers."
      size="wide"
    >
      {settings.data ? (
        <SettingsForm view={settings.data} onClose={onClose} />
      ) : settings.isError ? (
        <ErrorBanner title="Settings could not be read." message={settings.error.message} />
      ) : (
        <LoadingState label="Reading settings…" />
      )}
    </DialogShell>
  );
}

function SettingsForm({ view, onClose }: { view: SettingsView; onClose: () => void }) {
  const [values, setValues] = useState<SettingsFormValues>(() => toFormValues(view.settings));
  const [errors, setErrors] = useState<SettingsFormErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const save = useSaveSettings();
  const set = <K extends keyof SettingsFormValues>(key: K, value: SettingsFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const submit = () => {
    const parsed = parseSettingsForm(values);
    if (!parsed.ok) return setErrors(parsed.errors);
    setSaveError(null);
    save.mutate(parsed.settings, {
      onSuccess: onClose,
      onError: (error) => setSaveError(toClientError(error).message),
    });
  };
  return (
    <form
      className="settings-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="settings-form"
    >
      <fieldset className="form-section">
        <legend>Transfers</legend>
        <div className="form-row">
          <NumberField
            id="settings-parallel"
            label="Parallel transfers"
            error={errors.parallelTransfers}
            hint="Files moved at the same time (1–16)."
            value={values.parallelTransfers}
            onChange={(v) => set('parallelTransfers', v)}
            testId="settings-parallel"
          />
          <NumberField
            id="settings-part-size"
            label="Part size (MiB)"
            error={errors.partSizeMiB}
            hint="Larger files grow their parts so no upload needs more than 10,000."
            value={values.partSizeMiB}
            disabled={values.partSizeAuto}
            onChange={(v) => set('partSizeMiB', v)}
            testId="settings-part-size"
          />
        </div>
        <CheckboxField
          id="settings-part-auto"
          label="Choose the part size automatically (16 MiB)"
          checked={values.partSizeAuto}
          onChange={(c) => set('partSizeAuto', c)}
          testId="settings-part-auto"
        />
        <div className="form-row">
          <NumberField
            id="settings-bandwidth"
            label="Bandwidth limit (MiB/s)"
            error={errors.bandwidthLimitMiBps}
            hint="Uploads and downloads together."
            step="0.1"
            value={values.bandwidthLimitMiBps}
            disabled={!values.bandwidthLimited}
            onChange={(v) => set('bandwidthLimitMiBps', v)}
            testId="settings-bandwidth"
          />
        </div>
        <CheckboxField
          id="settings-bandwidth-on"
          label="Limit bandwidth"
          checked={values.bandwidthLimited}
          onChange={(c) => set('bandwidthLimited', c)}
          testId="settings-bandwidth-on"
        />
        <p className="field-hint">
          Upload defaults by root (ACL, Cache-Control) belong to each connection: change them in a bucket’s upload sheet, with “Change this
          connection’s upload defaults…”.
        </p>
      </fieldset>

      <fieldset className="form-section">
        <legend>Links</legend>
        <NumberField
          id="settings-expiry"
          label="Default link expiry (minutes)"
          error={errors.defaultLinkExpiryMinutes}
          hint="Used until you pick another expiry for a connection; at most 7 days (10080 minutes)."
          value={values.defaultLinkExpiryMinutes}
          onChange={(v) => set('defaultLinkExpiryMinutes', v)}
          testId="settings-expiry"
        />
        <p className="field-hint">
          A CDN base URL for public links is set per connection (Edit connection → Public base URL), since each bucket has its own.
        </p>
      </fieldset>

      <fieldset className="form-section">
        <legend>Appearance</legend>
        <div className="segmented" role="radiogroup" aria-label="Theme">
          {themeChoices.map((choice) => (
            <label key={choice} className="segmented-option">
              <input
                type="radio"
                name="settings-theme"
                value={choice}
                checked={values.theme === choice}
                onChange={() => set('theme', choice)}
                data-testid={`settings-theme-${choice}`}
              />
              {themeLabels[choice]}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Data folder</legend>
        <p className="settings-path" data-testid="settings-data-folder">
          {view.dataFolder.path}
        </p>
        <p className="field-hint">{view.dataFolder.howToChange}</p>
      </fieldset>

      <HelpSection logsLocation={view.logs.location} />

      {saveError ? <ErrorBanner title="Settings were not saved." message={saveError} /> : null}
      <footer className="dialog-footer form-sticky-footer settings-footer">
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="primary" type="submit" busy={save.isPending} data-testid="settings-save">
          Save
        </Button>
      </footer>
    </form>
  );
}
