/** Where a local S3 server answers, and the keys of its one user. */
export interface LocalGatewayAddress {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** Whether the local server's programs are here, or could be installed without asking for a password. */
export interface LocalGatewayCheck {
  installed: boolean;
  installable: boolean;
  /** When neither: what is missing and the one command that installs it. */
  reason?: string;
}

/**
 * The demo's local S3 server, as a port so the core stays free of how it is run: the hosts pass
 * the Ceph RADOS Gateway launcher in `src/main/local-gateway/` (the same one the tests use).
 */
export interface LocalGatewayPort {
  check(): Promise<LocalGatewayCheck>;
  /** Installs the programs (apt, as root or with a password-less sudo); lines report each step. */
  install(onLine: (line: string) => void): Promise<void>;
  /** Starts the server, or reuses a healthy one already running. */
  start(): Promise<LocalGatewayAddress>;
  /** Stops what `start` started (nothing when it reused one); synchronous, so a quitting app can call it. */
  stop(): void;
}
