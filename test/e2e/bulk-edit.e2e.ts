/// <reference lib="dom" />
// The bulk header editor against the real gateway: three selected files get a new Cache-Control
// (the dry run counts all three as changing), the job runs to the end, and the inspector of one
// of them shows the new value.
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { startFaultProxy } from '../support/fault-proxy';
import { createTestBucket, type TestBucket } from '../support/s3-test-env';
import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { BulkEditPage } from './pages/bulk-edit-page';
import { connectToGateway } from './pages/gateway-connection';

test.use({ viewport: { width: 1600, height: 1200 } });

const [first, middle, last] = ['public/bulk/a.css', 'public/bulk/b.css', 'public/bulk/c.css'] as const;
const keys = [first, middle, last];
let testBucket: TestBucket;

test.beforeAll(async () => {
  const { gatewayFromState } = await import('../support/s3-test-env');
  testBucket = await createTestBucket(gatewayFromState(), 'e2e-bulkedit');
  for (const key of keys) {
    await testBucket.client.send(
      new PutObjectCommand({ Bucket: testBucket.bucket, Key: key, Body: 'body{}', ContentType: 'text/css', CacheControl: 'no-cache' }),
    );
  }
});

test.afterAll(async () => {
  await testBucket.cleanup();
});

test('a bulk Cache-Control edit over three files: dry run counts three, the job runs, the inspector shows it', async ({ page, app }) => {
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(testBucket.bucket);
  await browser.openRoot('public');
  await browser.openFolder('public/bulk/');
  await browser.row(first).click();
  await browser.row(last).click({ modifiers: ['Shift'] });
  expect(await browser.selectedKeys()).toEqual(keys);

  const bulk = new BulkEditPage(page);
  await bulk.openFromInspector();
  await bulk.setCacheControl('public, max-age=600');
  const dry = await bulk.dryRun();
  await expect(dry).toHaveAttribute('data-change', '3');
  await expect(dry).toHaveAttribute('data-skip', '0');
  await expect(dry).toContainText('no-cache → public, max-age=600');
  await bulk.runToEnd();
  await bulk.close();

  await browser.row(middle).click();
  await expect(page.getByTestId('object-inspector').getByTestId('detail-header-cacheControl')).toContainText('public, max-age=600');
  const head = await testBucket.client.send(new HeadObjectCommand({ Bucket: testBucket.bucket, Key: middle }));
  expect(head).toMatchObject({ CacheControl: 'public, max-age=600', ContentType: 'text/css' });
});

// Pause and resume, load-independently: the job's CopyObject answers are held at a loopback proxy
// until the test has pressed Pause, so the job cannot finish before it is paused, however fast or
// slow the machine is. Then the undo puts every file back.
const slowKeys = Array.from({ length: 6 }, (_, i) => `public/slow/f${i}.css`);

test('a bulk job is paused while its copies are held, resumed to the end, and undone after a confirmation', async ({ page, app }) => {
  for (const key of slowKeys) {
    await testBucket.client.send(
      new PutObjectCommand({ Bucket: testBucket.bucket, Key: key, Body: 'a{}', ContentType: 'text/css', CacheControl: 'no-cache' }),
    );
  }
  const proxy = await startFaultProxy(app.gateway.endpoint);
  const held: (() => void)[] = [];
  try {
    await connectToGateway(page, { ...app, gateway: { ...app.gateway, endpoint: proxy.endpoint } });
    const browser = new BrowserPage(page);
    await browser.openBucket(testBucket.bucket);
    await browser.openRoot('public');
    await browser.openFolder('public/slow/');
    await browser.row(slowKeys[0] ?? '').click();
    await browser.row(slowKeys.at(-1) ?? '').click({ modifiers: ['Shift'] });
    expect(await browser.selectedKeys()).toEqual(slowKeys);

    const bulk = new BulkEditPage(page);
    await bulk.openFromInspector();
    await bulk.setCacheControl('public, max-age=900');
    await expect(await bulk.dryRun()).toHaveAttribute('data-change', String(slowKeys.length));

    proxy.setRule((r) =>
      r.method === 'PUT' && r.headers['x-amz-copy-source']
        ? { kind: 'holdResponse', onHeld: (release) => held.push(release) }
        : { kind: 'pass' },
    );
    await bulk.dialog.getByTestId('bulk-run').click();
    await expect.poll(() => held.length, { timeout: 30_000 }).toBeGreaterThan(0);
    await bulk.dialog.getByTestId('bulk-pause').click();
    // The copies in flight land after the pause; the resumed job finds them done and skips them.
    proxy.setRule(() => ({ kind: 'pass' }));
    for (const release of held.splice(0)) release();
    await expect(bulk.dialog.getByTestId('bulk-paused')).toBeVisible({ timeout: 30_000 });
    await expect(bulk.dialog.getByTestId('bulk-resume')).toBeVisible();

    await bulk.dialog.getByTestId('bulk-resume').click();
    await expect(bulk.dialog.getByTestId('job-progress')).toHaveAttribute('data-status', 'finished', { timeout: 30_000 });
    for (const key of slowKeys) {
      const head = await testBucket.client.send(new HeadObjectCommand({ Bucket: testBucket.bucket, Key: key }));
      expect({ key, cacheControl: head.CacheControl, type: head.ContentType }).toEqual({
        key,
        cacheControl: 'public, max-age=900',
        type: 'text/css',
      });
    }

    // Undo asks first; keeping the changes changes nothing.
    await bulk.dialog.getByTestId('bulk-undo').click();
    await expect(bulk.dialog.getByTestId('bulk-undo-confirm')).toBeVisible();
    await bulk.dialog.getByTestId('bulk-undo-keep').click();
    await expect(bulk.dialog.getByTestId('bulk-undo-confirm')).toBeHidden();
    await bulk.dialog.getByTestId('bulk-undo').click();
    await bulk.dialog.getByTestId('bulk-undo-confirm-button').click();
    await expect(bulk.dialog.getByTestId('bulk-undone')).toBeVisible({ timeout: 30_000 });
    for (const key of slowKeys) {
      const head = await testBucket.client.send(new HeadObjectCommand({ Bucket: testBucket.bucket, Key: key }));
      expect({ key, cacheControl: head.CacheControl, type: head.ContentType }).toEqual({ key, cacheControl: 'no-cache', type: 'text/css' });
    }
    await bulk.close();
  } finally {
    for (const release of held.splice(0)) release();
    proxy.dropAll();
    await proxy.close();
  }
});

test('a bulk edit that fails on one file offers Retry failed, which edits just that file in a new job', async ({ page, app }) => {
  const retryKeys = ['public/retry/a.css', 'public/retry/b.css', 'public/retry/c.css'];
  for (const key of retryKeys) {
    await testBucket.client.send(
      new PutObjectCommand({ Bucket: testBucket.bucket, Key: key, Body: 'a{}', ContentType: 'text/css', CacheControl: 'no-cache' }),
    );
  }
  const proxy = await startFaultProxy(app.gateway.endpoint);
  const denied = `/${testBucket.bucket}/public/retry/b.css`;
  const deny = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';
  try {
    await connectToGateway(page, { ...app, gateway: { ...app.gateway, endpoint: proxy.endpoint } });
    const browser = new BrowserPage(page);
    await browser.openBucket(testBucket.bucket);
    await browser.openRoot('public');
    await browser.openFolder('public/retry/');
    await browser.row(retryKeys[0] ?? '').click();
    await browser.row(retryKeys[2] ?? '').click({ modifiers: ['Shift'] });
    const bulk = new BulkEditPage(page);
    await bulk.openFromInspector();
    await bulk.setCacheControl('max-age=120');
    await bulk.dryRun();
    proxy.setRule((r) =>
      r.method === 'PUT' && r.headers['x-amz-copy-source'] && r.target.split('?')[0] === denied
        ? { kind: 'respond', status: 403, body: deny }
        : { kind: 'pass' },
    );
    await bulk.dialog.getByTestId('bulk-run').click();
    await expect(bulk.dialog.getByTestId('job-failure')).toHaveCount(1, { timeout: 30_000 });
    await expect(bulk.dialog.getByTestId('job-failure')).toContainText('public/retry/b.css');

    proxy.setRule(() => ({ kind: 'pass' }));
    const requestsBefore = proxy.requests.length;
    await bulk.dialog.getByTestId('bulk-retry-failed').click();
    await expect(bulk.dialog.getByTestId('job-done')).toHaveText(/^Done: 1 objects/, { timeout: 30_000 });
    const copied = proxy.requests.slice(requestsBefore).filter((r) => r.method === 'PUT' && r.headers['x-amz-copy-source']);
    expect(copied.map((r) => r.target.split('?')[0])).toEqual([denied]);
    for (const key of retryKeys) {
      const head = await testBucket.client.send(new HeadObjectCommand({ Bucket: testBucket.bucket, Key: key }));
      expect({ key, cacheControl: head.CacheControl }).toEqual({ key, cacheControl: 'max-age=120' });
    }
    await bulk.close();
  } finally {
    proxy.dropAll();
    await proxy.close();
  }
});
