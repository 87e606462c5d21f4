// Playwright globalTeardown: stops the gateway only if playwright-global-setup.ts
// started it (RGW_STARTED_HANDLE); a reused one keeps running for its owner.
import type { GatewayHandle } from '../../src/main/local-gateway/ceph-gateway';
import { releaseGateway, stateFilePath } from '../../src/main/local-gateway/state';

export default async function globalTeardown(): Promise<void> {
  const json = process.env.RGW_STARTED_HANDLE;
  if (!json) return;
  delete process.env.RGW_STARTED_HANDLE;
  await releaseGateway({ handle: JSON.parse(json) as GatewayHandle, stateFile: stateFilePath(), started: true });
}
