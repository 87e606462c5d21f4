/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestBucket, putObjects, type TestBucket } from '../support/s3-test-env';
import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { connectToGateway } from './pages/gateway-connection';
import { TransfersPage } from './pages/transfers-page';
import { anonymousStatus, exists, fetchObject, randomFile, sha256, writeTree } from './upload-helpers';

test.use({ viewport: { width: 1600, height: 900 } });

const MiB = 1024 * 1024;
let testBucket: TestBucket;
let localDir: string;

test.beforeEach(async ({ app }) => {
  testBucket = await createTestBucket(app.gateway, 'e2e-upload');
  await putObjects(testBucket.client, testBucket.bucket, { 'public/media/readme.txt': 'already here', 'private/reports/old.txt': 'old' });
  localDir = mkdtempSync(join(tmpdir(), 'bucket-admin-upload-'));
});

test.afterEach(async () => {
  rmSync(localDir, { recursive: true, force: true });
  await testBucket.cleanup();
});

test('a picked folder (nested, one multipart file, 30 small ones) lands in public/media/ byte for byte, public and cached', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  // 24 MiB is above the engine's 16 MiB multipart threshold: two parts.
  const files: Record<string, Buffer> = {
    'Shoot/video/clip.mov': randomFile(24 * MiB),
    'Shoot/notes/deep/plan.json': Buffer.from('{"take":3}'),
  };
  for (let i = 1; i <= 30; i++) files[`Shoot/stills/still-${String(i).padStart(2, '0')}.jpg`] = randomFile(1024 + i * 977);
  writeTree(localDir, files);

  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  const transfers = new TransfersPage(page);
  await browser.openBucket(testBucket.bucket);
  await browser.openRoot('public');
  await browser.openFolder('public/media/');

  await transfers.uploadFolder(join(localDir, 'Shoot'));
  const totalBytes = Object.values(files).reduce((sum, b) => sum + b.length, 0);
  await expect(transfers.plan).toHaveAttribute('data-files', '32', { timeout: 60_000 });
  await expect(transfers.plan).toHaveAttribute('data-bytes', String(totalBytes));
  await expect(transfers.plan).toContainText('1 large file goes up in parts');
  const options = transfers.sheet.getByTestId('upload-options');
  await expect(options).toHaveAttribute('data-root', 'public');
  await expect(transfers.sheet.getByTestId('upload-acl')).toHaveValue('public-read');
  await expect(transfers.sheet.getByTestId('upload-cache-control')).toHaveValue('public, max-age=86400');
  await transfers.confirm();

  await expect(transfers.panel).toHaveAttribute('data-open', 'true');
  await expect(transfers.latestBatch).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(transfers.latestBatch.getByTestId('transfer-batch-counts')).toHaveAttribute('data-done', '32');
  await expect(transfers.latestBatch.getByTestId('transfer-batch-bytes')).toHaveAttribute('data-percent', '100');
  await expect(page).toHaveTitle('Bucket Admin');
  // The open folder refreshes itself: the new folder shows without pressing Refresh.
  await expect(browser.row('public/media/Shoot/')).toBeVisible();

  for (const [rel, bytes] of Object.entries(files)) {
    const key = `public/media/${rel}`;
    const got = await fetchObject(testBucket.client, testBucket.bucket, key);
    expect(got.sha, key).toBe(sha256(bytes));
    expect(got.cacheControl, key).toBe('public, max-age=86400');
    expect(await anonymousStatus(app.gateway.endpoint, testBucket.bucket, key), key).toBe(200);
  }
  expect((await fetchObject(testBucket.client, testBucket.bucket, 'public/media/Shoot/notes/deep/plan.json')).contentType).toBe(
    'application/json',
  );
});

test('files dropped on a private folder row stay private with no public caching; a breadcrumb takes drops too', async ({ page, app }) => {
  const files = [
    { relativePath: 'Docs/contract.txt', bytes: Buffer.from('signed contract') },
    { relativePath: 'Docs/scans/page-1.txt', bytes: randomFile(40_000) },
    { relativePath: 'summary.txt', bytes: Buffer.from('summary') },
  ];
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  const transfers = new TransfersPage(page);
  await browser.openBucket(testBucket.bucket);
  await browser.openRoot('private');

  const dropFiles = files.map((f) => ({ relativePath: f.relativePath, base64: f.bytes.toString('base64') }));
  // A breadcrumb is a drop target for its prefix: the sheet names it, and Cancel sends nothing.
  await transfers.drop(page.locator('[data-testid="breadcrumb-item"][data-prefix=""]'), dropFiles.slice(2));
  await expect(transfers.sheet).toHaveAttribute('data-step', 'review', { timeout: 30_000 });
  await expect(page.getByRole('dialog')).toContainText(`To ${testBucket.bucket}/`);
  await expect(transfers.sheet.getByTestId('upload-options')).toHaveAttribute('data-root', 'other');
  await transfers.sheet.getByTestId('upload-cancel').click();
  await expect(transfers.sheet).toBeHidden();

  await transfers.drop(browser.row('private/reports/'), dropFiles);
  await expect(transfers.sheet).toHaveAttribute('data-step', 'review', { timeout: 30_000 });
  await expect(page.getByRole('dialog')).toContainText(`To ${testBucket.bucket}/private/reports/`);
  await expect(transfers.plan).toHaveAttribute('data-files', '3');
  await expect(transfers.sheet.getByTestId('upload-options')).toHaveAttribute('data-root', 'private');
  await expect(transfers.sheet.getByTestId('upload-acl')).toHaveValue('private');
  // The private default: nothing on the way (CDN, proxy) may keep a copy.
  await expect(transfers.sheet.getByTestId('upload-cache-control')).toHaveValue('private, no-cache');
  await transfers.confirm();
  await expect(transfers.latestBatch).toHaveAttribute('data-state', 'done', { timeout: 60_000 });

  for (const f of files) {
    const key = `private/reports/${f.relativePath}`;
    const got = await fetchObject(testBucket.client, testBucket.bucket, key);
    expect(got.sha, key).toBe(sha256(f.bytes));
    expect(got.cacheControl, key).toBe('private, no-cache');
    expect(await anonymousStatus(app.gateway.endpoint, testBucket.bucket, key), key).toBe(403);
  }
  expect(await exists(testBucket.client, testBucket.bucket, 'summary.txt')).toBe(false);
});
