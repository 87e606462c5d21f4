/// <reference lib="dom" />
import { GetBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createTestBucket, type TestBucket } from '../support/s3-test-env';
import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { BucketHealthPage } from './pages/bucket-health-page';
import { connectToGateway } from './pages/gateway-connection';

test.use({ viewport: { width: 1400, height: 1000 } });

let testBucket: TestBucket | undefined;

function bucketOf(b: TestBucket | undefined): TestBucket {
  if (!b) throw new Error('The test bucket was not created.');
  return b;
}

test.beforeEach(async ({ app }) => {
  testBucket = await createTestBucket(app.gateway, 'e2e-health');
});

test.afterEach(async () => {
  await testBucket?.cleanup();
  testBucket = undefined;
});

test('the health panel previews the public-read policy, applies it, answers anew, and undoes it', async ({ page, app }) => {
  const { bucket, client } = bucketOf(testBucket);
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'public/poster.jpg', Body: 'jpeg', ACL: 'private' }));
  await connectToGateway(page, app);
  await new BrowserPage(page).openBucket(bucket);
  const health = new BucketHealthPage(page);
  await health.open();
  // Ceph RGW takes object ACLs; no policy opens public/ yet.
  await expect(health.publicAnswer).toHaveAttribute('data-public-by', 'objectAcls');
  await expect(health.panel.getByTestId('health-capabilities').locator('[data-capability="objectOwnership"]')).toHaveAttribute(
    'data-status',
    'notSupported',
  );

  await health.previewFix('publicReadPolicy');
  const shown = await health.preview.getByTestId('health-preview-next').textContent();
  const previewed = JSON.parse(shown ?? '') as { Statement: { Sid: string; Resource: string }[] };
  expect(previewed.Statement).toEqual([
    expect.objectContaining({ Sid: 'BucketAdminPublicRead', Resource: `arn:aws:s3:::${bucket}/public/*` }),
  ]);
  // Nothing is written before the confirm.
  await expect(client.send(new GetBucketPolicyCommand({ Bucket: bucket }))).rejects.toMatchObject({ name: 'NoSuchBucketPolicy' });

  await health.applyPreviewed();
  await expect(health.publicAnswer).toHaveAttribute('data-public-by', 'objectAcls bucketPolicy');
  await expect(health.publicAnswer).toContainText('BucketAdminPublicRead');
  const written = (await client.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy ?? '';
  expect(JSON.parse(written)).toEqual(previewed);
  const anonymous = await fetch(`${app.gateway.endpoint}/${bucket}/public/poster.jpg`, { signal: AbortSignal.timeout(15_000) });
  expect(anonymous.status).toBe(200);

  await health.undo('publicReadPolicy');
  await expect(health.publicAnswer).toHaveAttribute('data-public-by', 'objectAcls');
  await expect(client.send(new GetBucketPolicyCommand({ Bucket: bucket }))).rejects.toMatchObject({ name: 'NoSuchBucketPolicy' });
});
