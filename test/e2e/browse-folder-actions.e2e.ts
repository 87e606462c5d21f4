/// <reference lib="dom" />
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createTestBucket, putObjects, type TestBucket } from '../support/s3-test-env';
import { forEachConcurrent } from '../../src/shared/concurrency';
import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { connectToGateway } from './pages/gateway-connection';

test.use({ viewport: { width: 1600, height: 900 } });

async function keysUnder(client: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const out = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    keys.push(...(out.Contents ?? []).map((o) => o.Key ?? ''));
    token = out.NextContinuationToken;
  } while (token);
  return keys.sort();
}

let testBucket: TestBucket;

test.beforeEach(async ({ app }) => {
  testBucket = await createTestBucket(app.gateway, 'e2e-actions');
});

test.afterEach(async () => {
  await testBucket.cleanup();
});

test('create, rename, move and delete a folder; S3 holds exactly what the app says', async ({ page, app }) => {
  test.setTimeout(120_000);
  const { bucket, client } = testBucket;
  await putObjects(client, bucket, { 'public/keep.txt': 'keep', 'private/readme.txt': 'private' });
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(bucket);
  await browser.openRoot('public');

  // Create: the toolbar button, a name with a space, and the new folder selected.
  await page.getByTestId('new-folder').click();
  await page.getByTestId('new-folder-name').fill('Season 2');
  await page.getByTestId('new-folder-create').click();
  await expect(page.getByTestId('new-folder-dialog')).toBeHidden();
  await expect(browser.row('public/Season 2/')).toHaveAttribute('aria-selected', 'true');
  await client.send(new HeadObjectCommand({ Bucket: bucket, Key: 'public/Season 2/' }));

  // Creating it again is refused in plain words.
  await page.getByTestId('new-folder').click();
  await page.getByTestId('new-folder-name').fill('Season 2');
  await page.getByTestId('new-folder-create').click();
  await expect(page.getByTestId('new-folder-dialog')).toContainText(/already exists/i);
  await page.keyboard.press('Escape');

  // Files arrive from elsewhere; F5 shows them.
  await client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: 'public/Season 2/ep1.txt',
      Body: 'episode one',
      ContentType: 'text/plain',
      CacheControl: 'max-age=60',
      Metadata: { origin: 'camera-a' },
    }),
  );
  await browser.row('public/Season 2/').click();
  await page.keyboard.press('F5');
  await browser.openFolder('public/Season 2/');
  await expect(browser.row('public/Season 2/ep1.txt')).toBeVisible();
  await page.keyboard.press('Backspace');
  await browser.expectFolder('public/');

  // Rename with F2: everything inside moves, headers and metadata kept.
  await expect(browser.row('public/Season 2/')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('F2');
  await page.getByTestId('rename-name').fill('Season Two');
  await page.getByTestId('rename-submit').click();
  await expect(page.getByTestId('rename-dialog')).toBeHidden({ timeout: 30_000 });
  await expect(browser.row('public/Season Two/')).toHaveAttribute('aria-selected', 'true');
  await expect(browser.row('public/Season 2/')).toHaveCount(0);
  expect(await keysUnder(client, bucket, 'public/Season')).toEqual(['public/Season Two/', 'public/Season Two/ep1.txt']);
  const renamed = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: 'public/Season Two/ep1.txt' }));
  expect(renamed.CacheControl).toBe('max-age=60');
  expect(renamed.Metadata).toEqual({ origin: 'camera-a' });

  // Move through the context menu, picking the destination in the folder picker.
  await browser.chooseFromMenu('public/Season Two/', 'move');
  const dialog = page.getByTestId('transfer-dialog');
  await expect(dialog).toHaveAttribute('data-mode', 'move');
  await dialog.getByTestId('picker-up').click();
  await dialog.locator('[data-testid="picker-folder"][data-key="private/"]').click();
  await expect(dialog.getByTestId('transfer-destination')).toHaveValue('private/');
  // Leaving public/ for private/: the dialog says what changes before anything does.
  await expect(dialog.getByTestId('transfer-root-note')).toContainText('under private/');
  await expect(dialog.getByTestId('transfer-root-note')).toContainText('private (only the owner)');
  await dialog.getByTestId('transfer-submit').click();
  await expect(dialog.getByTestId('job-progress')).toHaveAttribute('data-status', 'finished', { timeout: 30_000 });
  await dialog.getByTestId('job-close').click();
  await expect(browser.row('public/Season Two/')).toHaveCount(0);
  expect(await keysUnder(client, bucket, 'public/Season')).toEqual([]);
  expect(await keysUnder(client, bucket, 'private/')).toEqual(['private/Season Two/', 'private/Season Two/ep1.txt', 'private/readme.txt']);
  const moved = await client.send(new GetObjectCommand({ Bucket: bucket, Key: 'private/Season Two/ep1.txt' }));
  expect(await moved.Body?.transformToString()).toBe('episode one');
  // …and it did: the private root's Cache-Control, the metadata kept.
  expect(moved.CacheControl).toBe('private, no-cache');
  expect(moved.Metadata).toEqual({ origin: 'camera-a' });

  // Delete with the Delete key: the confirmation names what goes and how much.
  await page.getByTestId('breadcrumb-item').first().click();
  await browser.openRoot('private');
  await browser.row('private/Season Two/').click();
  await page.keyboard.press('Delete');
  const confirm = page.getByTestId('delete-dialog');
  await expect(confirm.getByTestId('measure-summary')).toHaveAttribute('data-objects', '2');
  await expect(confirm.getByTestId('measure-summary')).toContainText('private/Season Two/ep1.txt');
  await confirm.getByTestId('delete-confirm').click();
  await expect(confirm.getByTestId('job-progress')).toHaveAttribute('data-status', 'finished', { timeout: 30_000 });
  await confirm.getByTestId('job-close').click();
  await expect(browser.row('private/Season Two/')).toHaveCount(0);
  await expect(browser.grid).toHaveAttribute('data-row-count', '1');
  expect(await keysUnder(client, bucket, 'private/')).toEqual(['private/readme.txt']);
  expect(await keysUnder(client, bucket, 'public/')).toEqual(['public/keep.txt']);
});

test('copy keeps the original, and a rename onto an existing name asks before replacing', async ({ page, app }) => {
  const { bucket, client } = testBucket;
  await putObjects(client, bucket, { 'public/a.txt': 'A', 'public/b.txt': 'B', 'private/x.txt': 'X' });
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(bucket);
  await browser.openRoot('public');

  await browser.row('public/a.txt').click();
  await browser.row('public/b.txt').click({ modifiers: ['Shift'] });
  await browser.chooseFromMenu('public/b.txt', 'copy');
  const dialog = page.getByTestId('transfer-dialog');
  await dialog.getByTestId('transfer-destination').fill('private/copies');
  await dialog.getByTestId('transfer-submit').click();
  await expect(dialog.getByTestId('job-progress')).toHaveAttribute('data-status', 'finished', { timeout: 30_000 });
  await dialog.getByTestId('job-close').click();
  expect(await keysUnder(client, bucket, '')).toEqual([
    'private/copies/a.txt',
    'private/copies/b.txt',
    'private/x.txt',
    'public/a.txt',
    'public/b.txt',
  ]);

  // Renaming a.txt to b.txt: refused first, then replaced on request.
  await browser.row('public/a.txt').click();
  await page.keyboard.press('F2');
  await page.getByTestId('rename-name').fill('b.txt');
  await page.getByTestId('rename-submit').click();
  await expect(page.getByTestId('job-start-error')).toContainText(/already/i);
  await page.getByTestId('rename-replace').click();
  await expect(page.getByTestId('rename-dialog')).toBeHidden({ timeout: 30_000 });
  expect(await keysUnder(client, bucket, 'public/')).toEqual(['public/b.txt']);
  const b = await client.send(new GetObjectCommand({ Bucket: bucket, Key: 'public/b.txt' }));
  expect(await b.Body?.transformToString()).toBe('A');
});

test('a delete that fails for some keys lists each failure and deletes the rest', async ({ page, app }) => {
  const { bucket, client } = testBucket;
  await putObjects(client, bucket, { 'public/batch/locked/one.txt': '1', 'public/batch/free/two.txt': '2', 'public/batch/three.txt': '3' });
  // An explicit Deny on part of the folder: the owner's DeleteObjects fails for those keys only.
  await client.send(
    new PutBucketPolicyCommand({
      Bucket: bucket,
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: `arn:aws:s3:::${bucket}/public/batch/locked/*` },
        ],
      }),
    }),
  );
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(bucket);
  await browser.openRoot('public');
  await browser.chooseFromMenu('public/batch/', 'delete');
  const confirm = page.getByTestId('delete-dialog');
  await expect(confirm.getByTestId('measure-summary')).toHaveAttribute('data-objects', '3');
  await confirm.getByTestId('delete-confirm').click();
  await expect(confirm.getByTestId('job-progress')).toHaveAttribute('data-status', /finished|failed/, { timeout: 30_000 });
  await expect(confirm.getByTestId('job-failure')).toHaveCount(1);
  await expect(confirm.getByTestId('job-failure')).toContainText('public/batch/locked/one.txt');
  await expect(confirm.getByTestId('job-failure')).toHaveAttribute('data-code', 'AccessDenied');
  await client.send(
    new PutBucketPolicyCommand({
      Bucket: bucket,
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/none/*` }],
      }),
    }),
  );
  expect(await keysUnder(client, bucket, 'public/')).toEqual(['public/batch/locked/one.txt']);
});

test('a long copy shows progress and stops on Cancel, keeping what was done', async ({ page, app }) => {
  test.setTimeout(120_000);
  const { bucket, client } = testBucket;
  const keys = Array.from({ length: 1500 }, (_, i) => `public/many/f-${String(i).padStart(4, '0')}.txt`);
  await forEachConcurrent(keys, 16, (key) => putObjects(client, bucket, { [key]: key }));
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(bucket);
  await browser.openRoot('public');
  await browser.chooseFromMenu('public/many/', 'copy');
  const dialog = page.getByTestId('transfer-dialog');
  await dialog.getByTestId('transfer-destination').fill('private/many-copy');
  await dialog.getByTestId('transfer-submit').click();
  await expect(dialog.getByTestId('job-progress')).toHaveAttribute('data-status', 'running');
  await expect(dialog.getByTestId('job-bar')).toHaveAttribute('aria-valuenow', /\d+/);
  await dialog.getByTestId('job-cancel').click();
  await expect(dialog.getByTestId('job-progress')).toHaveAttribute('data-status', 'cancelled', { timeout: 30_000 });
  const copied = await keysUnder(client, bucket, 'private/many-copy/');
  expect(copied.length).toBeLessThan(keys.length);
  console.log(`[browse-folder-actions] cancelled copy left ${copied.length} of ${keys.length} objects copied`);
  await dialog.getByTestId('job-close').click();
  await expect(dialog).toBeHidden();
});

test('a move whose contents would land on each other is refused with both names, without a Replace offer, and nothing changes', async ({
  page,
  app,
}) => {
  const { bucket, client } = testBucket;
  // Moving public/x/x/ up into public/ sends x/x/x/g onto x/x/g, which the same move takes away.
  await putObjects(client, bucket, { 'public/x/x/g': 'outer g', 'public/x/x/x/g': 'inner g' });
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(bucket);
  await browser.openRoot('public');
  await browser.openFolder('public/x/');
  await browser.chooseFromMenu('public/x/x/', 'move');
  const dialog = page.getByTestId('transfer-dialog');
  await dialog.getByTestId('transfer-destination').fill('public/');
  await dialog.getByTestId('transfer-submit').click();
  await expect(dialog.getByTestId('job-start-error')).toContainText('“public/x/x/x/g” would land on “public/x/x/g”');
  await expect(dialog.getByTestId('transfer-replace')).toHaveCount(0);
  await expect(dialog.getByTestId('job-progress')).toHaveCount(0);
  expect(await keysUnder(client, bucket, 'public/')).toEqual(['public/x/x/g', 'public/x/x/x/g']);
  const outer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: 'public/x/x/g' }));
  expect(await outer.Body?.transformToString()).toBe('outer g');
});
