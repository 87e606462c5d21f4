/// <reference lib="dom" />
import { createTestBucket, putObjects, type TestBucket } from '../support/s3-test-env';
import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { connectToGateway } from './pages/gateway-connection';

test.use({ viewport: { width: 1600, height: 900 } });

let testBucket: TestBucket;

test.beforeAll(async () => {
  const { gatewayFromState } = await import('../support/s3-test-env');
  testBucket = await createTestBucket(gatewayFromState(), 'e2e-nav');
  await putObjects(testBucket.client, testBucket.bucket, {
    'public/media/intro.mp4': 'video',
    'public/media/clip 2.mp4': 'two',
    'public/media/clip 10.mp4': 'ten',
    'public/media/Clip 1.mp4': 'one',
    'public/logo.png': 'png',
    'public/readme.txt': 'hello',
    'private/contracts/acme.pdf': 'pdf',
    'other/notes.txt': 'notes',
  });
});

test.afterAll(async () => {
  await testBucket.cleanup();
});

test('roots are shown first and marked, and the rest of the bucket is reachable', async ({ page, app }) => {
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(testBucket.bucket);
  const keys = await browser.renderedKeys();
  expect(keys.slice(0, 2)).toEqual(['public/', 'private/']);
  expect(keys).toContain('other/');
  await expect(page.getByTestId('root-public')).toContainText(/served to the world/i);
  await expect(page.getByTestId('root-private')).toContainText(/never public/i);
  await browser.openFolder('other/');
  await expect(browser.row('other/notes.txt')).toBeVisible();
});

test('mouse: double-click opens, breadcrumbs, back and forward buttons, mouse back button', async ({ page, app }) => {
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(testBucket.bucket);

  await browser.openRoot('public');
  await expect(page.getByTestId('folder-root-badge')).toHaveAttribute('data-root', 'public');
  await browser.openFolder('public/media/');
  // Natural order: numbers by value, case ignored.
  expect(await browser.renderedKeys()).toEqual([
    'public/media/Clip 1.mp4',
    'public/media/clip 2.mp4',
    'public/media/clip 10.mp4',
    'public/media/intro.mp4',
  ]);

  await page.getByTestId('nav-back').click();
  await browser.expectFolder('public/');
  await page.getByTestId('nav-forward').click();
  await browser.expectFolder('public/media/');
  await page.locator('[data-testid="breadcrumb-item"][data-prefix=""]').click();
  await browser.expectFolder('');

  // The mouse's back button (button 3) goes back in the app and does not leave the page.
  await page.mouse.move(800, 400);
  await page.evaluate(() => window.dispatchEvent(new MouseEvent('mouseup', { button: 3, bubbles: true, cancelable: true })));
  await browser.expectFolder('public/media/');
});

test('keyboard: arrows, Enter, Backspace, Alt+Left/Right, Home/End and type-to-find', async ({ page, app }) => {
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(testBucket.bucket);
  await browser.grid.focus();

  await page.keyboard.press('ArrowDown');
  expect(await browser.focusedKey()).toBe('public/');
  await page.keyboard.press('ArrowDown');
  expect(await browser.focusedKey()).toBe('private/');
  await page.keyboard.press('Enter');
  await browser.expectFolder('private/');
  await expect(browser.row('private/contracts/')).toBeVisible();

  // Backspace goes up and selects the folder we came out of.
  await page.keyboard.press('Backspace');
  await browser.expectFolder('');
  await expect(browser.row('private/')).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('Alt+ArrowLeft');
  await browser.expectFolder('private/');
  await page.keyboard.press('Alt+ArrowRight');
  await browser.expectFolder('');

  // Type-to-find: "pu" jumps to public/, Enter opens it, End and Home move to the ends.
  await page.keyboard.type('pu');
  expect(await browser.focusedKey()).toBe('public/');
  await page.keyboard.press('Enter');
  await browser.expectFolder('public/');
  await expect(browser.row('public/readme.txt')).toBeVisible();
  await page.keyboard.press('End');
  expect(await browser.focusedKey()).toBe('public/readme.txt');
  await page.keyboard.press('Home');
  expect(await browser.focusedKey()).toBe('public/media/');
  await page.keyboard.type('r');
  expect(await browser.focusedKey()).toBe('public/readme.txt');

  // Enter on a file opens its preview.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('preview-dialog')).toBeVisible();
  await expect(page.getByTestId('preview-dialog').getByTestId('preview-text')).toHaveText('hello');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('preview-dialog')).toBeHidden();
});

test('multi-select with Shift and Ctrl, by mouse and keyboard, and Ctrl+A', async ({ page, app }) => {
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(testBucket.bucket);
  await browser.openRoot('public');
  await browser.openFolder('public/media/');
  const [c1, c2, c10, intro] = ['public/media/Clip 1.mp4', 'public/media/clip 2.mp4', 'public/media/clip 10.mp4', 'public/media/intro.mp4'];

  await browser.row(c1).click();
  await browser.row(c10).click({ modifiers: ['Shift'] });
  expect(await browser.selectedKeys()).toEqual([c1, c2, c10]);
  await browser.row(c2).click({ modifiers: ['ControlOrMeta'] });
  expect(await browser.selectedKeys()).toEqual([c1, c10]);
  await expect(page.getByTestId('listing-selection')).toContainText('2 selected');

  // The keyboard carries on from the last clicked row (clip 2).
  await page.keyboard.press('ArrowDown');
  expect(await browser.selectedKeys()).toEqual([c10]);
  await page.keyboard.press('Shift+ArrowDown');
  expect(await browser.selectedKeys()).toEqual([c10, intro]);
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('Shift+ArrowUp');
  expect(await browser.selectedKeys()).toEqual([c2, c10]);
  await page.keyboard.press('ControlOrMeta+ArrowUp');
  await page.keyboard.press('ControlOrMeta+Space');
  expect(await browser.selectedKeys()).toEqual([c1, c2, c10]);
  await page.keyboard.press('ControlOrMeta+a');
  expect(await browser.selectedKeys()).toEqual([c1, c2, c10, intro]);
  await expect(page.getByTestId('selection-count')).toHaveText('4 items selected');

  // Shift+F10 opens the context menu for the selection; Escape closes it and keeps the keyboard in the list.
  await page.keyboard.press('Shift+F10');
  await expect(browser.menu).toBeVisible();
  await expect(browser.menuItem('rename')).toHaveAttribute('data-disabled', '');
  await page.keyboard.press('Escape');
  await expect(browser.menu).toBeHidden();
  await expect(browser.grid).toBeFocused();
});
