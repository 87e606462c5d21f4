/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { createTestBucket, putObjects, type TestBucket } from '../support/s3-test-env';
import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { connectToGateway } from './pages/gateway-connection';
import { expiresParam, fetchText, SharePage } from './pages/share-page';

test.use({ viewport: { width: 1600, height: 1000 } });

/** "2026-11-21 17:40:00 UTC" → epoch milliseconds. */
function utcMillis(text: string): number {
  return Date.parse(`${text.replace(' UTC', '').replace(' ', 'T')}Z`);
}

let testBucket: TestBucket | undefined;

function bucketOf(b: TestBucket | undefined): TestBucket {
  if (!b) throw new Error('The test bucket was not created.');
  return b;
}

test.beforeEach(async ({ app, context }) => {
  testBucket = await createTestBucket(app.gateway, 'e2e-share');
  await SharePage.allowClipboard(context, app.origin);
});

test.afterEach(async () => {
  await testBucket?.cleanup();
  testBucket = undefined;
});

test('a 1-hour link to a private file: copied, fetched by anyone holding it, listed alive in the ledger', async ({ page, app }) => {
  const { bucket, client } = bucketOf(testBucket);
  const body = 'Offer for ACME, confidential.\n';
  await putObjects(client, bucket, { 'private/contracts/offer.txt': body, 'public/logo.txt': 'logo' });
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  const share = new SharePage(page);
  await browser.openBucket(bucket);
  await browser.openRoot('private');
  await browser.openFolder('private/contracts/');

  // A private file cannot be fetched without a link.
  expect((await fetchText(`${app.gateway.endpoint}/${bucket}/private/contracts/offer.txt`)).status).toBe(403);

  await browser.chooseFromMenu('private/contracts/offer.txt', 'share-link');
  await expect(share.dialog).toBeVisible();
  const before = Date.now();
  await share.chooseExpiry('1h', '1 hour');
  // The exact moment it dies, in UTC (and local time beside it): one hour from now.
  const utc = (await share.preview.getByTestId('share-expires-utc').textContent()) ?? '';
  expect(utcMillis(utc)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 3_600_000 - 60_000);
  expect(utcMillis(utc)).toBeLessThanOrEqual(Date.now() + 3_600_000 + 1_000);
  await expect(share.preview.getByTestId('share-expires-local')).toHaveText(/\d{1,2}:\d{2}:\d{2}/);
  await expect(share.preview).toHaveAttribute('data-cap', 'requested');
  await share.dialog.getByTestId('share-note').fill('Ticket 4711');
  await share.copyFromDialog();
  await expect(share.toast).toContainText(/Link copied — expires .+ \(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\)/);

  const url = await share.clipboardText();
  expect(expiresParam(url)).toBe('3600');
  expect(await fetchText(url)).toEqual({ status: 200, body });

  await share.openLedger();
  const row = share.ledgerRow('private/contracts/offer.txt');
  await expect(row).toHaveAttribute('data-alive', 'true');
  await expect(row).toHaveAttribute('data-kind', 'get');
  await expect(row).toHaveAttribute('data-note', 'Ticket 4711');
  await expect(row.getByTestId('ledger-state-badge')).toHaveText('Alive');
  await expect(share.ledger.getByTestId('share-revocation')).toContainText('cannot be revoked early');

  // Search by note; a search that matches nothing says so.
  await share.ledger.getByTestId('ledger-search').fill('4711');
  await expect(share.ledger.getByTestId('ledger-range')).toHaveText('1–1 of 1 link');
  await share.ledger.getByTestId('ledger-search').fill('no such ticket');
  await expect(share.ledger.getByTestId('ledger-empty')).toBeVisible();
  await share.ledger.getByTestId('ledger-search').fill('');
  await expect(row).toBeVisible();

  // Export: main writes the file where the host saves (the browser host: its download folder) and
  // says where; the rows never travel to the page. Never with a signature in it.
  await share.ledger.getByTestId('ledger-export').click();
  const exported = page.getByTestId('ledger-export-toast');
  await expect(exported).toHaveAttribute('data-tone', 'success');
  await expect(exported.locator('.toast-title')).toHaveText(/^Saved share-ledger-[\d-]+\.csv \(1 row\)$/);
  const savedAt = (await exported.locator('.toast-detail').first().textContent()) ?? '';
  expect(savedAt).toMatch(/[/\\]share-ledger-[\d-]+\.csv$/);
  const csv = readFileSync(savedAt, 'utf8');
  expect(csv).toContain('private/contracts/offer.txt');
  expect(csv).toContain('Ticket 4711');
  expect(csv).not.toContain('X-Amz-Signature');
  expect(csv).not.toContain(new URL(url).searchParams.get('X-Amz-Signature') ?? 'missing');
});

test('one click copies a link with the last expiry used; the toast leads to the options', async ({ page, app }) => {
  const { bucket, client } = bucketOf(testBucket);
  await putObjects(client, bucket, { 'private/a.txt': 'alpha', 'private/b.txt': 'bravo' });
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  const share = new SharePage(page);
  await browser.openBucket(bucket);
  await browser.openRoot('private');

  // Nothing picked yet on this connection: one click gives 1 hour.
  await browser.row('private/a.txt').click();
  await page.keyboard.press('Control+Shift+L');
  await expect(share.toast).toContainText('Link copied — expires');
  const first = await share.clipboardText();
  expect(expiresParam(first)).toBe('3600');
  expect(await fetchText(first)).toEqual({ status: 200, body: 'alpha' });

  // "Options…" opens the dialog for the same file; pick 1 day there.
  await share.toast.getByTestId('share-toast-options').click();
  await expect(share.dialog).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText('private/a.txt');
  await share.chooseExpiry('1d', '1 day');
  await share.copyFromDialog();
  const second = await share.clipboardText(first);
  expect(expiresParam(second)).toBe('86400');

  // The next one-click link (from the inspector) uses 1 day: the last expiry picked.
  await browser.row('private/b.txt').click();
  await expect(page.getByTestId('object-inspector')).toHaveAttribute('data-key', 'private/b.txt');
  await page.getByTestId('inspector-copy-link').click();
  const third = await share.clipboardText(second);
  expect(expiresParam(third)).toBe('86400');
  expect(await fetchText(third)).toEqual({ status: 200, body: 'bravo' });
});

test('links for a selection of two files copy as CSV with two rows, and as text without new links', async ({ page, app }) => {
  const { bucket, client } = bucketOf(testBucket);
  await putObjects(client, bucket, { 'private/a.txt': 'alpha', 'private/b.txt': 'bravo', 'private/c.txt': 'charlie' });
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  const share = new SharePage(page);
  await browser.openBucket(bucket);
  await browser.openRoot('private');

  await browser.row('private/a.txt').click();
  await browser.row('private/b.txt').click({ modifiers: ['ControlOrMeta'] });
  await browser.chooseFromMenu('private/b.txt', 'share-links');
  await expect(share.bulkDialog).toBeVisible();
  await share.bulkDialog.getByTestId('bulk-note').fill('Ticket 77');
  await share.bulkDialog.getByTestId('bulk-copy-csv').click();
  await expect(share.bulkDialog.getByTestId('bulk-links-status')).toHaveAttribute('data-ok', 'true');
  await expect(share.bulkDialog.getByTestId('bulk-link-row')).toHaveCount(2);

  const csv = await share.clipboardText();
  const lines = csv.trim().split('\r\n');
  expect(lines).toHaveLength(3);
  expect(lines[0]).toBe('key,url,expires_at');
  const [keyA, urlA] = (lines[1] ?? '').split(',');
  const [keyB, urlB] = (lines[2] ?? '').split(',');
  expect([keyA, keyB]).toEqual(['private/a.txt', 'private/b.txt']);
  expect(await fetchText(urlA ?? '')).toEqual({ status: 200, body: 'alpha' });
  expect(await fetchText(urlB ?? '')).toEqual({ status: 200, body: 'bravo' });

  // The same links as text for an e-mail: copied from what was made, not made again.
  await share.bulkDialog.getByTestId('bulk-copy-text').click();
  const text = await share.clipboardText(csv);
  expect(text).toContain(urlA);
  expect(text).toContain(urlB);
  await page.keyboard.press('Escape');
  await share.openLedger();
  await expect(share.ledger.getByTestId('ledger-row')).toHaveCount(2);
  await expect(share.ledgerRow('private/c.txt')).toHaveCount(0);
});

test('the share dialog warns that a key with a dot segment cannot be opened by a browser', async ({ page, app }) => {
  const { bucket, client } = bucketOf(testBucket);
  await putObjects(client, bucket, { 'private/dot/./seg.txt': 'dot segment' });
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  const share = new SharePage(page);
  await browser.openBucket(bucket);
  await browser.openRoot('private');
  await browser.openFolder('private/dot/');
  await browser.openFolder('private/dot/./');
  await browser.chooseFromMenu('private/dot/./seg.txt', 'share-link');
  const warning = share.dialog.getByTestId('share-warning');
  await expect(warning).toHaveAttribute('data-code', 'BrowserRewritesPath');
  await expect(warning).toContainText('Browsers cannot use this link');
  await share.copyFromDialog();
  await expect(share.toast).toContainText('Browsers cannot use this link');
  // What the warning says: fetched the way a browser parses URLs, the link is refused.
  expect((await fetchText(await share.clipboardText())).status).toBe(403);
});
