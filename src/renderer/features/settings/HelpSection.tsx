import { ClipboardCopy, FolderOpen } from 'lucide-react';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { toClientError } from '../../api/client-error';
import { Button } from '../../ui/Button';

/** "Help & diagnostics": reveal the logs folder, copy a diagnostic report (no secrets) for a bug report. */
export function HelpSection({ logsLocation }: { logsLocation: string }) {
  const [status, setStatus] = useState<string | null>(null);
  const run = (work: () => Promise<string>) => {
    work().then(setStatus, (error: unknown) => setStatus(toClientError(error).message));
  };
  return (
    <fieldset className="form-section">
      <legend>Help &amp; diagnostics</legend>
      <p className="field-hint">Logs: {logsLocation}. They hold request lines and errors, never keys, tokens or link signatures.</p>
      <div className="settings-actions">
        <Button icon={<FolderOpen size={14} />} onClick={() => run(revealLogsFolder)} data-testid="settings-reveal-logs">
          Reveal logs
        </Button>
        <Button icon={<ClipboardCopy size={14} />} onClick={() => run(copyDiagnosticReport)} data-testid="settings-copy-diagnostics">
          Copy diagnostic report
        </Button>
      </div>
      {status ? (
        <p className="field-hint" role="status" data-testid="settings-help-status">
          {status}
        </p>
      ) : null}
    </fieldset>
  );
}

/** `app:revealLogs`: opens the folder where the host can, else says where it is. */
export async function revealLogsFolder(): Promise<string> {
  const result = await call(api.app.revealLogs({}));
  return result.opened ? `Opened ${result.location}.` : `The log is at ${result.location}.`;
}

/** `app:diagnostics`, copied by this window (the report has no secrets, so it may cross the boundary). */
export async function copyDiagnosticReport(): Promise<string> {
  const { text } = await call(api.app.diagnostics({}));
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    throw new Error('The clipboard refused the report (the window may not have focus). Click in the window and try again.');
  }
  return 'Diagnostic report copied. Paste it into your bug report.';
}
