import { PutObjectCommand } from '@aws-sdk/client-s3';
import { ConnectionsPage } from './pages/connections-page';
import { expect, test } from './fixtures';
import { createTestBucket } from '../support/s3-test-env';

test('audit: a bucket is synced into the index from the audit view, with its progress shown', async ({ page, app }) => {
  const tb = await createTestBucket(app.gateway, 'e2e-audit-sync');
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
    // The browser host has no folder dialog: the import says so instead of failing silently.
    await page.getByTestId('audit-import-inventory').click();
    await expect(page.getByTestId('audit-sync-error')).toContainText('dialog');
  } finally {
    await tb.cleanup();
  }
});
