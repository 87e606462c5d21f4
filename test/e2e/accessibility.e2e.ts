/// <reference lib="dom" />
import { createTestBucket, putObjects, type TestBucket } from '../support/s3-test-env';
import { expect, test } from './fixtures';
import { expectNoSeriousA11yViolations } from './pages/axe-check';
import { BrowserPage } from './pages/browser-page';
import { BucketHealthPage } from './pages/bucket-health-page';
import { CommandsPage } from './pages/commands-page';
import { ConnectionsPage } from './pages/connections-page';
import { connectToGateway } from './pages/gateway-connection';
import { SharePage } from './pages/share-page';

// Issue 12: every main view passes axe-core's WCAG A/AA rules with no serious or critical finding,
// in the light and the dark theme. The theme follows the system here (emulated
// prefers-color-scheme); a Settings pin resolves to the same tokens, which
// test/unit/styles/theme-contrast.test.ts checks in both ways.
test.use({ viewport: { width: 1280, height: 800 } });

let testBucket: TestBucket | undefined;

test.beforeEach(async ({ app }) => {
  testBucket = await createTestBucket(app.gateway, 'e2e-a11y');
  await putObjects(testBucket.client, testBucket.bucket, {
    'public/photo.jpg': 'x'.repeat(2048),
    'public/notes.txt': 'notes',
    'private/contracts/offer.txt': 'offer',
  });
});

test.afterEach(async () => {
  await testBucket?.cleanup();
  testBucket = undefined;
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(theme === 'dark');
    });

    test('the empty state, the add-connection dialog and the connections list pass axe', async ({ page, app }) => {
      await expectNoSeriousA11yViolations(page, 'the empty state');
      await page.getByTestId('connection-add').click();
      await expect(page.getByTestId('connection-form')).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'the add-connection dialog');
      // axe does not judge placeholders: check that they draw in the token the unit test measured.
      const placeholder = await page
        .getByTestId('connection-form')
        .locator('input[placeholder]')
        .first()
        .evaluate((input) => {
          const probe = document.body.appendChild(document.createElement('span'));
          probe.style.color = 'var(--text-placeholder)';
          const token = getComputedStyle(probe).color;
          probe.remove();
          return { drawn: getComputedStyle(input, '::placeholder').color, token };
        });
      expect(placeholder.drawn).toBe(placeholder.token);
      await page.keyboard.press('Escape');
      await connectToGateway(page, app);
      await expectNoSeriousA11yViolations(page, 'the connections list with a connection open');
    });

    test('a folder with the inspector open, the share and upload-link dialogs and the transfers panel pass axe', async ({ page, app }) => {
      const { bucket } = testBucket ?? { bucket: '' };
      await connectToGateway(page, app);
      const browser = new BrowserPage(page);
      await browser.openBucket(bucket);
      await browser.openRoot('public');
      await browser.waitListed();
      await browser.row('public/photo.jpg').click();
      await expect(page.getByTestId('object-inspector')).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'a folder listing with the inspector open');

      await browser.chooseFromMenu('public/photo.jpg', 'share-link');
      const share = new SharePage(page);
      await expect(share.dialog).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'the share dialog');
      await page.keyboard.press('Escape');

      await page.getByTestId('upload-link').click();
      await expect(share.uploadDialog).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'the upload-link dialog');
      await share.uploadDialog.getByTestId('upload-content-type').fill('text/plain');
      await share.uploadDialog.getByTestId('upload-create').click();
      await expect(share.uploadDialog.getByTestId('upload-curl')).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'the upload-link result');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Transfers' }).click();
      await expectNoSeriousA11yViolations(page, 'the transfers panel');
    });

    test('bucket health and the audit and shared-links views pass axe', async ({ page, app }) => {
      const { bucket } = testBucket ?? { bucket: '' };
      await connectToGateway(page, app);
      const browser = new BrowserPage(page);
      await browser.openBucket(bucket);
      const health = new BucketHealthPage(page);
      await health.open();
      await expectNoSeriousA11yViolations(page, 'bucket health');
      await health.previewFix('publicReadPolicy');
      await expectNoSeriousA11yViolations(page, 'a bucket health fix previewed');
      await page.keyboard.press('Escape');

      await page.getByTestId('nav-audit').click();
      await expect(page.getByTestId('audit-view')).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'the audit view');

      await new SharePage(page).openLedger();
      await expectNoSeriousA11yViolations(page, 'the shared-links ledger');
    });

    test('a connection that fails passes axe', async ({ page, app }) => {
      await new ConnectionsPage(page).add({
        name: 'Wrong secret',
        accessKeyId: app.gateway.accessKeyId,
        secret: 'not-the-secret',
        endpoint: app.gateway.endpoint,
        pathStyle: true,
      });
      await new ConnectionsPage(page).item('Wrong secret').click();
      await expect(page.getByTestId('connection-error')).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'the connection error');
    });

    test('settings, the command palette and the shortcuts sheet pass axe', async ({ page, app }) => {
      await connectToGateway(page, app);
      await page.getByTestId('nav-settings').click();
      const settings = page.getByRole('dialog', { name: 'Settings' });
      await expect(settings).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'the settings sheet');
      await page.keyboard.press('Escape');
      await expect(settings).toBeHidden();

      const commands = new CommandsPage(page);
      await commands.openPalette();
      await commands.paletteInput.fill('fold');
      await expectNoSeriousA11yViolations(page, 'the command palette');
      await page.keyboard.press('Escape');
      await expect(commands.palette).toBeHidden();
      await page.keyboard.press('?');
      await expect(commands.sheet).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'the shortcuts sheet');
    });
  });
}

test('by keyboard alone: arrows move the selection (announced), Enter opens, dialogs trap focus and give it back', async ({
  page,
  app,
}) => {
  const { bucket } = testBucket ?? { bucket: '' };
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(bucket);
  const grid = browser.grid;
  await grid.focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('root-public')).toHaveAttribute('aria-selected', 'true');
  // The grid points assistive tech at the row the arrows reached, and the selection is a live region.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('root-private')).toHaveAttribute('aria-selected', 'true');
  await expect(grid).toHaveAttribute('aria-activedescendant', (await page.getByTestId('root-private').getAttribute('id')) ?? 'none');
  await expect(page.getByRole('status').filter({ hasText: '1 selected' })).toHaveCount(1);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await browser.expectFolder('public/');
  await expect(browser.row('public/notes.txt')).toBeVisible();

  // Focus is visible: the focused control draws the app's focus outline.
  const add = page.getByTestId('connection-add');
  await add.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(add).toBeFocused();
  expect(await add.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');

  // A dialog keeps Tab inside itself, and Escape gives focus back to the button that opened it.
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement)), `Tab ${i + 1} stays in the dialog`).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(add).toBeFocused();
});
