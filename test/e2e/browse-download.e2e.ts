/// <reference lib="dom" />
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { createTestBucket, putObjects, type TestBucket } from '../support/s3-test-env';
import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { connectToGateway } from './pages/gateway-connection';

test.use({ viewport: { width: 1600, height: 900 } });

/** Keys a local file system treats specially; each body is its own key, to find it on disk. */
const oddKeys = [
  'public/odd/with space.txt',
  'public/odd/caf\u00e9 nfc.txt',
  'public/odd/cafe\u0301 nfd.txt',
  'public/odd/日本語 ファイル.txt',
  'public/odd/a+b%20c#d?e&f.txt',
  'public/odd/trailing space.txt ',
  'public/odd//after double slash.txt',
  'public/odd/../../../escape-dots.txt',
  'public/odd/back\\slash\\..\\..\\escape-backslash.txt',
  'public/odd/CON.txt',
  'public/odd/sub/nested.txt',
  `public/odd/${'long-'.repeat(40)}.txt`,
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

let testBucket: TestBucket;

test.beforeEach(async ({ app }) => {
  testBucket = await createTestBucket(app.gateway, 'e2e-download');
  await putObjects(testBucket.client, testBucket.bucket, Object.fromEntries(oddKeys.map((k) => [k, `body of ${k}`])));
});

test.afterEach(async () => {
  await testBucket.cleanup();
});

test('downloading a folder with odd keys writes every object inside the chosen folder and nothing outside it', async ({ page, app }) => {
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(testBucket.bucket);
  await browser.openRoot('public');
  await browser.chooseFromMenu('public/odd/', 'download');

  const dialog = page.getByTestId('download-dialog');
  await expect(dialog.getByTestId('download-plan')).toHaveAttribute('data-files', String(oddKeys.length));
  await dialog.getByTestId('download-start').click();
  await expect(dialog).toHaveAttribute('data-batch-state', 'done', { timeout: 60_000 });
  await dialog.getByTestId('download-close').click();

  // The browser host's download folder: <dataDir>/downloads (granted like a folder picked in a dialog).
  const downloads = realpathSync(join(app.dataDir, 'downloads'));
  const files = filesUnder(downloads);
  for (const file of files) {
    expect(realpathSync(file).startsWith(downloads + sep), `${file} is inside ${downloads}`).toBe(true);
  }
  const bodies = files.map((f) => readFileSync(f, 'utf8')).sort();
  expect(bodies).toEqual(oddKeys.map((k) => `body of ${k}`).sort());
  // Nothing landed where a naive join of the ".." keys would have put it.
  for (const name of ['escape-dots.txt', 'escape-backslash.txt']) {
    expect(existsSync(resolve(downloads, '..', name))).toBe(false);
    expect(existsSync(resolve(downloads, '..', '..', name))).toBe(false);
    expect(
      filesUnder(app.dataDir)
        .filter((f) => f.endsWith(name))
        .every((f) => !relative(downloads, f).startsWith('..')),
    ).toBe(true);
  }
});
