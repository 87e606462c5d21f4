import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAppCore, stagingDirOf } from '../core/app-core';
import { createJsonLogger, type Logger } from '../core/logger';
import { startBrowserHost, type BrowserHost } from './host-server';
import { KeyFileSecretStore } from './key-file-secret-store';
import { createBrowserDialogs } from './browser-dialogs';
import { createDemoGateway } from '../local-gateway/demo-gateway';

/** Where the browser host keeps its data unless told otherwise; never the Electron app's folder. */
export const defaultBrowserDataDir = join(homedir(), '.local', 'share', 'bucket-admin-browser-host');

export interface RunOptions {
  dataDir: string;
  port?: number;
  staticDir?: string;
  token?: string;
  /** Where log lines go; standard error unless a test wants them elsewhere. */
  logger?: Logger;
  /** Where downloads go (the browser host has no folder dialog); default `<dataDir>/downloads`. */
  downloadDir?: string;
  /** Largest dropped file the page may stage for upload (default 20 GiB). */
  maxStageBytes?: number;
  /** Start the demo (`npm run demo`) before answering: the page then opens its bucket at once. */
  startDemo?: boolean;
}

/** Starts the core and the host; used by the CLI below, the demo and the end-to-end tests. */
export async function runBrowserHost(options: RunOptions): Promise<BrowserHost & { dataDir: string }> {
  mkdirSync(options.dataDir, { recursive: true });
  const logger = options.logger ?? createJsonLogger((line) => process.stderr.write(line));
  const core = createAppCore({
    dataDir: options.dataDir,
    secretStore: new KeyFileSecretStore(join(options.dataDir, 'dev-secret.key')),
    host: 'browser',
    version: process.env.npm_package_version ?? '0.0.0-dev',
    logger,
    dataFolderHint: 'Start the browser host with --data-dir <folder> (or BUCKET_ADMIN_DATA_DIR set).',
    dialogs: createBrowserDialogs(options.downloadDir ?? process.env.BUCKET_ADMIN_DOWNLOAD_DIR ?? join(options.dataDir, 'downloads')),
    demoGateway: createDemoGateway({
      // The tests' gateway when one is recorded there (e2e), else one of the demo's own.
      stateFile: process.env.RGW_STATE_FILE ?? join(options.dataDir, 'demo', 'gateway.json'),
      preflightScript: resolve('scripts/preflight.sh'),
    }),
  });
  if (options.startDemo) {
    const started = await core.router.handle('demo:start', {});
    if (!started.ok) {
      core.close();
      throw new Error(started.error.message);
    }
  }
  const host = await startBrowserHost({
    core,
    staticDir: options.staticDir ?? resolve('out/renderer'),
    logger,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.token ? { token: options.token } : {}),
    staging: {
      stagingDir: stagingDirOf(options.dataDir),
      maxBytes: options.maxStageBytes ?? 20 * 1024 ** 3,
      reserveBytes: 256 * 1024 ** 2,
    },
  });
  return {
    ...host,
    dataDir: options.dataDir,
    async close() {
      await host.close();
      core.close();
    },
  };
}
