/// <reference lib="dom" />
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createTestBucket, s3ClientFor } from '../support/s3-test-env';
import { expect, test, type AppHarness } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { ConnectionsPage, type KeysConnection } from './pages/connections-page';

function gatewayConnection(app: AppHarness, overrides: Partial<KeysConnection> = {}): KeysConnection {
  return {
    name: 'Local gateway',
    accessKeyId: app.gateway.accessKeyId,
    secret: app.gateway.secretAccessKey,
    endpoint: app.gateway.endpoint,
    pathStyle: true,
    checksumCompatibility: true,
    ...overrides,
  };
}

test('a user adds a connection, sees the bucket and opens public/ and private/', async ({ page, app }) => {
  const testBucket = await createTestBucket(app.gateway, 'e2e-roots');
  const { bucket } = testBucket;
  try {
    const s3 = s3ClientFor(app.gateway);
    for (const key of ['public/media/intro.mp4', 'public/logo.png', 'private/contracts/acme.pdf', 'other/readme.txt']) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `bytes of ${key}` }));
    }
    const connections = new ConnectionsPage(page);
    await connections.fill(gatewayConnection(app));
    const result = await connections.test();
    await expect(result).toHaveAttribute('data-ok', 'true');
    await expect(result).toContainText('Connected');
    await connections.save();

    await connections.item('Local gateway').click();
    const browser = new BrowserPage(page);
    await browser.openBucket(bucket);
    await expect(page.getByTestId('root-public')).toContainText(/served to the world/i);
    await expect(page.getByTestId('root-private')).toContainText(/never public/i);

    await browser.openRoot('public');
    await expect(browser.row('public/media/')).toBeVisible();
    await expect(browser.row('public/logo.png')).toBeVisible();
    await browser.row('public/media/').dblclick();
    await expect(browser.row('public/media/intro.mp4')).toBeVisible();

    await page.getByTestId('breadcrumb-item').first().click();
    await browser.openRoot('private');
    await expect(browser.row('private/contracts/')).toBeVisible();
    await expect(browser.row('public/logo.png')).toHaveCount(0);
  } finally {
    await testBucket.cleanup();
  }
});

test('a connection set to the AWS SDK transfer engine keeps that setting, and fast is the default', async ({ page, app }) => {
  const connections = new ConnectionsPage(page);
  await connections.fill(gatewayConnection(app, { name: 'Fussy server' }));
  await expect(connections.form.getByTestId('field-transfer-engine')).toHaveValue('fast');
  await connections.form.getByTestId('field-transfer-engine').selectOption('sdk');
  await expect(connections.form.getByText(/choose AWS SDK/)).toBeVisible();
  await connections.save();
  await connections.item('Fussy server').getByTestId('connection-edit').click();
  await expect(connections.form.getByTestId('field-transfer-engine')).toHaveValue('sdk');
});

test('a wrong secret is reported in plain words', async ({ page, app }) => {
  const connections = new ConnectionsPage(page);
  await connections.fill(gatewayConnection(app, { secret: 'definitely-not-the-secret' }));
  const result = await connections.test();
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(result).toContainText(/secret access key is wrong/i);
});

test('a wrong access key ID is reported in plain words', async ({ page, app }) => {
  const connections = new ConnectionsPage(page);
  await connections.fill(gatewayConnection(app, { accessKeyId: 'NOSUCHKEY12345' }));
  const result = await connections.test();
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(result).toContainText(/does not know this access key/i);
});

test('the secret never reaches the renderer', async ({ page, app }) => {
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
  // Reload so the listener sees the app's socket from its first frame.
  await page.reload();
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();

  const connections = new ConnectionsPage(page);
  await connections.add(gatewayConnection(app));
  // The renderer knows the key id only masked, in the item's tooltip (issue 13 item 5 keeps the subtitle short).
  await expect(connections.item('Local gateway').getByTestId('connection-select')).toHaveAttribute(
    'title',
    new RegExp(`Credentials: ${app.gateway.accessKeyId.slice(0, 4)}`),
  );

  // Edit: the secret field starts empty, and testing reuses the stored secret in main.
  await connections.item('Local gateway').getByTestId('connection-edit').click();
  await expect(connections.form.getByTestId('field-secret')).toHaveValue('');
  await expect(await connections.test()).toHaveAttribute('data-ok', 'true');

  expect(frames.length).toBeGreaterThan(3);
  const received = frames.join('\n');
  expect(received).not.toContain(app.gateway.secretAccessKey);
  expect(received).not.toContain(app.gateway.accessKeyId);
  const pageText = await page.evaluate(
    () =>
      document.documentElement.outerHTML + JSON.stringify(Object.entries(localStorage)) + JSON.stringify(Object.entries(sessionStorage)),
  );
  expect(pageText).not.toContain(app.gateway.secretAccessKey);
});
