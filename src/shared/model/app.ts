import type { JobOutcome } from './selection';

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
  /** Things the user must hear about once, e.g. a damaged database that was set aside. */
  notices: string[];
}

/** Progress of long work, throttled to about 10 Hz, keyed by job id. */
export type JobProgress =
  | { jobId: string; kind: 'started'; label: string }
  | { jobId: string; kind: 'progress'; done: number; total?: number; unit: 'bytes' | 'items' }
  /** `outcome` is set by jobs over many items (delete, copy, move): what went through and what failed. */
  | { jobId: string; kind: 'finished'; outcome?: JobOutcome }
  /** `outcome`, when set, says what was already done before the job stopped. */
  | { jobId: string; kind: 'failed'; error: { code: string; message: string }; outcome?: JobOutcome }
  /** `outcome`, when set, says what was already done before the cancel took effect. */
  | { jobId: string; kind: 'cancelled'; outcome?: JobOutcome };
