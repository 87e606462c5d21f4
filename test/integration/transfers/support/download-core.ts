import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { TransferEngine } from '../../../../src/shared/model/connection';
import type { TransferEngineOptions } from '../../../../src/main/core/transfers/queue/engine-options';
import { startFaultProxy, type FaultProxy } from '../../../support/fault-proxy';
import type { GatewayHandle } from '../../../support/s3-test-env';
import { scriptedDialogs } from './scripted-dialogs';
import { startTransferCore, type TransferHarness } from './transfer-harness';

/** What `downloadCore` sets up: a core on one engine, behind a fault proxy, downloading into `dest`. */
export interface DownloadCore {
  proxy: FaultProxy;
  h: TransferHarness;
  dest: string;
}

/**
 * Registers, in the calling describe block, a transfer core for `engine` whose S3 traffic goes
 * through a fault proxy and whose download folder (chosen through the scripted dialog) is a fresh
 * temporary folder named after `tag`; all of it closed and removed after the block. `gw`: the
 * gateway, read when the block starts (the file's own beforeAll finds it). `transfers`: engine
 * options over the tests' own.
 */
export function downloadCore(
  gw: () => GatewayHandle,
  engine: TransferEngine,
  tag: string,
  transfers?: Partial<TransferEngineOptions>,
): DownloadCore {
  const core = {} as DownloadCore;
  beforeAll(async () => {
    core.proxy = await startFaultProxy(gw().endpoint);
    core.dest = mkdtempSync(join(tmpdir(), `bucket-admin-${tag}-`));
    core.h = await startTransferCore({
      gw: gw(),
      endpoint: core.proxy.endpoint,
      dialogs: scriptedDialogs({ downloadFolder: core.dest }),
      transferEngine: engine,
      ...(transfers ? { transfers } : {}),
    });
    await core.h.value('dialogs:chooseDownloadFolder', {});
  });
  afterAll(async () => {
    core.h.close();
    await core.proxy.close();
    rmSync(core.dest, { recursive: true, force: true });
  });
  return core;
}
