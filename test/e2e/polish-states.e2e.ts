/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { createTestBucket, putObjects, type TestBucket } from '../support/s3-test-env';
import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { ConnectionsPage } from './pages/connections-page';
import { boxOf } from './pages/layout-checks';

// Issue 13 items 8 and 10: a folder still loading, and a connection that fails, at a laptop size.
test.use({ viewport: { width: 1280, height: 800 } });

// Beside the main views that polish-screenshots.e2e.ts writes.
const shotDir = join(process.cwd(), 'test/e2e/screenshots');

let testBucket: TestBucket | undefined;
let proxy: FaultProxy | undefined;

test.afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  await testBucket?.cleanup();
  testBucket = undefined;
});

// S3 lists in byte order (item-1, item-10, item-100, …, item-2 only on the second page of 1,000),
// while the table sorts names naturally (item-1, item-2, …, item-10): the worst case for rows
// arriving page by page. 2,100 keys make three pages.
const folder = 'public/many/';
const count = 2100;
const keyOf = (n: number) => `${folder}item-${n}`;

test('item 8: rows keep their place while a big folder is still loading, and the row at the top stays put when it is sorted', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  testBucket = await createTestBucket(app.gateway, 'e2e-stable');
  const { bucket, client } = testBucket;
  await putObjects(
    client,
    bucket,
    Array.from({ length: count }, (_, i) => ({ key: keyOf(i + 1), body: 'x' })),
  );
  proxy = await startFaultProxy(app.gateway.endpoint);
  // Hold the folder's third page until the test has looked at the rows the first two gave.
  const releases: (() => void)[] = [];
  let continued = 0;
  proxy.setRule((r) => {
    const listing = r.method === 'GET' && r.target.includes('list-type=2') && r.target.includes(encodeURIComponent(folder));
    if (!listing || !r.target.includes('continuation-token=')) return { kind: 'pass' };
    continued += 1;
    return continued === 2 ? { kind: 'holdResponse', onHeld: (release) => releases.push(release) } : { kind: 'pass' };
  });

  const connections = new ConnectionsPage(page);
  await connections.add({
    name: 'Slow pages',
    accessKeyId: app.gateway.accessKeyId,
    secret: app.gateway.secretAccessKey,
    endpoint: proxy.endpoint,
    pathStyle: true,
    checksumCompatibility: true,
  });
  await connections.item('Slow pages').click();
  const browser = new BrowserPage(page);
  await browser.openBucket(bucket);
  await browser.openRoot('public');

  // Record every order the top of the table shows from the first row on, as the user sees it.
  await page.evaluate((inside) => {
    const w = window as unknown as { tops: string[][] };
    w.tops = [];
    const read = () => {
      const body = document.querySelector('[data-testid="listing-body"]');
      if (!body) return;
      const rows = [...body.querySelectorAll('[role="row"]')]
        .map((r) => ({ key: r.getAttribute('data-key') ?? '', top: r.getBoundingClientRect().top }))
        .filter((r) => r.top >= body.getBoundingClientRect().top && r.top < body.getBoundingClientRect().bottom)
        .sort((a, b) => a.top - b.top)
        .map((r) => r.key);
      if (rows.length > 0 && rows.every((key) => key.startsWith(inside) && key !== inside)) w.tops.push(rows);
    };
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, attributes: true });
  }, folder);
  await browser.openFolder(folder);
  await expect(browser.row(keyOf(1))).toBeVisible();
  await expect.poll(() => releases.length, { timeout: 30_000 }).toBe(1);
  // Two pages are in, the third is on its way.
  await expect(browser.status).toHaveAttribute('data-loading', 'true');
  await expect(browser.status).toHaveAttribute('data-total', '2000');

  const tops = await page.evaluate(() => (window as unknown as { tops: string[][] }).tops);
  expect(tops.length).toBeGreaterThan(0);
  // While pages arrive, a row the user saw never moves: each place at the top always shows the same row.
  const shownAt = new Map<number, string>();
  for (const seen of tops) {
    seen.forEach((key, place) => {
      expect(key, `row ${place + 1} from the top`).toBe(shownAt.get(place) ?? key);
      shownAt.set(place, key);
    });
  }
  const firstSeen = [...shownAt.values()];
  expect(firstSeen.length).toBeGreaterThan(10);
  expect(await browser.renderedKeys()).toEqual(expect.arrayContaining(firstSeen));
  // item-2 came with the second page; it went after the rows already shown, not above item-10.
  await expect(browser.row(keyOf(10))).toBeInViewport();
  await expect(browser.row(keyOf(2))).not.toBeInViewport();

  // The user scrolls down a little and looks at a row; the last page arrives; the folder is sorted
  // once, and the row at the top of the view is still at the top of the view.
  await browser.body.evaluate((body) => (body.scrollTop = 32 * 40));
  await expect.poll(async () => (await browser.renderedKeys()).length).toBeGreaterThan(10);
  const anchorKey = await topVisibleKey(page);
  const anchorTop = (await boxOf(browser.row(anchorKey))).y;
  for (const release of releases) release();
  await browser.waitListed();
  await expect(browser.status).toHaveText(`${(count + 0).toLocaleString('en-US')} items`);
  await expect(browser.row(anchorKey)).toBeInViewport();
  expect(Math.abs((await boxOf(browser.row(anchorKey))).y - anchorTop)).toBeLessThanOrEqual(1);

  // And the order is now the natural one: item-1, item-2, item-3 at the top.
  await browser.body.evaluate((body) => (body.scrollTop = 0));
  await expect.poll(async () => (await browser.renderedKeys()).slice(0, 3)).toEqual([keyOf(1), keyOf(2), keyOf(3)]);
});

/** The key of the first row whose top is inside the listing's scroll area. */
async function topVisibleKey(page: Page): Promise<string> {
  return page.getByTestId('listing-body').evaluate((body) => {
    const edge = body.getBoundingClientRect().top;
    const rows = [...body.querySelectorAll('[role="row"]')]
      .map((r) => ({ key: r.getAttribute('data-key') ?? '', top: r.getBoundingClientRect().top }))
      .filter((r) => r.top >= edge - 1)
      .sort((a, b) => a.top - b.top);
    return rows[0]?.key ?? '';
  });
}

for (const failure of [
  { what: 'a saved wrong secret', secret: 'definitely-not-the-secret', endpoint: null, says: /secret access key is wrong/i },
  { what: 'an unreachable endpoint', secret: null, endpoint: 'http://127.0.0.1:9', says: /reach|connect/i },
] as const) {
  test(`item 10: ${failure.what} is shown in the main pane in plain words, with Edit connection and Retry`, async ({ page, app }) => {
    const connections = new ConnectionsPage(page);
    await connections.add({
      name: 'Failing',
      accessKeyId: app.gateway.accessKeyId,
      secret: failure.secret ?? app.gateway.secretAccessKey,
      endpoint: failure.endpoint ?? app.gateway.endpoint,
      pathStyle: true,
      checksumCompatibility: true,
    });
    await connections.item('Failing').click();

    const error = page.getByTestId('connection-error');
    await expect(error).toBeVisible({ timeout: 30_000 });
    await expect(error).toContainText(failure.says);
    await expect(error).toContainText('Failing');
    await expect(page.getByText('Choose a bucket')).toHaveCount(0);
    // It has the main pane's room, not a narrow column: most of the width right of the sidebar.
    const main = await boxOf(page.locator('main'));
    const box = await boxOf(error);
    expect(box.width).toBeGreaterThan(main.width * 0.5);
    await expect(error).toBeInViewport({ ratio: 1 });
    await expect(error.getByRole('button', { name: 'Retry' })).toBeVisible();
    mkdirSync(shotDir, { recursive: true });
    await page.screenshot({ path: join(shotDir, `08-connection-error-${failure.endpoint ? 'unreachable' : 'secret'}.png`) });

    // Edit connection opens the form on this connection; fixing it lists the buckets.
    await error.getByRole('button', { name: 'Edit connection' }).click();
    await expect(connections.form).toBeVisible();
    await expect(connections.form.getByTestId('field-name')).toHaveValue('Failing');
    if (failure.endpoint) await connections.form.getByTestId('field-endpoint').fill(app.gateway.endpoint);
    else await connections.form.getByTestId('field-secret').fill(app.gateway.secretAccessKey);
    await connections.save();
    await expect(page.getByRole('heading', { name: 'Buckets' })).toBeVisible();
    await expect(error).toHaveCount(0);
  });
}

test('item 10: Retry asks again, and shows the buckets once the connection answers', async ({ page, app }) => {
  proxy = await startFaultProxy(app.gateway.endpoint);
  let down = true;
  const denied = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';
  proxy.setRule(() =>
    down ? { kind: 'respond', status: 403, headers: { 'content-type': 'application/xml' }, body: denied } : { kind: 'pass' },
  );
  const connections = new ConnectionsPage(page);
  await connections.add({
    name: 'Flaky',
    accessKeyId: app.gateway.accessKeyId,
    secret: app.gateway.secretAccessKey,
    endpoint: proxy.endpoint,
    pathStyle: true,
    checksumCompatibility: true,
  });
  await connections.item('Flaky').click();
  const error = page.getByTestId('connection-error');
  await expect(error).toBeVisible({ timeout: 30_000 });
  down = false;
  await error.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { name: 'Buckets' })).toBeVisible();
  await expect(error).toHaveCount(0);
});
