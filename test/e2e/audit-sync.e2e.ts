import { PutObjectCommand } from '@aws-sdk/client-s3';
import { expectNoSeriousA11yViolations } from './pages/axe-check';
import { ConnectionsPage } from './pages/connections-page';
import { expect, test } from './fixtures';
import { createTestBucket } from '../support/s3-test-env';
import { listForInventory, makeInventory, putInventory } from '../integration/index/support/inventory-maker';

test('audit: a bucket is synced into the index from the audit view with its progress shown, and its inventory report found and imported', async ({
  page,
  app,
}) => {
  const tb = await createTestBucket(app.gateway, 'e2e-audit-sync');
  const reports = await createTestBucket(app.gateway, 'e2e-audit-inventory');
  try {
    await Promise.all(
      ['public/a.jpg', 'public/b.jpg', 'private/c.pdf'].map((Key) =>
        tb.client.send(new PutObjectCommand({ Bucket: tb.bucket, Key, Body: Key })),
      ),
    );
    const connections = new ConnectionsPage(page);
    await connections.add({
      name: 'Synced',
      accessKeyId: app.gateway.accessKeyId,
      secret: app.gateway.secretAccessKey,
      endpoint: app.gateway.endpoint,
      pathStyle: true,
      checksumCompatibility: true,
    });
    await connections.item('Synced').click();
    await page.getByTestId('nav-audit').click();
    await expect(page.getByTestId('audit-empty')).toBeVisible();
    await page.getByTestId('audit-sync-bucket').fill(tb.bucket);
    await expect(page.getByTestId('audit-import-inventory')).toBeEnabled();
    await page.getByTestId('audit-sync-start').click();
    const progress = page.getByTestId('audit-sync-progress');
    await expect(progress).toHaveAttribute('data-state', 'done');
    await expect(progress).toContainText('3 objects');
    await expect(page.getByTestId('audit-summary')).toContainText('3 objects');
    // An inventory report of the bucket in another bucket, in S3's layout; the user finds and imports it.
    const report = makeInventory(tb.bucket, reports.bucket, await listForInventory(tb.client, tb.bucket), 'CSV', 1, '2026-12-01T06-15Z');
    await putInventory(reports.client, reports.bucket, report);
    await page.getByTestId('audit-import-inventory').click();
    const dialog = page.getByRole('dialog', { name: `Import the S3 Inventory of ${tb.bucket}` });
    // Ceph lists no inventory configurations: the dialog says what to do instead.
    await expect(dialog.getByTestId('inventory-none')).toContainText('name the bucket and prefix');
    await expect(dialog.getByTestId('inventory-import-report')).toBeDisabled();
    // The browser host has no folder dialog: choosing a folder says so instead of failing silently.
    await dialog.getByTestId('inventory-import-folder').click();
    await expect(dialog.getByRole('alert')).toContainText('cannot open a folder dialog: import the report from its destination bucket');
    await dialog.getByLabel('Destination bucket', { exact: true }).fill(reports.bucket);
    await dialog.getByTestId('inventory-find').click();
    await expect(dialog.getByTestId('inventory-reports')).toContainText(`s3://${reports.bucket}/${report.manifestKey}`);
    await expect(dialog.getByRole('radio')).toBeChecked();
    await expectNoSeriousA11yViolations(page, 'the inventory import dialog');
    await dialog.getByTestId('inventory-import-report').click();
    await expect(dialog).toBeHidden();
    await expect(progress).toContainText('Inventory done: 3 objects');
  } finally {
    await tb.cleanup();
    await reports.cleanup();
  }
});
