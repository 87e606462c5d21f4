/// <reference lib="dom" />
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { createTestBucket, putObjects, type TestBucket } from '../support/s3-test-env';
import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { ConnectionsPage } from './pages/connections-page';
import { connectToGateway } from './pages/gateway-connection';
import { SharePage } from './pages/share-page';

test.use({ viewport: { width: 1600, height: 1000 } });

const run = promisify(execFile);

let testBucket: TestBucket | undefined;

function bucketOf(b: TestBucket | undefined): TestBucket {
  if (!b) throw new Error('The test bucket was not created.');
  return b;
}

test.beforeEach(async ({ app, context }) => {
  testBucket = await createTestBucket(app.gateway, 'e2e-share-up');
  await SharePage.allowClipboard(context, app.origin);
});

test.afterEach(async () => {
  await testBucket?.cleanup();
  testBucket = undefined;
});

test('an upload link for a ticket folder shows a curl command that uploads a file there', async ({ page, app }) => {
  const { bucket, client } = bucketOf(testBucket);
  await putObjects(client, bucket, { 'private/readme.txt': 'read me' });
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  const share = new SharePage(page);
  await browser.openBucket(bucket);
  await browser.openRoot('private');

  await page.getByTestId('upload-link').click();
  const dialog = share.uploadDialog;
  await expect(dialog.getByTestId('upload-prefix')).toHaveValue('private/');
  await dialog.getByTestId('upload-prefix').fill('private/inbox/T-1');
  await dialog.getByTestId('upload-max').fill('1');
  await dialog.getByTestId('upload-note').fill('T-1');
  await dialog.getByTestId('upload-create').click();
  // A mistake is explained next to its field, and nothing is made.
  await expect(dialog).toContainText('An upload folder ends with /');
  await dialog.getByTestId('upload-prefix').fill('private/inbox/T-1/');
  await dialog.getByTestId('upload-create').click();
  // A folder link never accepts any type unless asked to (a planted HTML page would be served as one).
  await expect(dialog).toContainText('Allow any content type” to let the uploader choose');
  await dialog.getByTestId('upload-content-type').fill('text/plain');
  await dialog.getByTestId('upload-create').click();

  const curl = dialog.getByTestId('upload-curl');
  await expect(curl).toContainText('curl');
  await expect(curl).toContainText('--form-string');
  await expect(curl).toContainText('private/inbox/T-1/${filename}');
  await expect(dialog.getByTestId('upload-explanation')).toContainText('1 MiB');
  await dialog.getByTestId('upload-copy-curl').click();
  await expect(dialog.getByTestId('upload-copy-curl')).toHaveAttribute('data-state', 'copied');
  const command = await share.clipboardText();
  expect(command).toBe(await curl.textContent());

  // The customer's side: run the command as shown, with their file in place of the placeholder.
  const dir = mkdtempSync(join(tmpdir(), 'share-e2e-'));
  try {
    const file = join(dir, 'crash-log.txt');
    writeFileSync(file, 'stack trace\n');
    await run('sh', ['-c', command.replace('/path/to/your-file', file)], { timeout: 20_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const stored = await client.send(new GetObjectCommand({ Bucket: bucket, Key: 'private/inbox/T-1/crash-log.txt' }));
  expect(await stored.Body?.transformToString()).toBe('stack trace\n');

  await dialog.getByTestId('upload-done').click();
  await share.openLedger();
  const row = share.ledgerRow('private/inbox/T-1/');
  await expect(row).toHaveAttribute('data-kind', 'post');
  await expect(row).toHaveAttribute('data-note', 'T-1');
});

test('a public file’s link is its plain URL, through the CDN base once set; editing the connection keeps the base', async ({
  page,
  app,
}) => {
  const { bucket, client } = bucketOf(testBucket);
  await putObjects(client, bucket, { 'public/logo v1.txt': 'logo' });
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  const share = new SharePage(page);
  const connections = new ConnectionsPage(page);
  await browser.openBucket(bucket);
  await browser.openRoot('public');

  await browser.row('public/logo v1.txt').click();
  await page.keyboard.press('Control+Shift+L');
  await expect(share.toast).toContainText('Public link copied — it does not expire');
  const plain = await share.clipboardText();
  expect(plain).toBe(`${app.gateway.endpoint}/${bucket}/public/logo%20v1.txt`);

  await connections.item('Local gateway').getByTestId('connection-edit').click();
  await connections.form.getByTestId('field-public-base-url').fill('https://cdn.example.com/media/');
  await connections.save();
  await browser.row('public/logo v1.txt').click();
  await page.keyboard.press('Control+Shift+L');
  await expect(share.toast).toContainText('Public link (CDN) copied');
  const cdn = await share.clipboardText(plain);
  expect(cdn).toBe('https://cdn.example.com/media/public/logo%20v1.txt');

  // Editing something else sends the base back: it is not lost.
  await connections.item('Local gateway').getByTestId('connection-edit').click();
  await expect(connections.form.getByTestId('field-public-base-url')).toHaveValue('https://cdn.example.com/media/');
  await connections.form.getByTestId('field-name').fill('Gateway with CDN');
  await connections.save();
  await share.writeClipboard('');
  await browser.row('public/logo v1.txt').click();
  await page.keyboard.press('Control+Shift+L');
  expect(await share.clipboardText()).toBe('https://cdn.example.com/media/public/logo%20v1.txt');
});
