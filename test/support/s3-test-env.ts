// Helpers for tests that talk to the Ceph RGW test bed started by the
// Vitest/Playwright global setup or `npx tsx src/main/local-gateway/cli.ts start`.
// Each test gets its own bucket, so tests can run in parallel and never see
// each other's objects.
import { randomBytes } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  type ObjectCannedACL,
  PutBucketVersioningCommand,
  PutObjectCommand,
  ListMultipartUploadsCommand,
  type ListMultipartUploadsCommandOutput,
  ListObjectVersionsCommand,
  type ListObjectVersionsCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { type GatewayHandle, checkStoreHealth } from '../../src/main/local-gateway/ceph-gateway';
import { makeS3Client } from '../../src/main/local-gateway/s3-client';
import { readState, stateFilePath } from '../../src/main/local-gateway/state';

export type { GatewayHandle } from '../../src/main/local-gateway/ceph-gateway';

/** The running gateway, from $RGW_STATE_FILE or <repo>/.rgw/state.json. */
export function gatewayFromState(): GatewayHandle {
  const file = stateFilePath();
  const handle = readState(file);
  if (!handle) {
    throw new Error(
      `No S3 test gateway: ${file} does not exist. Run the tests through the Vitest/Playwright ` +
        `global setup (test/support/*-global-setup.ts) or start one with ` +
        `\`npx tsx src/main/local-gateway/cli.ts start\`.`,
    );
  }
  return handle;
}

/**
 * An S3Client for the test user. Every call is bounded (connect, time to
 * response headers, body idle: `timeoutMs`, default 15 s) so a stalled
 * gateway fails the test instead of hanging the run. Four attempts, not the
 * bed's two: a test's own set-up and checks are not what it tests, and a
 * kept-alive socket the gateway closes as it is reused ("socket hang up",
 * seen once in CI while checking 5,000 objects) must not fail a run.
 */
export function s3ClientFor(handle: GatewayHandle, opts: { timeoutMs?: number } = {}): S3Client {
  return makeS3Client(handle, { maxAttempts: 4, ...opts });
}

export interface TestBucket {
  bucket: string;
  /** Client for the test user; destroyed by cleanup() if createTestBucket made it. */
  client: S3Client;
  /** Deletes every object, version, delete marker and unfinished multipart upload, then the bucket. */
  cleanup(): Promise<void>;
}

/** A bucket name like `t-<label>-<8 hex>`: lowercase, DNS-safe, at most 63 chars. */
export function testBucketName(label: string): string {
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)
    .replace(/-$/, '');
  return `t-${slug || 'x'}-${randomBytes(4).toString('hex')}`;
}

export async function createTestBucket(
  handle: GatewayHandle,
  label: string,
  opts: { client?: S3Client; versioning?: boolean } = {},
): Promise<TestBucket> {
  // A wrapped store counter makes the OSD drop writes silently; say so up front.
  const store = await checkStoreHealth(handle);
  if (store.wrapped)
    throw new Error(`S3 test gateway is stalled: ${store.problem} (npx tsx src/main/local-gateway/cli.ts stop, then rerun)`);
  const client = opts.client ?? s3ClientFor(handle);
  const bucket = testBucketName(label);
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  if (opts.versioning) {
    await client.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  }
  return {
    bucket,
    client,
    cleanup: async () => {
      try {
        await emptyBucket(client, bucket);
        await client.send(new DeleteBucketCommand({ Bucket: bucket }));
      } finally {
        if (!opts.client) client.destroy();
      }
    },
  };
}

/** Removes all content of a bucket: unfinished multipart uploads, objects, versions, delete markers. */
export async function emptyBucket(client: S3Client, bucket: string): Promise<void> {
  // These two listings have no SDK paginators (two-part markers), hence the loops.
  let keyMarker: string | undefined;
  let uploadIdMarker: string | undefined;
  do {
    const page: ListMultipartUploadsCommandOutput = await client.send(
      new ListMultipartUploadsCommand({ Bucket: bucket, KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker }),
    );
    for (const u of page.Uploads ?? []) {
      await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.Key, UploadId: u.UploadId }));
    }
    [keyMarker, uploadIdMarker] = page.IsTruncated ? [page.NextKeyMarker, page.NextUploadIdMarker] : [undefined, undefined];
  } while (keyMarker !== undefined);
  // ListObjectVersions also lists plain objects of unversioned buckets (VersionId "null").
  let versionIdMarker: string | undefined;
  do {
    const page: ListObjectVersionsCommandOutput = await client.send(
      new ListObjectVersionsCommand({ Bucket: bucket, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker }),
    );
    const entries = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map((v) => ({ Key: v.Key, VersionId: v.VersionId }));
    if (entries.length > 0) {
      // A page holds at most 1000 entries, the DeleteObjects limit.
      const res = await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: entries, Quiet: true } }));
      const failed = res.Errors ?? [];
      if (failed.length > 0)
        throw new Error(`emptying ${bucket}: ${failed.length} deletes failed, e.g. ${failed[0]?.Key}: ${failed[0]?.Code}`);
    }
    [keyMarker, versionIdMarker] = page.IsTruncated ? [page.NextKeyMarker, page.NextVersionIdMarker] : [undefined, undefined];
  } while (keyMarker !== undefined);
}

export interface TestObject {
  key: string;
  body: string | Uint8Array;
  contentType?: string;
  acl?: ObjectCannedACL;
}

/** Puts objects given as `{ key: body }` or as a list with content type / ACL. */
export async function putObjects(
  client: S3Client,
  bucket: string,
  objects: Record<string, string | Uint8Array> | TestObject[],
): Promise<void> {
  const list: TestObject[] = Array.isArray(objects) ? objects : Object.entries(objects).map(([key, body]) => ({ key, body }));
  await Promise.all(
    list.map((o) =>
      client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: o.key,
          Body: o.body,
          ContentType: o.contentType ?? (typeof o.body === 'string' ? 'text/plain; charset=utf-8' : 'application/octet-stream'),
          ...(o.acl ? { ACL: o.acl } : {}),
        }),
      ),
    ),
  );
}
