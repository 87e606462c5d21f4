// Vitest globalSetup: one RGW test bed per run. Reuses the gateway recorded in
// the state file ($RGW_STATE_FILE or <repo>/.rgw/state.json) when it is alive
// and healthy (e.g. one from `npx tsx src/main/local-gateway/cli.ts start`), and
// then leaves it running; otherwise starts one and stops it in teardown.
import { acquireGateway, releaseGateway } from '../../src/main/local-gateway/state';

export default async function setup(): Promise<() => Promise<void>> {
  const acquired = await acquireGateway(undefined, (msg) => console.error(`[rgw] ${msg}`));
  // Test workers are started after this and inherit the env: they read the same file.
  process.env.RGW_STATE_FILE = acquired.stateFile;
  return async () => {
    await releaseGateway(acquired);
  };
}
