import { shell } from 'electron';
import type { LogsPort } from '../core/app/logs-port';

/** The logs folder for `app:revealLogs`: opened in the OS file manager (a folder path we own, never one from the page). */
export function logsFolderPort(folder: string): LogsPort {
  return {
    location: folder,
    reveal: async () => (await shell.openPath(folder)) === '',
  };
}
