import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { App } from 'electron';

/** Environment variable that moves all app data (tests run each app in a fresh folder). */
export const dataDirEnv = 'BUCKET_ADMIN_DATA_DIR';

/**
 * Points `userData` (and logs, when overridden) at the chosen folder. Must run before the app is
 * ready and before the single-instance lock, which lives in `userData`: two test runs with
 * different folders then never block each other.
 */
export function configureAppPaths(app: Pick<App, 'setPath' | 'setAppLogsPath'>, env: NodeJS.ProcessEnv): void {
  const override = env[dataDirEnv]?.trim();
  if (!override) return;
  const root = path.resolve(override);
  mkdirSync(root, { recursive: true });
  app.setPath('userData', root);
  app.setAppLogsPath(path.join(root, 'logs'));
}

/** The folder handed to the core for its SQLite file: a child of userData, away from Chromium's files. */
export function coreDataDir(app: Pick<App, 'getPath'>): string {
  const dir = path.join(app.getPath('userData'), 'data');
  mkdirSync(dir, { recursive: true });
  return dir;
}
