/// <reference lib="dom" />
// The inspector's editors against the real gateway: a Cache-Control change saved from the header
// editor shows in the inspector's headers (everything else kept), and a private file made public
// with the ACL editor turns the "anyone with the URL can read this" answer from no to yes.
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createTestBucket, type TestBucket } from '../support/s3-test-env';
import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { connectToGateway } from './pages/gateway-connection';

test.use({ viewport: { width: 1600, height: 1200 } });

let testBucket: TestBucket;

test.beforeAll(async () => {
  const { gatewayFromState } = await import('../support/s3-test-env');
  testBucket = await createTestBucket(gatewayFromState(), 'e2e-objedit');
  for (const key of ['public/site/app.js', 'public/site/poster.jpg']) {
    await testBucket.client.send(
      new PutObjectCommand({
        Bucket: testBucket.bucket,
        Key: key,
        Body: 'bytes',
        ContentType: key.endsWith('.js') ? 'text/javascript' : 'image/jpeg',
        CacheControl: 'no-cache',
        Metadata: { build: '42' },
      }),
    );
  }
});

test.afterAll(async () => {
  await testBucket.cleanup();
});

test('changing Cache-Control in the header editor updates the inspector and keeps the rest', async ({ page, app }) => {
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(testBucket.bucket);
  await browser.openRoot('public');
  await browser.openFolder('public/site/');
  await browser.row('public/site/app.js').click();

  const inspector = page.getByTestId('object-inspector');
  await expect(inspector.getByTestId('detail-header-cacheControl')).toContainText('no-cache');
  const editor = inspector.getByTestId('header-editor');
  await editor.getByTestId('cache-preset').selectOption('immutable');
  await editor.getByTestId('cache-duration').fill('1');
  await editor.getByTestId('cache-unit').selectOption('years');
  await editor.getByTestId('cache-apply-preset').click();
  await expect(editor.getByTestId('header-cache-control')).toHaveValue('public, max-age=31536000, immutable');
  await editor.getByTestId('header-save').click();

  await expect(inspector.getByTestId('detail-header-cacheControl')).toContainText('public, max-age=31536000, immutable');
  await expect(inspector.getByTestId('detail-meta-build')).toContainText('42');
  const head = await testBucket.client.send(new HeadObjectCommand({ Bucket: testBucket.bucket, Key: 'public/site/app.js' }));
  expect(head).toMatchObject({
    CacheControl: 'public, max-age=31536000, immutable',
    ContentType: 'text/javascript',
    Metadata: { build: '42' },
  });
});

test('making a private file public turns the effective answer from no to yes', async ({ page, app }) => {
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(testBucket.bucket);
  await browser.openRoot('public');
  await browser.openFolder('public/site/');
  await browser.row('public/site/poster.jpg').click();

  const answer = page.getByTestId('public-answer');
  await expect(answer).toHaveAttribute('data-public', 'false');
  await expect(answer.getByTestId('public-answer-reason')).toContainText('neither');

  const acl = page.getByTestId('acl-editor');
  await expect(acl).toHaveAttribute('data-readonly', 'false');
  await acl.getByTestId('acl-canned').selectOption('public-read');
  await acl.getByTestId('acl-apply-canned').click();

  await expect(answer).toHaveAttribute('data-public', 'true');
  await expect(answer.getByTestId('public-answer-value')).toHaveText('yes');
  await expect(answer.getByTestId('public-answer-reason')).toContainText('ACL grants READ to everyone');
  await expect(page.getByTestId('acl-headline')).toHaveAttribute('data-tone', 'public');
});
