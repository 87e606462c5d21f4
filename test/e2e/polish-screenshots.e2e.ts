/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTestBucket, putObjects, type TestBucket } from '../support/s3-test-env';
import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { connectToGateway } from './pages/gateway-connection';
import { SharePage } from './pages/share-page';

/** Issue 13 asks for the main views at the size a new user's laptop shows them. */
test.use({ viewport: { width: 1280, height: 800 } });

const shotDir = join(process.cwd(), 'test/e2e/screenshots');

let testBucket: TestBucket | undefined;

test.beforeEach(async ({ app, context }) => {
  mkdirSync(shotDir, { recursive: true });
  testBucket = await createTestBucket(app.gateway, 'e2e-shots');
  await SharePage.allowClipboard(context, app.origin);
});

test.afterEach(async () => {
  await testBucket?.cleanup();
  testBucket = undefined;
});

test('the main views at 1280×800 are written to test/e2e/screenshots for a look', async ({ page, app }) => {
  if (!testBucket) throw new Error('no bucket');
  const { bucket, client } = testBucket;
  await putObjects(client, bucket, {
    'public/photo.jpg': 'x'.repeat(49_204),
    'public/../odd.txt': 'dot dot',
    'public/overide\u202Etxt.exe': 'rtl',
    'public/zero\u200Bwidth.txt': 'zw',
    'private/contracts/offer.txt': 'offer',
  });
  const shot = (name: string) => page.screenshot({ path: join(shotDir, `${name}.png`) });
  await shot('01-welcome');
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(bucket);
  await shot('02-bucket-roots');
  await browser.openRoot('public');
  await browser.waitListed();
  await browser.row('public/photo.jpg').click();
  await expect(page.getByTestId('object-inspector')).toBeVisible();
  await shot('03-public-inspector');
  await browser.chooseFromMenu('public/photo.jpg', 'share-link');
  const share = new SharePage(page);
  await expect(share.dialog).toBeVisible();
  await shot('04-share-dialog');
  await page.keyboard.press('Escape');
  await page.getByTestId('upload-link').click();
  await expect(share.uploadDialog).toBeVisible();
  await shot('05-upload-link-dialog');
  await share.uploadDialog.getByTestId('upload-content-type').fill('text/plain');
  await share.uploadDialog.getByTestId('upload-create').click();
  await expect(share.uploadDialog.getByTestId('upload-curl')).toBeVisible();
  await shot('06-upload-link-result');
  await page.keyboard.press('Escape');
  await page.getByTestId('connection-add').click();
  await shot('07-connection-form');
});
