/** Whether the demo (a local S3 server with a sample bucket) can run on this machine, and whether it does. */
export interface DemoStatus {
  /** The local gateway's programs are installed, or can be installed here without a password. */
  available: boolean;
  /** Why not, and what to do: shown instead of the button's promise. */
  unavailableReason?: string;
  /** Started by this app since it opened (stopped again when the app stops). */
  running: boolean;
  /** The demo connection, once it exists (it stays until the user removes it). */
  connectionId?: string;
  bucket: string;
}

/** What `demo:start` answers once the sample bucket is ready. */
export interface DemoStarted {
  connectionId: string;
  bucket: string;
  endpoint: string;
}

/** One step of starting the demo, for the waiting screen. */
export interface DemoProgress {
  step: 'install' | 'start' | 'fill' | 'connect';
  message: string;
}
