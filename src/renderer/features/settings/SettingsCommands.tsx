import { toClientError } from '../../api/client-error';
import { useCommandHandler } from '../../ui/commands/command-registry';
import { useToast } from '../../ui/Toast';
import { copyDiagnosticReport, revealLogsFolder } from './HelpSection';
import { useOpenSettings } from './SettingsProvider';

/**
 * The table's Settings and Help commands (menu, palette, shortcuts): Preferences opens the sheet;
 * Reveal logs and Copy diagnostic report do what the sheet's Help buttons do and say so in a toast.
 */
export function SettingsCommands() {
  const openSettings = useOpenSettings();
  const toast = useToast();
  const run = (testId: string, work: () => Promise<string>) => () => {
    work().then(
      (title) => toast.show({ title, tone: 'success', testId }),
      (error: unknown) => toast.show({ title: toClientError(error).message, tone: 'danger', testId }),
    );
  };
  useCommandHandler('preferences', openSettings);
  useCommandHandler('reveal-logs', run('toast-reveal-logs', revealLogsFolder));
  useCommandHandler('copy-diagnostics', run('toast-copy-diagnostics', copyDiagnosticReport));
  return null;
}
