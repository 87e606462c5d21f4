/// <reference lib="dom" />
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createTestBucket, putObjects, type TestBucket } from '../support/s3-test-env';
import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { connectToGateway } from './pages/gateway-connection';

test.use({ viewport: { width: 1600, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });

/** A 3×2 red PNG. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAEElEQVR4nGP4z8AAQQxwFgBB0gX7h/C5SAAAAABJRU5ErkJggg==', 'base64');
/** 300 KiB of text: more than a text preview reads. */
const bigText = Array.from({ length: 6000 }, (_, i) => `line ${String(i).padStart(5, '0')} ${'.'.repeat(40)}`).join('\n');

let testBucket: TestBucket;

test.beforeAll(async () => {
  const { gatewayFromState } = await import('../support/s3-test-env');
  testBucket = await createTestBucket(gatewayFromState(), 'e2e-inspect', { versioning: true });
  const { bucket, client } = testBucket;
  await client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: 'public/img/red dot.png',
      Body: png,
      ContentType: 'image/png',
      CacheControl: 'public, max-age=86400',
      Metadata: { photographer: 'Ana', 'shot-on': '2024-05-01' },
      ACL: 'public-read',
    }),
  );
  await putObjects(client, bucket, [
    { key: 'public/img/notes.txt', body: 'first line\nsecond line\n' },
    { key: 'public/img/big.log', body: bigText, contentType: 'text/plain' },
    { key: 'public/img/archive.bin', body: new Uint8Array(2048), contentType: 'application/octet-stream' },
  ]);
});

test.afterAll(async () => {
  await testBucket.cleanup();
});

test('the inspector shows facts, headers, metadata, ACL, public URL and version of the selected object', async ({ page, app }) => {
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(testBucket.bucket);
  await browser.openRoot('public');
  await browser.openFolder('public/img/');
  await browser.row('public/img/red dot.png').click();

  const inspector = page.getByTestId('object-inspector');
  await expect(inspector).toHaveAttribute('data-key', 'public/img/red dot.png');
  await expect(inspector.getByTestId('detail-size')).toContainText(`${png.length} bytes`);
  await expect(inspector.getByTestId('detail-content-type')).toContainText('image/png');
  // The ETag without the quotes S3 wraps it in (issue 13, item 6).
  await expect(inspector.getByTestId('detail-etag').locator('dd')).toHaveText(/^[0-9a-f]{32}$/);
  await expect(inspector.getByTestId('detail-storage-class')).toContainText('STANDARD');
  await expect(inspector.getByTestId('detail-version-id')).not.toBeEmpty();
  await expect(inspector.getByTestId('detail-header-cacheControl')).toContainText('public, max-age=86400');
  await expect(inspector.getByTestId('detail-meta-photographer')).toContainText('Ana');
  await expect(inspector.getByTestId('detail-meta-shot-on')).toContainText('2024-05-01');
  await expect(inspector.getByTestId('acl-headline')).toHaveAttribute('data-tone', 'public');

  const url = inspector.getByTestId('public-url');
  await expect(url).toContainText('/public/img/red%20dot.png');
  await inspector.getByTestId('copy-public-url').click();
  await expect(inspector.getByTestId('copy-public-url')).toHaveAttribute('data-state', 'copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await url.textContent());

  // The image preview really decoded (streamed through the app's object route).
  const image = inspector.getByTestId('preview-image');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(3);

  // A private-by-ACL object says so, and unknown types have no preview.
  await browser.row('public/img/archive.bin').click();
  await expect(page.getByTestId('object-inspector')).toHaveAttribute('data-key', 'public/img/archive.bin');
  await expect(page.getByTestId('acl-headline')).toHaveAttribute('data-tone', 'private');
  await expect(page.getByTestId('preview-none')).toBeVisible();

  // Several selected: how many, and how big together.
  await page.keyboard.press('ControlOrMeta+a');
  const selection = page.getByTestId('selection-inspector');
  await expect(selection.getByTestId('selection-count')).toHaveText('4 items selected');
  const total = png.length + Buffer.byteLength('first line\nsecond line\n') + Buffer.byteLength(bigText) + 2048;
  await expect(selection).toHaveAttribute('data-bytes', String(total));
});

test('a large text file previews only its first 256 KiB, fetched with a range request', async ({ page, app }) => {
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  const ranges: { range: string | undefined; status: number; length: string | undefined }[] = [];
  page.on('response', (response) => {
    if (!response.url().includes('/__object?')) return;
    ranges.push({ range: response.request().headers().range, status: response.status(), length: response.headers()['content-length'] });
  });
  await browser.openBucket(testBucket.bucket);
  await browser.openRoot('public');
  await browser.openFolder('public/img/');
  await browser.row('public/img/big.log').dblclick();

  const dialog = page.getByTestId('preview-dialog');
  await expect(dialog.getByTestId('preview-truncated')).toContainText('first 256 KiB');
  await expect(dialog.getByTestId('preview-text')).toContainText('line 00000');
  const shown = await dialog.getByTestId('preview-text').textContent();
  expect(shown?.length).toBeLessThanOrEqual(256 * 1024);
  expect(bigText.startsWith(shown ?? 'x')).toBe(true);
  expect(ranges.filter((r) => r.range === 'bytes=0-262143')).toContainEqual({ range: 'bytes=0-262143', status: 206, length: '262144' });

  await page.keyboard.press('Escape');
  await browser.row('public/img/notes.txt').dblclick();
  await expect(dialog.getByTestId('preview-text')).toHaveText('first line\nsecond line\n');
  await expect(dialog.getByTestId('preview-truncated')).toHaveCount(0);
});
