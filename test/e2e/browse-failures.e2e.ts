/// <reference lib="dom" />
import { createServer, connect, type Server, type Socket } from 'node:net';
import { DeleteBucketCommand, PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { createTestBucket, emptyBucket, putObjects, type TestBucket } from '../support/s3-test-env';
import { forEachConcurrent } from '../../src/shared/concurrency';
import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { ConnectionsPage } from './pages/connections-page';
import { connectToGateway } from './pages/gateway-connection';

test.use({ viewport: { width: 1600, height: 900 } });

test('a bucket deleted meanwhile shows what happened, and the rest of the app stays usable', async ({ page, app }) => {
  const doomed = await createTestBucket(app.gateway, 'e2e-doomed');
  const other = await createTestBucket(app.gateway, 'e2e-other');
  try {
    await putObjects(doomed.client, doomed.bucket, { 'public/a.txt': 'a' });
    await putObjects(other.client, other.bucket, { 'public/still-here.txt': 'b' });
    await connectToGateway(page, app);
    const browser = new BrowserPage(page);
    await browser.openBucket(doomed.bucket);
    await browser.openRoot('public');
    await expect(browser.row('public/a.txt')).toBeVisible();

    await emptyBucket(doomed.client, doomed.bucket);
    await doomed.client.send(new DeleteBucketCommand({ Bucket: doomed.bucket }));
    await page.getByTestId('listing-refresh').click();
    const error = page.getByTestId('listing-error');
    await expect(error).toContainText(/could not be listed/i);
    await expect(error).toContainText(/bucket/i);
    await expect(page.getByTestId('listing-retry')).toBeEnabled();

    // Everything else still works: another bucket opens and lists.
    await browser.openBucket(other.bucket);
    await browser.openRoot('public');
    await expect(browser.row('public/still-here.txt')).toBeVisible();
    await expect(page.getByTestId('listing-error')).toHaveCount(0);
  } finally {
    await other.cleanup();
    await doomed.cleanup().catch(() => undefined);
  }
});

test('access denied on one folder is shown for that folder only', async ({ page, app }) => {
  const testBucket: TestBucket = await createTestBucket(app.gateway, 'e2e-denied');
  try {
    const { bucket, client } = testBucket;
    await putObjects(client, bucket, { 'private/secret/plan.txt': 'x', 'private/open/ok.txt': 'y' });
    await client.send(
      new PutBucketPolicyCommand({
        Bucket: bucket,
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:ListBucket',
              Resource: `arn:aws:s3:::${bucket}`,
              Condition: { StringLike: { 's3:prefix': 'private/secret/*' } },
            },
          ],
        }),
      }),
    );
    await connectToGateway(page, app);
    const browser = new BrowserPage(page);
    await browser.openBucket(bucket);
    await browser.openRoot('private');
    await browser.openFolder('private/secret/');
    await expect(page.getByTestId('listing-error')).toContainText(/access|denied|permission/i);
    await page.keyboard.press('Backspace');
    await browser.expectFolder('private/');
    await browser.openFolder('private/open/');
    await expect(browser.row('private/open/ok.txt')).toBeVisible();
  } finally {
    await testBucket.client
      .send(
        new PutBucketPolicyCommand({
          Bucket: testBucket.bucket,
          Policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${testBucket.bucket}/none/*` }],
          }),
        }),
      )
      .catch(() => undefined);
    await testBucket.cleanup();
  }
});

/** A TCP relay to the gateway that the test can cut, as if the network went away. */
async function startRelay(target: URL): Promise<{ port: number; setDown: (down: boolean) => void; close: () => Promise<void> }> {
  let down = false;
  let armed = true;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.on('data', (chunk: Buffer) => {
      // The second page of a listing (the first request with a continuation token) finds the network gone.
      if (armed && chunk.toString('latin1').includes('continuation-token=')) down = true;
      if (down) {
        for (const s of sockets) s.destroy();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    setDown: (value) => {
      down = value;
      armed = false;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

test('the network going away mid-listing keeps the rows so far, says so, and Retry resumes', async ({ page, app }) => {
  test.setTimeout(120_000);
  const testBucket = await createTestBucket(app.gateway, 'e2e-netgone');
  const relay = await startRelay(new URL(app.gateway.endpoint));
  try {
    const { bucket, client } = testBucket;
    const keys = Array.from({ length: 1500 }, (_, i) => `public/f-${String(i).padStart(4, '0')}.txt`);
    await forEachConcurrent(keys, 16, (key) => putObjects(client, bucket, { [key]: key }));

    const connections = new ConnectionsPage(page);
    await connections.add({
      name: 'Flaky network',
      accessKeyId: app.gateway.accessKeyId,
      secret: app.gateway.secretAccessKey,
      endpoint: `http://127.0.0.1:${relay.port}`,
      pathStyle: true,
      checksumCompatibility: true,
      bucket,
    });
    await connections.item('Flaky network').click();
    const browser = new BrowserPage(page);
    await browser.openBucket(bucket);
    await browser.openRoot('public');

    await expect(page.getByTestId('listing-error')).toBeVisible({ timeout: 60_000 });
    await expect(browser.grid).toHaveAttribute('data-row-count', '1000');
    await expect(browser.row('public/f-0000.txt')).toBeVisible();
    await expect(browser.status).toHaveText('1,000 items');

    relay.setDown(false);
    await page.getByTestId('listing-retry').click();
    await expect(browser.grid).toHaveAttribute('data-row-count', '1500');
    await expect(page.getByTestId('listing-error')).toHaveCount(0);
  } finally {
    await relay.close();
    await testBucket.cleanup();
  }
});
