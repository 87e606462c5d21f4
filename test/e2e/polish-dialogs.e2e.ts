/// <reference lib="dom" />
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestBucket, putObjects, type TestBucket } from '../support/s3-test-env';
import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { connectToGateway } from './pages/gateway-connection';
import { boxOf, overlaps } from './pages/layout-checks';
import { SharePage } from './pages/share-page';
import { TransfersPage } from './pages/transfers-page';

// Issue 13: notifications and dialogs as a new user meets them, at a common laptop size, in a zone
// that is not UTC (so local time and UTC differ).
test.use({ viewport: { width: 1280, height: 800 }, timezoneId: 'Europe/Berlin' });

let testBucket: TestBucket | undefined;
let localDir = '';

function bucketOf(b: TestBucket | undefined): TestBucket {
  if (!b) throw new Error('The test bucket was not created.');
  return b;
}

test.beforeEach(async ({ app, context }) => {
  testBucket = await createTestBucket(app.gateway, 'e2e-polish-dlg');
  localDir = mkdtempSync(join(tmpdir(), 'bucket-admin-polish-'));
  await SharePage.allowClipboard(context, app.origin);
});

test.afterEach(async () => {
  await testBucket?.cleanup();
  testBucket = undefined;
  rmSync(localDir, { recursive: true, force: true });
});

test('item 3: toasts keep clear of an open dialog, the upload toast turns into its outcome, identical toasts merge', async ({
  page,
  app,
}) => {
  const { bucket, client } = bucketOf(testBucket);
  await putObjects(client, bucket, [
    { key: 'public/logo.txt', body: 'logo', acl: 'public-read' },
    { key: 'private/p.txt', body: 'p' },
  ]);
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(bucket);
  await browser.openRoot('public');

  const paths = ['a.txt', 'b.txt', 'c.txt'].map((name) => {
    const path = join(localDir, name);
    writeFileSync(path, `body of ${name}`);
    return path;
  });
  const transfers = new TransfersPage(page);
  await transfers.uploadFiles(paths);
  await transfers.confirm();
  const uploadToast = page.locator('.toast', { hasText: /Upload(ing|ed) 3 files/ });
  await expect(uploadToast).toBeVisible();
  // The progress toast becomes the finished state instead of saying "Uploading" after the fact.
  await expect(uploadToast.locator('.toast-title')).toHaveText('Uploaded 3 files');
  await expect(uploadToast).toHaveAttribute('data-tone', 'success');

  // A dialog opened while the toast is up: the toast moves out of its way; its buttons take clicks.
  await page.getByTestId('connection-add').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(uploadToast).toBeVisible();
  const dialogBox = await boxOf(dialog);
  await expect.poll(async () => overlaps(await boxOf(uploadToast), dialogBox)).toBe(false);
  await dialog.getByTestId('connection-save').click({ trial: true, timeout: 2_000 });
  await page.keyboard.press('Escape');

  // The same message twice is one toast that says so.
  await browser.row('public/logo.txt').click();
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByTestId('share-toast')).toHaveCount(1);
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByTestId('share-toast')).toHaveCount(1);
  await expect(page.getByTestId('share-toast').getByTestId('toast-count')).toHaveText('×2');
});

test('item 11: the Share dialog shows the link it made; the upload link states its expiry once, local with UTC beside', async ({
  page,
  app,
}) => {
  const { bucket, client } = bucketOf(testBucket);
  await putObjects(client, bucket, { 'private/offer.txt': 'offer', 'public/x.txt': 'x' });
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  const share = new SharePage(page);
  await browser.openBucket(bucket);
  await browser.openRoot('private');
  await browser.chooseFromMenu('private/offer.txt', 'share-link');
  await share.chooseExpiry('1h', '1 hour');
  await share.dialog.getByTestId('share-copy').click();
  const url = share.dialog.getByTestId('share-url');
  await expect(url).toBeVisible();
  await expect(url).toHaveText(/^http:\/\/.+X-Amz-Signature=/);
  expect(await share.clipboardText()).toBe(await url.textContent());
  await expect(share.dialog.getByTestId('share-url-copy')).toBeVisible();
  // The toast does not sit on the dialog's buttons.
  await expect(share.toast).toBeVisible();
  expect(overlaps(await boxOf(share.toast), await boxOf(share.dialog.getByTestId('share-done')))).toBe(false);
  await share.dialog.getByTestId('share-done').click();
  await expect(share.dialog).toBeHidden();

  await page.getByTestId('upload-link').click();
  const dialog = share.uploadDialog;
  await dialog.getByTestId('upload-content-type').fill('text/plain');
  await dialog.getByTestId('upload-create').click();
  const result = dialog.getByTestId('upload-result');
  await expect(result).toBeVisible();
  const utc = (await dialog.getByTestId('upload-expires').getAttribute('title')) ?? '';
  expect(utc).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
  // Once in the words a user reads (explanation and expiry line), in local time, UTC beside it.
  const prose = `${await dialog.getByTestId('upload-explanation').innerText()} ${await dialog.getByTestId('upload-expiry-line').innerText()}`;
  expect(prose.split(utc).length - 1).toBe(1);
  await expect(dialog.getByTestId('upload-expires')).toContainText(/GMT\+1|CET/);
  await expect(dialog.getByTestId('upload-expires-utc')).toHaveText(`(${utc})`);
});

test('item 13: the download dialog lists renamed names with the name each gets, and counts the same before and after', async ({
  page,
  app,
}) => {
  const { bucket, client } = bucketOf(testBucket);
  await putObjects(client, bucket, {
    'public/dl/plain.txt': 'plain',
    'public/dl/tab\there.txt': 'tab',
    'public/dl/../dots.txt': 'dots',
    'public/dl/empty/': '',
    'private/p.txt': 'p',
  });
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(bucket);
  await browser.openRoot('public');
  await browser.chooseFromMenu('public/dl/', 'download');
  const dialog = page.getByTestId('download-dialog');
  const renamed = dialog.getByTestId('download-renamed');
  await expect(renamed).toBeVisible();
  await expect(
    renamed.locator('[data-testid="download-renamed-item"][data-key="public/dl/tab\there.txt"]').getByTestId('download-renamed-name'),
  ).toHaveText('dl/tab_here.txt');
  await expect(
    renamed.locator('[data-testid="download-renamed-item"][data-key="public/dl/../dots.txt"]').getByTestId('download-renamed-name'),
  ).toHaveText('dl/__/dots.txt');
  const start = dialog.getByTestId('download-start');
  const before = ((await start.textContent()) ?? '').replace(/^Download /, '');
  await start.click();
  await expect(dialog).toHaveAttribute('data-batch-state', 'done', { timeout: 30_000 });
  await expect(dialog.getByTestId('download-progress')).toContainText(` of ${before}`);
  const done = /· (\d+) of /.exec((await dialog.getByTestId('download-progress').textContent()) ?? '')?.[1];
  const total = [...before.matchAll(/(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  expect(Number(done)).toBe(total);
});
