/// <reference lib="dom" />
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { Locator, Page } from '@playwright/test';
import { acceleratorsFor, commands, type CommandId } from '../../src/shared/commands/command-table';
import { acceleratorLabel } from '../../src/shared/commands/key-binding';
import { createTestBucket, putObjects, type TestBucket } from '../support/s3-test-env';
import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { CommandsPage } from './pages/commands-page';
import { connectToGateway } from './pages/gateway-connection';

test.use({ viewport: { width: 1600, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });

let testBucket: TestBucket;

test.beforeEach(async ({ app }) => {
  testBucket = await createTestBucket(app.gateway, 'e2e-commands');
  await putObjects(testBucket.client, testBucket.bucket, { 'private/a.txt': 'alpha', 'private/b.txt': 'bravo', 'public/x.txt': 'x' });
});

test.afterEach(async () => {
  await testBucket.cleanup();
});

/** Connects and opens `private/` of the test bucket. */
async function openPrivate(page: Page, app: Parameters<typeof connectToGateway>[1]): Promise<BrowserPage> {
  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(testBucket.bucket);
  await browser.openRoot('private');
  return browser;
}

test('the palette finds a command by a fuzzy name and runs it; disabled ones say why', async ({ page, app }) => {
  const browser = await openPrivate(page, app);
  const palette = new CommandsPage(page);
  await palette.openPalette();
  await palette.paletteInput.fill('nwfld');
  await expect(palette.paletteItem('new-folder')).toHaveAttribute('aria-selected', 'true');
  // Arrow keys move through the list; Escape closes without running anything.
  await palette.paletteInput.fill('');
  await page.keyboard.press('ArrowDown');
  await expect(palette.paletteItem(commands[1]?.id ?? '')).toHaveAttribute('aria-selected', 'true');
  await expect(palette.paletteItem('rename')).toHaveAttribute('aria-disabled', 'true');
  await expect(palette.paletteItem('rename')).toContainText('Select one item to rename.');
  await page.keyboard.press('Escape');
  await expect(palette.palette).toBeHidden();

  await palette.run('new folder');
  await expect(page.getByTestId('new-folder-dialog')).toBeVisible();
  await page.keyboard.press('Escape');

  // With a row selected, Rename is enabled and runs from the palette.
  await browser.row('private/a.txt').click();
  await palette.run('renam');
  await expect(page.getByTestId('rename-dialog')).toBeVisible();
});

test('? opens the shortcuts sheet with exactly the table’s shortcuts; a shortcut works', async ({ page, app }) => {
  const browser = await openPrivate(page, app);
  const palette = new CommandsPage(page);
  const platform = await page.evaluate(() => (navigator.userAgent.includes('Mac') ? 'darwin' : 'linux'));
  await browser.row('private/a.txt').click();
  await page.keyboard.press('?');
  await expect(palette.sheet).toBeVisible();
  const expected = Object.fromEntries(
    commands
      .filter((c) => acceleratorsFor(c, platform).length > 0)
      .map((c) => [c.id, acceleratorsFor(c, platform).map((a) => acceleratorLabel(a, platform))]),
  );
  expect(await palette.sheetRows()).toEqual(expected);
  await page.keyboard.press('Escape');

  // Ctrl/Cmd+I hides the inspector and shows it again.
  await expect(browser.inspector).toBeVisible();
  await page.keyboard.press('ControlOrMeta+i');
  await expect(browser.inspector).toBeHidden();
  await page.keyboard.press('ControlOrMeta+i');
  await expect(browser.inspector).toBeVisible();
  // The listing's own table keys (F2, Delete, Ctrl/Cmd+Shift+C) are the table's, run by the one dispatcher.
  await browser.row('private/a.txt').click();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('rename-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await browser.row('private/a.txt').click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('delete-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await browser.row('private/a.txt').click();
  await page.keyboard.press('ControlOrMeta+Shift+c');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('private/a.txt');
  // Typing in the filter leaves letters and ? alone: no sheet opens.
  await page.keyboard.press('ControlOrMeta+f');
  await expect(page.getByTestId('listing-filter')).toBeFocused();
  await page.keyboard.type('a?');
  await expect(page.getByTestId('listing-filter')).toHaveValue('a?');
  await expect(palette.sheet).toBeHidden();
});

test('the context menu on a row runs Rename, Delete and Copy link from the table', async ({ page, app }) => {
  const browser = await openPrivate(page, app);
  await browser.contextMenu('private/a.txt');
  await expect(browser.menuItem('rename')).toContainText('F2');
  await browser.menuItem('rename').click();
  await expect(page.getByTestId('rename-dialog')).toBeVisible();
  await page.keyboard.press('Escape');

  await browser.chooseFromMenu('private/a.txt', 'delete');
  await expect(page.getByTestId('delete-dialog')).toBeVisible();
  await page.keyboard.press('Escape');

  await browser.chooseFromMenu('private/a.txt', 'copy-link');
  await expect(page.getByTestId('share-toast').last()).toContainText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('a.txt');
});

test('every menu command works through the app:command push event', async ({ page, app }) => {
  test.setTimeout(120_000);
  const palette = new CommandsPage(page);
  const effects: Array<[CommandId, () => Promise<void>]> = [];
  const send = (id: CommandId) => app.sendCommand(id);
  const check = (id: CommandId, effect: () => Promise<void>) => effects.push([id, effect]);

  // Before any connection is open: New connection.
  send('new-connection');
  await expect(page.getByTestId('connection-form')).toBeVisible();
  await page.keyboard.press('Escape');
  const browser = await openPrivate(page, app);

  check('refresh', async () => {
    await testBucket.client.send(new PutObjectCommand({ Bucket: testBucket.bucket, Key: 'private/late.txt', Body: 'late' }));
    send('refresh');
    await expect(browser.row('private/late.txt')).toBeVisible();
  });
  for (const [id, kind] of [
    ['upload-files', 'files'],
    ['upload-folder', 'folder'],
  ] as const) {
    check(id, async () => {
      // A pushed command is no click, and the browser opens its picker only within one: the
      // browser host offers the picker behind a button (Electron shows its native dialog).
      send(id);
      const offer = page.getByTestId('upload-pick-toast').last();
      await expect(offer).toContainText(kind);
      const chooser = page.waitForEvent('filechooser');
      await offer.getByTestId('upload-pick-now').click();
      expect((await chooser).isMultiple()).toBe(true);
    });
  }
  const dialog = (id: CommandId, testId: string) =>
    check(id, async () => {
      await browser.row('private/a.txt').click();
      send(id);
      await expect(page.getByTestId(testId)).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId(testId)).toBeHidden();
    });
  dialog('download', 'download-dialog');
  dialog('new-folder', 'new-folder-dialog');
  dialog('rename', 'rename-dialog');
  dialog('delete', 'delete-dialog');
  check('copy-link', async () => {
    await browser.row('private/b.txt').click();
    send('copy-link');
    await expect(page.getByTestId('share-toast').last()).toContainText('Link copied');
  });
  check('copy-keys', async () => {
    await browser.row('private/b.txt').click();
    send('copy-keys');
    await expect(page.getByTestId('listing-notice')).toContainText('Copied the key.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('private/b.txt');
  });
  check('select-all', async () => {
    await browser.row('private/a.txt').click();
    send('select-all');
    await expect(page.locator('[role="row"][aria-selected="true"]')).toHaveCount(3);
  });
  check('find', async () => {
    send('find');
    await expect(page.getByTestId('listing-filter')).toBeFocused();
    await browser.row('private/a.txt').click();
  });
  check('toggle-inspector', async () => {
    send('toggle-inspector');
    await expect(browser.inspector).toBeHidden();
    send('toggle-inspector');
    await expect(browser.inspector).toBeVisible();
  });
  check('toggle-transfers', async () => {
    send('toggle-transfers');
    await expect(page.getByTestId('transfers-panel')).toHaveAttribute('data-open', 'true');
    send('toggle-transfers');
    await expect(page.getByTestId('transfers-panel')).toHaveAttribute('data-open', 'false');
  });
  check('preferences', async () => {
    send('preferences');
    await expect(page.getByTestId('settings-form')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('settings-form')).toBeHidden();
  });
  // The browser host cannot open a folder (and logs to standard error): it says where the log is.
  check('reveal-logs', async () => {
    send('reveal-logs');
    await expect(page.getByTestId('toast-reveal-logs').last()).toContainText('The log is at');
  });
  check('copy-diagnostics', async () => {
    send('copy-diagnostics');
    await expect(page.getByTestId('toast-copy-diagnostics').last()).toContainText('Diagnostic report copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('Bucket Admin');
  });
  const sheet = (id: CommandId, locator: () => Locator) =>
    check(id, async () => {
      send(id);
      await expect(locator()).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(locator()).toBeHidden();
    });
  sheet('shortcuts', () => palette.sheet);
  sheet('command-palette', () => palette.palette);
  sheet('about', () => palette.about);

  // Every table command has its check (new-connection ran above).
  expect(['new-connection', ...effects.map(([id]) => id)].sort()).toEqual(commands.map((c) => c.id).sort());
  for (const [id, effect] of effects) await test.step(id, effect);

  // A menu command chosen when it cannot run says why instead of doing nothing.
  await browser.row('private/a.txt').click();
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+A' : 'Control+A');
  await expect(page.locator('[role="row"][aria-selected="true"]')).toHaveCount(3);
  send('rename');
  await expect(page.getByTestId('command-refused').last()).toContainText('Rename: Select one item to rename.');
  await expect(page.getByTestId('rename-dialog')).toHaveCount(0);
});
