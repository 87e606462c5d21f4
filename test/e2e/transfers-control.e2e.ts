/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import type { Page } from '@playwright/test';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { createTestBucket, putObjects, type TestBucket } from '../support/s3-test-env';
import { expect, test, type AppHarness } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { connectToGateway } from './pages/gateway-connection';
import { TransfersPage } from './pages/transfers-page';
import { exists, fetchObject, randomFile, sha256 } from './upload-helpers';

test.use({ viewport: { width: 1600, height: 900 } });

const MiB = 1024 * 1024;
let testBucket: TestBucket;
let proxy: FaultProxy;
let localDir: string;

test.beforeEach(async ({ app }) => {
  testBucket = await createTestBucket(app.gateway, 'e2e-transfers');
  await putObjects(testBucket.client, testBucket.bucket, { 'public/media/readme.txt': 'here' });
  proxy = await startFaultProxy(app.gateway.endpoint);
  localDir = mkdtempSync(join(tmpdir(), 'bucket-admin-transfers-'));
});

test.afterEach(async () => {
  proxy.dropAll();
  await proxy.close();
  rmSync(localDir, { recursive: true, force: true });
  await testBucket.cleanup();
});

const isPart = (target: string, n?: number) => new RegExp(`[?&]partNumber=${n ?? '\\d+'}(&|$)`).test(target);
const partNumbers = () =>
  proxy.requests.filter((r) => r.method === 'PUT' && isPart(r.target)).map((r) => Number(/partNumber=(\d+)/.exec(r.target)?.[1]));

/** Connects through the proxy, opens public/media/ and starts a 40 MiB upload (3 parts) whose part 2 stalls. */
async function startStalledUpload(page: Page, app: AppHarness) {
  const bytes = randomFile(40 * MiB);
  const file = join(localDir, 'clip.mov');
  writeFileSync(file, bytes);
  let stalled = false;
  proxy.setRule((r) => {
    if (r.method === 'PUT' && isPart(r.target, 2) && !stalled) {
      stalled = true;
      return { kind: 'stall', afterBytes: MiB };
    }
    return { kind: 'pass' };
  });
  await connectToGateway(page, { ...app, gateway: { ...app.gateway, endpoint: proxy.endpoint } });
  const browser = new BrowserPage(page);
  const transfers = new TransfersPage(page);
  await browser.openBucket(testBucket.bucket);
  await browser.openRoot('public');
  await browser.openFolder('public/media/');
  await transfers.uploadFiles([file]);
  await transfers.confirm();
  await transfers.openBatch();
  // Parts 1 and 3 arrive, part 2 hangs: the panel shows the upload part-way.
  await expect.poll(() => transfers.batchPercent(), { timeout: 30_000 }).toBeGreaterThanOrEqual(50);
  expect(await transfers.batchPercent()).toBeLessThan(100);
  await expect(transfers.item('clip.mov')).toHaveAttribute('data-state', 'active');
  await expect(transfers.panel.getByTestId('transfers-badge')).toHaveText('1');
  await expect(page).toHaveTitle(/^\d+% · Transferring · Bucket Admin$/);
  return { bytes, transfers };
}

test('pausing a stalled upload and resuming it sends only the missing part, and the bytes arrive intact', async ({ page, app }) => {
  const { bytes, transfers } = await startStalledUpload(page, app);
  await transfers.latestBatch.getByTestId('transfer-batch-pause').click();
  await expect(transfers.item('clip.mov')).toHaveAttribute('data-state', 'paused');
  const sentBefore = partNumbers().length;

  await transfers.item('clip.mov').getByTestId('transfer-item-resume').click();
  await expect(transfers.latestBatch).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  expect(partNumbers().slice(sentBefore)).toEqual([2]);
  const got = await fetchObject(testBucket.client, testBucket.bucket, 'public/media/clip.mov');
  expect(got.sha).toBe(sha256(bytes));
});

test('cancelling an upload from the panel leaves no multipart upload and no object', async ({ page, app }) => {
  const { transfers } = await startStalledUpload(page, app);
  await transfers.latestBatch.getByTestId('transfer-batch-cancel').click();
  await expect(transfers.latestBatch).toHaveAttribute('data-state', 'cancelled');
  await expect
    .poll(
      async () =>
        (
          await testBucket.client.send(new ListMultipartUploadsCommand({ Bucket: testBucket.bucket }), {
            abortSignal: AbortSignal.timeout(15_000),
          })
        ).Uploads ?? [],
      { timeout: 20_000 },
    )
    .toEqual([]);
  expect(await exists(testBucket.client, testBucket.bucket, 'public/media/clip.mov')).toBe(false);
  await expect(transfers.panel.getByTestId('transfers-badge')).toBeHidden();
});

test('a file that vanished before upload fails with its reason; Retry sends it once it is back', async ({ page, app }) => {
  const files = [
    { relativePath: 'Set/one.txt', bytes: Buffer.from('one') },
    { relativePath: 'Set/two.txt', bytes: randomFile(5000) },
  ];
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  const transfers = new TransfersPage(page);
  await browser.openBucket(testBucket.bucket);
  await browser.openRoot('public');
  await browser.openFolder('public/media/');
  await transfers.drop(
    page.getByTestId('upload-drop-zone'),
    files.map((f) => ({ relativePath: f.relativePath, base64: f.bytes.toString('base64') })),
  );
  await expect(transfers.sheet).toHaveAttribute('data-step', 'review', { timeout: 30_000 });

  // The staged copy of two.txt disappears between planning and sending.
  const staging = join(app.dataDir, 'staging');
  const staged = readdirSync(staging, { recursive: true, encoding: 'utf8' })
    .map((p) => join(staging, p))
    .find((p) => p.endsWith(join('Set', 'two.txt')));
  if (!staged) throw new Error('two.txt was not staged');
  const { mtime } = statSync(staged);
  rmSync(staged);
  await transfers.confirm();

  await expect(transfers.latestBatch).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
  await transfers.openBatch();
  const failed = transfers.item('Set/two.txt');
  await expect(failed).toHaveAttribute('data-state', 'failed');
  await expect(failed.getByTestId('transfer-item-error')).toContainText(/two\.txt no longer exists/);
  await expect(transfers.item('Set/one.txt')).toHaveAttribute('data-state', 'done');

  // Its folder went too (emptied staging folders are pruned once their files are sent).
  mkdirSync(dirname(staged), { recursive: true });
  writeFileSync(staged, files[1]?.bytes ?? Buffer.alloc(0));
  utimesSync(staged, mtime, mtime);
  await failed.getByTestId('transfer-item-retry').click();
  await expect(transfers.latestBatch).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  const got = await fetchObject(testBucket.client, testBucket.bucket, 'public/media/Set/two.txt');
  expect(got.sha).toBe(sha256(files[1]?.bytes ?? Buffer.alloc(0)));
});
