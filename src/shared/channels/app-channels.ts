import type { AppInfo, DiagnosticReport, LogsReveal } from '../model/app';
import { noInput, returns } from './define';

export const appChannels = {
  'app:info': { input: noInput, result: returns<AppInfo>() },
  /** Opens the logs folder in the file manager where the host can (Electron); always answers with where it is. */
  'app:revealLogs': { input: noInput, result: returns<LogsReveal>() },
  /** Builds the diagnostic report the renderer copies to the clipboard. */
  'app:diagnostics': { input: noInput, result: returns<DiagnosticReport>() },
} as const;
