import { join } from 'node:path';
import { CreateMultipartUploadCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import Database from 'better-sqlite3';
import { ConnectionsPage } from './pages/connections-page';
import { expect, test } from './fixtures';
import { startFaultProxy } from '../support/fault-proxy';
import { fillIndexFromBucket } from '../support/index-fill';
import { createTestBucket } from '../support/s3-test-env';

test('audit: search, snapshot and reports from the index; offline, they still work and S3 actions are disabled', async ({ page, app }) => {
  const tb = await createTestBucket(app.gateway, 'e2e-audit');
  const proxy = await startFaultProxy(app.gateway.endpoint);
  try {
    const dup = 'same bytes '.repeat(50);
    const put = (Key: string, Body: string) => tb.client.send(new PutObjectCommand({ Bucket: tb.bucket, Key, Body }));
    await Promise.all([
      put('private/contracts/leak.pdf', 'x'),
      put('public/site/page.html', '<p>hi</p>'),
      put('public/media/clip.bin', dup),
      put('private/backup/clip-copy.bin', dup),
    ]);
    await tb.client.send(new CreateMultipartUploadCommand({ Bucket: tb.bucket, Key: 'private/uploads/huge.mov' }));

    const connections = new ConnectionsPage(page);
    await connections.add({
      name: 'Audited',
      accessKeyId: app.gateway.accessKeyId,
      secret: app.gateway.secretAccessKey,
      endpoint: proxy.endpoint,
      pathStyle: true,
      checksumCompatibility: true,
    });
    await connections.item('Audited').click();
    const state = new Database(join(app.dataDir, 'state.sqlite'), { readonly: true });
    const { id } = state.prepare('SELECT id FROM connections').get() as { id: string };
    state.close();
    // The sync engine is index-sync's: the test fills the index with one finished sync of the bucket.
    await fillIndexFromBucket(app.dataDir, id, tb.client, tb.bucket);

    await page.getByTestId('nav-audit').click();
    const view = page.getByTestId('audit-view');
    await expect(view).toHaveAttribute('data-online', 'true');
    await expect(page.getByTestId('audit-summary')).toContainText('4 objects');

    // Search as you type.
    await page.getByTestId('audit-search-box').fill('clip');
    await expect(page.getByTestId('audit-results-row')).toHaveCount(2);
    await expect(page.getByTestId('audit-search-count')).toContainText('2 objects');

    // Each report opens; the online one lists the abandoned upload.
    await page.getByTestId('audit-tab-duplicates').click();
    await expect(page.getByTestId('audit-report-rows-row')).toHaveCount(1);
    await expect(page.getByTestId('audit-chart')).toHaveCount(0);
    await page.getByTestId('audit-tab-multipartUploads').click();
    await expect(page.getByTestId('audit-report-rows-row')).toHaveAttribute('data-key', 'private/uploads/huge.mov');
    for (const report of ['exposure', 'cacheHeaders', 'largest', 'storageClass', 'storagePrefix', 'storageExtension', 'changes']) {
      await page.getByTestId(`audit-tab-${report}`).click();
      await expect(page.getByTestId('audit-report')).toHaveAttribute('data-report', report);
      await expect(page.getByTestId('audit-report-count')).toBeVisible();
    }
    await page.getByTestId('audit-tab-storagePrefix').click();
    await expect(page.getByTestId('audit-chart')).toHaveAttribute('data-chart-ready', 'true');
    // The chart is drawn in the theme's colours, and again when the theme changes (a canvas: CSS cannot reach it).
    const textColor = () => page.evaluate(() => getComputedStyle(document.body).color);
    await expect(page.getByTestId('audit-chart')).toHaveAttribute('data-chart-text', await textColor());
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await textColor();
    await expect(page.getByTestId('audit-chart')).toHaveAttribute('data-chart-text', dark);
    expect(dark).not.toBe('rgb(29, 34, 48)');
    await page.emulateMedia({ colorScheme: 'light' });

    // The gateway can no longer be reached.
    await proxy.close();
    await expect(view).toHaveAttribute('data-online', 'false', { timeout: 20_000 });
    await expect(page.getByTestId('audit-offline')).toContainText('Offline since');

    await page.getByTestId('audit-tab-snapshot').click();
    await expect(page.getByTestId('audit-snapshot-folder')).toHaveText([/private\//, /public\//]);
    await page.getByTestId('audit-snapshot-folder').filter({ hasText: 'public/' }).click();
    await expect(page.getByTestId('audit-snapshot-folder')).toHaveText([/media\//, /site\//]);

    await page.getByTestId('audit-tab-search').click();
    await page.getByTestId('audit-search-box').fill('leak');
    await expect(page.getByTestId('audit-search-count')).toContainText(/^1 object/);
    await expect(page.getByTestId('audit-results-row')).toHaveAttribute('data-key', 'private/contracts/leak.pdf');

    await page.getByTestId('audit-tab-largest').click();
    await expect(page.getByTestId('audit-report-rows-row')).toHaveCount(4);

    await page.getByTestId('audit-tab-multipartUploads').click();
    await expect(page.getByTestId('audit-report-disabled')).toContainText('Needs the server');
    await expect(page.getByTestId('audit-abort-all')).toBeDisabled();
  } finally {
    await proxy.close().catch(() => undefined);
    await tb.cleanup();
  }
});
