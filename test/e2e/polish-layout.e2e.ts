/// <reference lib="dom" />
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createTestBucket, putObjects, type TestBucket } from '../support/s3-test-env';
import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { ConnectionsPage } from './pages/connections-page';
import { connectToGateway } from './pages/gateway-connection';
import { boxOf, expectNotTruncated } from './pages/layout-checks';
import { SharePage } from './pages/share-page';

// Issue 13: what a new user trips over in the first minute, at a common laptop size.
test.use({ viewport: { width: 1280, height: 800 } });

let testBucket: TestBucket | undefined;

function bucketOf(b: TestBucket | undefined): TestBucket {
  if (!b) throw new Error('The test bucket was not created.');
  return b;
}

test.beforeEach(async ({ app }) => {
  testBucket = await createTestBucket(app.gateway, 'e2e-polish');
});

test.afterEach(async () => {
  await testBucket?.cleanup();
  testBucket = undefined;
});

test('item 1: each root’s name is readable in full beside its badge', async ({ page, app }) => {
  const { bucket, client } = bucketOf(testBucket);
  await putObjects(client, bucket, { 'public/a.txt': 'a', 'private/b.txt': 'b' });
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(bucket);
  for (const root of ['public', 'private'] as const) {
    const name = page.getByTestId(`root-${root}`).locator('.row-name');
    await expect(name).toHaveText(root);
    await expectNotTruncated(name);
  }
});

test('item 2: the Test connection result shows in the dialog’s visible area and is announced', async ({ page, app }) => {
  const connections = new ConnectionsPage(page);
  await connections.fill({
    name: 'Wrong secret',
    accessKeyId: app.gateway.accessKeyId,
    secret: 'not-the-secret',
    endpoint: app.gateway.endpoint,
    pathStyle: true,
  });
  const result = await connections.test();
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(result).toBeInViewport({ ratio: 1 });
  // Inside a live region, so screen readers read it when it arrives.
  await expect(page.getByRole('status').filter({ has: page.getByTestId('connection-test-result') })).toHaveAttribute('aria-live', 'polite');
  // And no scrolling was needed: it is fully inside the dialog's box.
  const dialog = await boxOf(page.getByRole('dialog'));
  const box = await boxOf(result);
  expect(box.y + box.height).toBeLessThanOrEqual(dialog.y + dialog.height);
  expect(box.y).toBeGreaterThanOrEqual(dialog.y);
});

test('item 4: the toolbar’s buttons keep their place between folders, and a long path folds in the middle', async ({ page, app }) => {
  const { bucket, client } = bucketOf(testBucket);
  const deep = 'public/a-rather-long-folder-name/another-long-folder-name/third-level-folder/fourth-level-folder/';
  await putObjects(client, bucket, { [`${deep}leaf.txt`]: 'leaf', 'private/x.txt': 'x' });
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(bucket);
  const ids = ['listing-refresh', 'new-folder', 'upload-link', 'listing-filter'];
  const at = async () => Promise.all(ids.map(async (id) => boxOf(page.getByTestId(id))));
  const atBucket = await at();
  await browser.openRoot('public');
  expect(await at()).toEqual(atBucket);
  let prefix = 'public/';
  for (const part of deep.slice('public/'.length).split('/').filter(Boolean)) {
    prefix += `${part}/`;
    await browser.openFolder(prefix);
  }
  expect(await at()).toEqual(atBucket);
  // The path keeps one line: the bucket, "…", and the last folders.
  const crumbs = page.getByTestId('breadcrumb');
  await expect(crumbs.getByTestId('breadcrumb-folded')).toBeVisible();
  await expect(crumbs.locator(`[data-testid="breadcrumb-item"][data-prefix="${deep}"]`)).toBeVisible();
  await expect(crumbs.locator('[data-testid="breadcrumb-item"][data-prefix=""]')).toBeVisible();
  const path = await boxOf(crumbs);
  expect(path.height).toBeLessThan(34);
});

test('item 5: a connection’s subtitle fits and names what tells it apart; the rest is in its tooltip', async ({ page, app }) => {
  await connectToGateway(page, app);
  const item = new ConnectionsPage(page).item('Local gateway');
  const subtitle = item.locator('.connection-subtitle');
  await expectNotTruncated(subtitle);
  await expect(subtitle).toHaveText(new URL(app.gateway.endpoint).host);
  await expect(item.getByTestId('connection-select')).toHaveAttribute('title', /Credentials: /);
});

test('item 7: invisible and bidi-control characters show as markers, names stay isolated, ".." is not "up"', async ({ page, app }) => {
  const { bucket, client } = bucketOf(testBucket);
  const rlo = 'public/rtl\u202Etxt.exe';
  const zwsp = 'public/zero\u200Bwidth.txt';
  await putObjects(client, bucket, { [rlo]: 'r', [zwsp]: 'z', 'public/../inside.txt': 'd', 'private/p.txt': 'p' });
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(bucket);
  await browser.openRoot('public');
  const rloName = browser.row(rlo).locator('.row-name');
  await expect(rloName.getByTestId('name-mark')).toHaveAttribute('title', /Right-to-left override.*U\+202E/);
  // What a user reads starts with "rtl" and ends with "exe": the override no longer flips it.
  expect(await rloName.innerText()).toBe('rtl\\u202Etxt.exe');
  await expect(browser.row(zwsp).getByTestId('name-mark')).toHaveAttribute('title', /Zero-width space/);
  expect(await rloName.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
  // A folder literally named ".." says it is not the way up, in the list and in the path.
  await expect(browser.row('public/../').getByTestId('name-note')).toContainText('not up');
  await browser.openFolder('public/../');
  await expect(page.locator('[data-testid="breadcrumb-item"][data-prefix="public/../"]').getByTestId('name-mark')).toHaveText('..');
  await browser.row('public/../inside.txt').click();
  await expect(page.getByTestId('inspector-key')).toHaveText('public/../inside.txt');
});

test('item 9: sizes use one convention (KiB, 1,024 bytes) everywhere, and the column says so', async ({ page, app }) => {
  const { bucket, client } = bucketOf(testBucket);
  await putObjects(client, bucket, { 'public/photo.jpg': 'x'.repeat(49_204), 'private/p.txt': 'p' });
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(bucket);
  await browser.openRoot('public');
  await expect(browser.row('public/photo.jpg').locator('.cell-size')).toHaveText('48 KiB');
  await expect(page.getByTestId('sort-size')).toHaveAttribute('title', /1 KiB = 1,024 bytes/);
  await browser.row('public/photo.jpg').click();
  await expect(page.getByTestId('detail-size')).toContainText('48 KiB (49,204 bytes)');
  await expect(page.getByTestId('listing-selection')).toContainText('1 selected · 48 KiB');
  await page.getByTestId('upload-link').click();
  await expect(new SharePage(page).uploadDialog.getByTestId('upload-max-unit')).toHaveValue('MiB');
});

test('item 12: the upload link’s second choice has a label of its own', async ({ page, app }) => {
  const { bucket, client } = bucketOf(testBucket);
  await putObjects(client, bucket, { 'private/p.txt': 'p', 'public/q.txt': 'q' });
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(bucket);
  await browser.openRoot('private');
  await page.getByTestId('upload-link').click();
  const group = new SharePage(page).uploadDialog.getByRole('group', { name: 'Where uploads may go' });
  await expect(group.getByRole('radio', { name: 'Any file name under a folder' })).toBeVisible();
  await expect(group.getByRole('radio', { name: 'Exactly one key' })).toBeVisible();
});

test('item 6: the inspector heads with the name and full key, shows the bare ETag, and long values wrap inside it', async ({
  page,
  app,
}) => {
  const { bucket, client } = bucketOf(testBucket);
  const key = 'public/media/holiday-photo.jpg';
  await client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: 'jpeg',
      ContentType: 'image/jpeg',
      CacheControl: 'public, max-age=86400',
      ACL: 'public-read',
    }),
  );
  await putObjects(client, bucket, { 'private/p.txt': 'p' });
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(bucket);
  await browser.openRoot('public');
  await browser.openFolder('public/media/');
  await browser.row(key).click();
  const inspector = page.getByTestId('object-inspector');
  await expect(inspector.getByRole('heading', { name: 'holiday-photo.jpg' })).toBeVisible();
  await expect(inspector.getByTestId('inspector-key')).toHaveText(key);
  await expect(inspector.getByTestId('copy-key')).toBeVisible();
  await expect(page.getByTestId('detail-etag').locator('dd')).toHaveText(/^[0-9a-f]{32}$/);
  // "max-age=86400" stays on one line: the value wraps after its comma, not at the hyphen.
  const maxAge = page.getByTestId('detail-header-cacheControl').locator('dd').getByText('max-age=86400');
  expect(await maxAge.evaluate((el) => el.getClientRects().length)).toBe(1);
  // Nothing runs past the inspector's right edge, and the ACL's values line up with the details'.
  const panel = await boxOf(page.getByTestId('inspector'));
  const rights = await inspector.locator('dd, .acl-grants li > *').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right));
  for (const right of rights) expect(right).toBeLessThanOrEqual(panel.x + panel.width);
  const detailX = (await boxOf(page.getByTestId('detail-etag').locator('dd'))).x;
  const aclXs = await inspector
    .locator('.acl-grants li > :nth-child(2)')
    .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().x));
  expect(aclXs.length).toBeGreaterThan(0);
  for (const x of aclXs) expect(Math.abs(x - detailX)).toBeLessThan(2);
});

test('item 14: the path-style option has the README’s wording, and the renderer under test has no chunk over 500 kB', async ({ page }) => {
  const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
  expect(readme).toContain('**Path-style addressing**');
  expect(readme).not.toContain('Path-style addresses');
  await page.getByTestId('connection-add').click();
  await expect(page.getByTestId('connection-form').getByLabel('Path-style addressing', { exact: true })).toBeVisible();
  // The bundle this page loaded: every script it is made of stays under Vite's 500 kB limit.
  const assets = join(process.cwd(), 'out/renderer/assets');
  const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(1);
  for (const file of scripts) expect(statSync(join(assets, file)).size, file).toBeLessThanOrEqual(500 * 1000);
});
