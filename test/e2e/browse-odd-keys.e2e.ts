/// <reference lib="dom" />
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { createTestBucket, putObjects, type TestBucket } from '../support/s3-test-env';
import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { connectToGateway } from './pages/gateway-connection';

test.use({ viewport: { width: 1600, height: 900 } });

const longName = `${'x'.repeat(1024 - 'odd/'.length - '.txt'.length)}.txt`;
const keys = {
  space: 'odd/two words.txt',
  trailing: 'odd/trailing.txt ',
  nfc: 'odd/caf\u00e9.txt',
  nfd: 'odd/cafe\u0301 menu.txt',
  symbols: 'odd/a+b %41 #1 ?q=1 & more.txt',
  double: 'odd//inside empty name.txt',
  leading: '/leading slash.txt',
  long: `odd/${longName}`,
};

let testBucket: TestBucket;

test.beforeAll(async () => {
  const { gatewayFromState } = await import('../support/s3-test-env');
  testBucket = await createTestBucket(gatewayFromState(), 'e2e-odd');
  await putObjects(testBucket.client, testBucket.bucket, Object.fromEntries(Object.values(keys).map((k) => [k, `body of ${k}`])));
});

test.afterAll(async () => {
  await testBucket.cleanup();
});

test('odd keys show exactly, with invisible parts marked, and round-trip through details, preview and copy', async ({ page, app }) => {
  expect(new TextEncoder().encode(keys.long).length).toBe(1024);
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(testBucket.bucket);

  // A leading "/" makes a folder with an empty name at the top.
  await expect(browser.row('/')).toContainText('(empty name)');
  await browser.openFolder('/');
  await expect(browser.row(keys.leading)).toBeVisible();
  await page.keyboard.press('Backspace');

  await browser.openFolder('odd/');
  for (const key of [keys.space, keys.trailing, keys.nfc, keys.nfd, keys.symbols, keys.long]) await expect(browser.row(key)).toHaveCount(1);
  await expect(browser.row('odd//')).toContainText('(empty name)');
  await expect(browser.row(keys.trailing).getByTestId('name-mark')).toHaveAttribute('title', 'Ends with 1 space');
  await expect(browser.row(keys.long).locator('[role="gridcell"]').first()).toHaveAttribute('title', keys.long);

  // Details come back for the exact key (a HEAD that round-trips the characters).
  for (const key of [keys.trailing, keys.symbols, keys.nfd, keys.long]) {
    await browser.row(key).click();
    await expect(page.getByTestId('object-inspector')).toHaveAttribute('data-key', key);
    await expect(page.getByTestId('detail-size')).toContainText(
      `${new TextEncoder().encode(`body of ${key}`).length.toLocaleString('en-US')} bytes`,
    );
  }
  // The preview streams the right object through the app's route.
  await browser.row(keys.symbols).dblclick();
  await expect(page.getByTestId('preview-dialog').getByTestId('preview-text')).toHaveText(`body of ${keys.symbols}`);
  await page.keyboard.press('Escape');

  // Filtering with the composed "é" finds the decomposed name too.
  await page.getByTestId('listing-filter').fill('caf\u00e9');
  await expect(browser.grid).toHaveAttribute('data-row-count', '2');
  await page.getByTestId('listing-filter').fill('');

  // The empty-named folder opens, and its crumb says so.
  await browser.openFolder('odd//');
  await expect(browser.row(keys.double)).toBeVisible();
  await expect(page.locator('[data-testid="breadcrumb-item"][data-prefix="odd//"]')).toHaveText('(unnamed)');
  await page.keyboard.press('Backspace');

  // Copying everything elsewhere is refused up front: the 1,024-byte key cannot get longer.
  await browser.grid.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Shift+F10');
  await browser.menuItem('copy').click();
  const dialog = page.getByTestId('transfer-dialog');
  await dialog.getByTestId('transfer-destination').fill('copied/');
  await dialog.getByTestId('transfer-submit').click();
  await expect(dialog).toContainText('Some keys would be 1,027 bytes there');
  await page.keyboard.press('Escape');

  // Without it, the rest copy, and S3 has exactly the same names there.
  await browser.row(keys.long).click({ modifiers: ['ControlOrMeta'] });
  await page.keyboard.press('Shift+F10');
  await browser.menuItem('copy').click();
  await dialog.getByTestId('transfer-destination').fill('copied/');
  await dialog.getByTestId('transfer-submit').click();
  await expect(dialog.getByTestId('job-progress')).toHaveAttribute('data-status', 'finished', { timeout: 30_000 });
  const listed = await testBucket.client.send(new ListObjectsV2Command({ Bucket: testBucket.bucket, Prefix: 'copied/' }));
  const copied = (listed.Contents ?? []).map((o) => o.Key ?? '').sort();
  const expected = [keys.space, keys.trailing, keys.nfc, keys.nfd, keys.symbols, keys.double]
    .map((k) => `copied/${k.slice('odd/'.length)}`)
    .sort();
  expect(copied).toEqual(expected);
});
