import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';

test('an empty app offers the demo; one click shows public/ and private/ of the sample bucket', async ({ page, app }) => {
  expect(app.dataDir).toBeTruthy();
  const welcome = page.getByTestId('welcome');
  await expect(welcome).toBeVisible();
  await expect(welcome.getByTestId('welcome-add-connection')).toBeVisible();
  await welcome.getByTestId('welcome-try-demo').click();

  const browser = new BrowserPage(page);
  // The demo connection is opened with its bucket, both roots listed first.
  await expect(browser.row('public/')).toBeVisible({ timeout: 60_000 });
  await expect(browser.row('private/')).toBeVisible();
  await expect(page.getByTestId('breadcrumb')).toContainText('demo-media');
  const item = page.locator('[data-testid="connection-item"][data-connection-name="Demo (local gateway)"]');
  await expect(item.getByTestId('connection-demo-badge')).toHaveText('Demo');

  await browser.row('public/').dblclick();
  await expect(browser.row('public/images/')).toBeVisible();

  // The demo connection is removable like any other; the welcome screen comes back.
  await item.getByTestId('connection-remove').click();
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: /Remove/ })
    .click();
  await expect(page.getByTestId('welcome')).toBeVisible();
});
