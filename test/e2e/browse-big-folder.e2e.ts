/// <reference lib="dom" />
import { benchFolder, benchKey, ensureBenchFolder } from '../bench/support/seed-folder';
import { gatewayFromState, s3ClientFor } from '../support/s3-test-env';
import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { connectToGateway } from './pages/gateway-connection';

test.use({ viewport: { width: 1600, height: 900 } });

// The 100,000-object folder is shared with the list bench (test/bench) and kept on the gateway
// between runs: seeding it costs about two minutes once, reusing it one HEAD.
test.beforeAll(async () => {
  test.setTimeout(600_000);
  const client = s3ClientFor(gatewayFromState(), { timeoutMs: 30_000 });
  try {
    await ensureBenchFolder(client, benchFolder, (line) => console.log(line), 96);
  } finally {
    client.destroy();
  }
});

const first = benchKey(benchFolder, 0);
const last = benchKey(benchFolder, benchFolder.count - 1);

test('a folder of 100,000 objects streams in, scrolls to the bottom, sorts and filters', async ({ page, app }) => {
  test.setTimeout(240_000);
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(benchFolder.bucket);
  // Long tasks (main thread busy > 50 ms) while the folder streams in: the UI must stay responsive.
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
  const opened = Date.now();
  await browser.row(benchFolder.prefix).dblclick();

  // The first rows show while later pages are still being listed.
  await expect(browser.row(first)).toBeVisible();
  const firstRowsMs = Date.now() - opened;
  await expect(browser.status).toHaveAttribute('data-loading', 'true');
  await expect(browser.status).toContainText('Loading more…');

  await browser.waitListed();
  const listedMs = Date.now() - opened;
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  const longest = Math.max(0, ...longTasks);
  await expect(browser.grid).toHaveAttribute('data-row-count', String(benchFolder.count));
  await expect(browser.status).toHaveText('100,000 items');
  // Virtualized: a few dozen rows in the DOM, not 100,000.
  expect(await page.locator('[data-testid="listing-body"] [role="row"]').count()).toBeLessThan(120);

  // Scroll to the very bottom with the scrollbar (as a mouse user would) and see the last key.
  const frames = await browser.body.evaluate(async (body) => {
    const gaps: number[] = [];
    let previous = performance.now();
    for (let step = 1; step <= 30; step++) {
      body.scrollTop = (body.scrollHeight * step) / 30;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      gaps.push(now - previous);
      previous = now;
    }
    return gaps.sort((a, b) => a - b);
  });
  await expect(browser.row(last)).toBeVisible();
  const p90 = frames[Math.floor(frames.length * 0.9)] ?? 0;

  // Keyboard: Home and End jump across all 100,000 rows.
  await browser.row(last).click();
  await page.keyboard.press('Home');
  await expect(browser.row(first)).toBeVisible();
  await page.keyboard.press('End');
  await expect(browser.row(last)).toHaveAttribute('aria-selected', 'true');

  // Sort by name, descending: the last key comes first.
  await page.getByTestId('sort-name').click();
  const sortStarted = Date.now();
  await expect(page.getByTestId('sort-name')).toHaveAttribute('data-sort', 'desc');
  await browser.body.evaluate((body) => (body.scrollTop = 0));
  await expect.poll(async () => (await browser.renderedKeys())[0]).toBe(last);
  const sortMs = Date.now() - sortStarted;

  // Filter as you type (Ctrl/Cmd+F focuses the box): ten names end in 9999x.
  await page.keyboard.press('ControlOrMeta+f');
  await expect(page.getByTestId('listing-filter')).toBeFocused();
  await page.keyboard.type('k09999');
  await expect(browser.grid).toHaveAttribute('data-row-count', '10');
  await expect(browser.status).toHaveText('10 of 100,000 items match the filter');
  await page.keyboard.press('Escape');
  await expect(browser.grid).toHaveAttribute('data-row-count', String(benchFolder.count));

  test.info().annotations.push({
    type: 'figures',
    description: `first rows ${firstRowsMs} ms, 100,000 rows listed ${listedMs} ms, long tasks while listing ${longTasks.length} (longest ${Math.round(longest)} ms), scroll frame p90 ${p90.toFixed(1)} ms, sort desc ${sortMs} ms`,
  });
  console.log(`[browse-big-folder] ${test.info().annotations.at(-1)?.description ?? ''}`);
});
