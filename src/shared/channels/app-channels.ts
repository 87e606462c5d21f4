import type { AppInfo, DiagnosticReport, LogsReveal } from '../model/app';
import { dragOutInputSchema, type DragOutResult } from '../model/drag-out';
import { noInput, returns } from './define';

export const appChannels = {
  'app:info': { input: noInput, result: returns<AppInfo>() },
  /** Opens the logs folder in the file manager where the host can (Electron); always answers with where it is. */
  'app:revealLogs': { input: noInput, result: returns<LogsReveal>() },
  /** Builds the diagnostic report the renderer copies to the clipboard. */
  'app:diagnostics': { input: noInput, result: returns<DiagnosticReport>() },
  /**
   * Drag a file row out onto the desktop: `prepare` fetches it into a temp folder (answers when it
   * is there), `start` begins the OS drag with it at once. Refused with `Unsupported` where the
   * host cannot start an OS drag (the browser host; `AppInfo.dragOut` says so up front).
   */
  'app:dragOut': { input: dragOutInputSchema, result: returns<DragOutResult>() },
} as const;
