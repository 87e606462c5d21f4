/// <reference lib="dom" />
import { createTestBucket, putObjects, type TestBucket } from '../support/s3-test-env';
import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { connectToGateway } from './pages/gateway-connection';

// Dragging a file row out onto the desktop is Electron's (webContents.startDrag). The browser host
// says in app:info that it cannot, and the listing then offers no drag at all: no row is
// draggable, and a drag gesture over the rows starts nothing (no notice, no download).

let testBucket: TestBucket;

test.beforeEach(async ({ app }) => {
  testBucket = await createTestBucket(app.gateway, 'e2e-drag-out');
  await putObjects(testBucket.client, testBucket.bucket, { 'private/a.txt': 'alpha', 'private/sub/b.txt': 'bravo' });
});

test.afterEach(async () => {
  await testBucket.cleanup();
});

test('the browser host offers no drag out: rows are not draggable and a drag starts nothing', async ({ page, app }) => {
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(testBucket.bucket);
  await browser.openRoot('private');
  const file = browser.row('private/a.txt');
  await expect(file).toBeVisible();
  await expect(page.getByTestId('listing-grid')).toHaveAttribute('data-drag-out', 'off');
  await expect(page.locator('[role="row"][draggable="true"]')).toHaveCount(0);
  await expect(file).not.toHaveAttribute('draggable', /.*/);

  // A drag gesture from the file row to the folder row: nothing is dragged out or moved.
  await file.dragTo(browser.row('private/sub/'));
  await expect(page.getByTestId('listing-notice')).toHaveCount(0);
  await page.getByTestId('transfers-toggle').click();
  await expect(page.getByTestId('transfers-panel')).toHaveAttribute('data-open', 'true');
  await expect(page.getByTestId('transfers-panel')).not.toContainText('a.txt');
});
