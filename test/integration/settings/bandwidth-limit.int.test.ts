// The Settings sheet's bandwidth limit is applied by the transfer engine itself: a limited upload
// and download (both engines' byte paths share one token bucket) take at least bytes / rate, an
// unlimited one does not, and a change reaches the running queue without a restart.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MiB } from '../../../src/main/core/s3/part-size';
import { createTestBucket, gatewayFromState, type GatewayHandle, type TestBucket } from '../../support/s3-test-env';
import { scriptedDialogs } from '../transfers/support/scripted-dialogs';
import { startTransferCore, type TransferHarness } from '../transfers/support/transfer-harness';

let gw: GatewayHandle;
let tb: TestBucket;
let root: string;
const size = 3 * MiB;
const bytes = randomBytes(size);

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'settings-bandwidth');
  root = mkdtempSync(join(tmpdir(), 'bucket-admin-bw-'));
  mkdirSync(join(root, 'src'));
  mkdirSync(join(root, 'dl'));
  // Under the tests' 8 MiB thresholds: one streamed PUT (FileRangeBody) and one whole-object GET.
  writeFileSync(join(root, 'src', 'three.bin'), bytes);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function timedUpload(h: TransferHarness, key: string): Promise<number> {
  const started = performance.now();
  const plan = await h.value('transfers:planUpload', {
    connectionId: h.connectionId,
    bucket: tb.bucket,
    prefix: `private/${key}/`,
    paths: [join(root, 'src', 'three.bin')],
  });
  const batch = await h.value('transfers:startUpload', { planId: plan.planId, conflict: 'overwrite' });
  const { items } = await h.settled(batch.batchId, 60_000);
  expect(items.map((i) => i.state)).toEqual(['done']);
  return (performance.now() - started) / 1000;
}

async function timedDownload(h: TransferHarness, key: string, into: string): Promise<number> {
  mkdirSync(into, { recursive: true });
  await h.value('dialogs:chooseDownloadFolder', {});
  const started = performance.now();
  const plan = await h.value('transfers:planDownload', {
    connectionId: h.connectionId,
    bucket: tb.bucket,
    keys: [`private/${key}/three.bin`],
    prefixes: [],
    destination: into,
  });
  const batch = await h.value('transfers:startDownload', { planId: plan.planId, conflict: 'overwrite' });
  const { items } = await h.settled(batch.batchId, 60_000);
  expect(items.map((i) => i.state)).toEqual(['done']);
  expect(readFileSync(join(into, 'three.bin')).equals(bytes)).toBe(true);
  return (performance.now() - started) / 1000;
}

describe.each(['fast', 'sdk'] as const)('bandwidth limit (%s engine)', (engine) => {
  it('holds uploads and downloads to the limit, and lifts it on the running queue', async () => {
    const dest = join(root, 'dl', engine);
    const h = await startTransferCore({ gw, transferEngine: engine, dialogs: scriptedDialogs({ downloadFolder: dest }) });
    h.drop(join(root, 'src', 'three.bin'));
    try {
      const unlimitedUp = await timedUpload(h, `${engine}-free`);
      const unlimitedDown = await timedDownload(h, `${engine}-free`, dest);

      await h.value('settings:set', { patch: { bandwidthLimitMiBps: 1 } });
      // 3 MiB at 1 MiB/s: at least 3 s less the bucket's 50 ms of burst.
      const limitedUp = await timedUpload(h, `${engine}-slow`);
      const limitedDown = await timedDownload(h, `${engine}-slow`, dest);
      expect(limitedUp).toBeGreaterThanOrEqual(2.9);
      expect(limitedDown).toBeGreaterThanOrEqual(2.9);
      // Unlimited, the same bytes go many times faster on loopback.
      expect(unlimitedUp).toBeLessThan(limitedUp / 2);
      expect(unlimitedDown).toBeLessThan(limitedDown / 2);

      await h.value('settings:set', { patch: { bandwidthLimitMiBps: null } });
      const liftedUp = await timedUpload(h, `${engine}-lifted`);
      expect(liftedUp).toBeLessThan(limitedUp / 2);
    } finally {
      h.close();
    }
  }, 120_000);
});
