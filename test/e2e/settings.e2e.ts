/// <reference lib="dom" />
import { expect, test } from './fixtures';

test('the theme chosen in Settings applies at once and after a reload; a setting is kept; a bad value shows the schema message', async ({
  page,
  app,
}) => {
  expect(app.dataDir).toBeTruthy();
  await page.emulateMedia({ colorScheme: 'light' });
  const html = page.locator('html');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const lightBackground = await background();

  await page.getByTestId('nav-settings').click();
  const sheet = page.getByRole('dialog', { name: 'Settings' });
  await expect(sheet).toContainText('telemetry-free by design');
  await sheet.getByTestId('settings-theme-dark').check();
  await sheet.getByTestId('settings-parallel').fill('3');
  await sheet.getByTestId('settings-save').click();
  await expect(sheet).toBeHidden();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await background()).not.toBe(lightBackground);

  await page.reload();
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('nav-settings').click();
  await expect(sheet.getByTestId('settings-parallel')).toHaveValue('3');
  await expect(sheet.getByTestId('settings-theme-dark')).toBeChecked();

  // Out of range: the contract schema's own words, next to the field; nothing is saved.
  await sheet.getByTestId('settings-parallel').fill('40');
  await sheet.getByTestId('settings-bandwidth-on').check();
  await sheet.getByTestId('settings-bandwidth').fill('0');
  await sheet.getByTestId('settings-save').click();
  await expect(sheet).toContainText('Parallel transfers can be at most 16.');
  await expect(sheet).toContainText('The limit must be at least 0.1 MiB/s; turn it off for no limit.');
  await expect(sheet.getByTestId('settings-parallel')).toHaveAttribute('aria-invalid', 'true');

  // Back to the system theme: data-theme goes, the page follows prefers-color-scheme.
  await sheet.getByTestId('settings-parallel').fill('3');
  await sheet.getByTestId('settings-bandwidth-on').uncheck();
  await sheet.getByTestId('settings-theme-system').check();
  await sheet.getByTestId('settings-save').click();
  await expect(sheet).toBeHidden();
  await expect(html).not.toHaveAttribute('data-theme', /./);
  expect(await background()).toBe(lightBackground);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background()).not.toBe(lightBackground);
});

test('Help & diagnostics says where the log is and copies a report without secrets', async ({ page, app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await page.getByTestId('nav-settings').click();
  const sheet = page.getByRole('dialog', { name: 'Settings' });
  await sheet.getByTestId('settings-reveal-logs').click();
  await expect(sheet.getByTestId('settings-help-status')).toContainText('The log is at standard error');
  await sheet.getByTestId('settings-copy-diagnostics').click();
  await expect(sheet.getByTestId('settings-help-status')).toContainText('Diagnostic report copied');
  const report = await page.evaluate(() => navigator.clipboard.readText());
  expect(report).toContain('Bucket Admin');
  expect(report).toContain('parallelTransfers: 16');
  expect(report).not.toContain(app.gateway.secretAccessKey);
});
