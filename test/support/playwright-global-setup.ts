// Playwright globalSetup: same policy as vitest-global-setup.ts. Playwright
// runs globalTeardown in this same runner process, so an env var carries the
// handle of a gateway we started across to it; workers inherit the env too.
import { acquireGateway } from '../../src/main/local-gateway/state';

export default async function globalSetup(): Promise<void> {
  const acquired = await acquireGateway(undefined, (msg) => console.error(`[rgw] ${msg}`));
  process.env.RGW_STATE_FILE = acquired.stateFile;
  if (acquired.started) process.env.RGW_STARTED_HANDLE = JSON.stringify(acquired.handle);
}
