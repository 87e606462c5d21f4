import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { runBrowserHost } from '../../src/main/browser-host/run-browser-host';
import { createJsonLogger } from '../../src/main/core/logger';
import { gatewayFromState } from '../support/s3-test-env';
import type { CommandId } from '../../src/shared/commands/command-table';
import type { GatewayHandle } from '../../src/main/local-gateway/ceph-gateway';

export interface AppHarness {
  /** The host's data folder (SQLite, key file): fresh for every test. */
  dataDir: string;
  origin: string;
  gateway: GatewayHandle;
  /** Runs a menu command through the host's push channel (`app:command`), as Electron's menu does. */
  sendCommand(id: CommandId): void;
}

/**
 * Each test gets its own browser host with an empty data folder, and a page that has loaded the
 * app and signalled readiness (`data-app-state="ready"`), so tests never sleep.
 */
export const test = base.extend<{ app: AppHarness }>({
  app: async ({ page }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bucket-admin-e2e-'));
    // The host's log goes to the test's data folder: quiet output, and there to read on failure.
    const logFile = join(dataDir, 'host.log');
    const logger = createJsonLogger((line) => {
      try {
        appendFileSync(logFile, line);
      } catch {
        // A line logged after teardown removed the folder (a cancelled upload's cleanup warning
        // arriving late, seen in CI) has nowhere to go; it must not fail the test that ended.
      }
    });
    const host = await runBrowserHost({ dataDir, staticDir: join(process.cwd(), 'out/renderer'), logger });
    try {
      await page.goto(host.url);
      await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
      await use({ dataDir, origin: host.origin, gateway: gatewayFromState(), sendCommand: (id) => host.push('app:command', { id }) });
    } finally {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };
