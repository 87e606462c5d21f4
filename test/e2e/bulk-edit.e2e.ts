/// <reference lib="dom" />
// The bulk header editor against the real gateway: three selected files get a new Cache-Control
// (the dry run counts all three as changing), the job runs to the end, and the inspector of one
// of them shows the new value.
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
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
