/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestBucket, putObjects, type TestBucket } from '../support/s3-test-env';
import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { ConnectionsPage } from './pages/connections-page';
import { connectToGateway } from './pages/gateway-connection';
import { SharePage } from './pages/share-page';
import { TransfersPage } from './pages/transfers-page';

// The main views in the light and the dark theme at 1280×800, into test/e2e/screenshots/ (the
// folder README names) as <theme>-NN-view.png, for a person to look at. The theme follows the
// system here (prefers-color-scheme), the path most users take; settings.e2e.ts covers the override.
test.use({ viewport: { width: 1280, height: 800 } });
test.describe.configure({ timeout: 180_000 });

const shotDir = join(process.cwd(), 'test/e2e/screenshots');
let testBucket: TestBucket | undefined;
let scratch: string | undefined;

test.afterEach(async () => {
  await testBucket?.cleanup();
  testBucket = undefined;
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

for (const theme of ['light', 'dark'] as const) {
  test(`the main views in the ${theme} theme`, async ({ page, app, context }) => {
    mkdirSync(shotDir, { recursive: true });
    await page.emulateMedia({ colorScheme: theme });
    await SharePage.allowClipboard(context, app.origin);
    testBucket = await createTestBucket(app.gateway, `e2e-theme-${theme}`);
    const { bucket, client } = testBucket;
    const many: Record<string, string> = {};
    for (let i = 1; i <= 1000; i += 1) many[`public/catalogue/item-${String(i).padStart(4, '0')}.jpg`] = 'x'.repeat(i * 37);
    await putObjects(client, bucket, many);
    const shot = (name: string) => page.screenshot({ path: join(shotDir, `${theme}-${name}.png`) });

    await connectToGateway(page, app);
    await shot('01-connections');

    const browser = new BrowserPage(page);
    await browser.openBucket(bucket);
    await browser.openRoot('public');
    await browser.openFolder('public/catalogue/');
    await browser.waitListed();
    await browser.row('public/catalogue/item-0007.jpg').click();
    await expect(page.getByTestId('object-inspector')).toBeVisible();
    await shot('02-folder-1000-inspector');

    await browser.chooseFromMenu('public/catalogue/item-0007.jpg', 'share-link');
    const share = new SharePage(page);
    await expect(share.dialog).toBeVisible();
    await shot('03-share-dialog');
    await page.keyboard.press('Escape');

    // A bandwidth limit keeps the upload in progress long enough to be seen.
    await page.getByTestId('nav-settings').click();
    const sheet = page.getByRole('dialog', { name: 'Settings' });
    await sheet.getByTestId('settings-bandwidth-on').check();
    await sheet.getByTestId('settings-bandwidth').fill('0.5');
    await shot('04-settings');
    await sheet.getByTestId('settings-save').click();
    await expect(sheet).toBeHidden();
    scratch = mkdtempSync(join(tmpdir(), 'bucket-admin-shots-'));
    const file = join(scratch, 'season-trailer.mov');
    writeFileSync(file, Buffer.alloc(24 * 1024 * 1024, 7));
    const transfers = new TransfersPage(page);
    await transfers.uploadFiles([file]);
    await transfers.confirm();
    await transfers.openBatch();
    await expect.poll(() => transfers.batchPercent(), { timeout: 30_000 }).toBeGreaterThan(0);
    // The "Uploading" toast would cover the rows' right-hand columns; a user dismisses it too.
    await page.getByTestId('toast-dismiss').first().click();
    await shot('05-transfers-in-progress');

    // An error state: a connection whose secret is wrong, opened.
    const connections = new ConnectionsPage(page);
    await connections.add({
      name: 'Wrong secret',
      accessKeyId: app.gateway.accessKeyId,
      secret: 'not-the-secret',
      endpoint: app.gateway.endpoint,
      pathStyle: true,
      checksumCompatibility: true,
    });
    await connections.item('Wrong secret').click();
    await expect(page.getByRole('alert').first()).toBeVisible({ timeout: 30_000 });
    await shot('06-error-state');
  });
}
