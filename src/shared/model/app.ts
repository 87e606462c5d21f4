import type { DragOutSupport } from './drag-out';

/** What the renderer may know about the host it runs in. */
export interface AppInfo {
  version: string;
  host: 'electron' | 'browser';
  /** Where the app keeps its database and logs, shown in Settings. */
  dataDir: string;
  platform: string;
  /**
   * Where object bytes are served for previews: an origin that is not the app's, so a hostile
   * object can never reach the app's API (`app://preview` in Electron; the browser host's second
   * port with a per-run secret path).
   */
  previewBase: string;
  /** Whether file rows can be dragged out onto the desktop (Electron), or why not (the browser host). */
  dragOut: DragOutSupport;
  /** Things the user must hear about once, e.g. a damaged database that was set aside. */
  notices: string[];
}

/** What `app:revealLogs` did: opened the folder (Electron), or only says where it is (browser host). */
export interface LogsReveal {
  opened: boolean;
  location: string;
}

/** `app:diagnostics`: a plain-text report for a bug report (versions, platform, settings, last problems; no secrets). */
export interface DiagnosticReport {
  text: string;
}
