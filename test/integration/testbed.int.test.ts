// Proves the Ceph RGW test bed enforces the S3 behaviour the app relies on:
// object ACLs for anonymous reads, SigV4 presigned URLs, and that the per-test
// bucket helper really cleans up. Needs the gateway from
// test/support/vitest-global-setup.ts (or `npx tsx src/main/local-gateway/cli.ts start`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { checkStoreHealth } from '../../src/main/local-gateway/ceph-gateway';
import { type TestBucket, createTestBucket, gatewayFromState, putObjects, s3ClientFor } from '../support/s3-test-env';

const handle = gatewayFromState();
const objectUrl = (bucket: string, key: string): string => `${handle.endpoint}/${bucket}/${key}`;
const get = (url: string): Promise<Response> => fetch(url, { signal: AbortSignal.timeout(10_000) });

// Created at collection time, so a dead gateway fails the file with the helper's message.
const tb: TestBucket = await createTestBucket(handle, 'testbed');

describe('S3 test bed (Ceph RGW)', () => {
  beforeAll(async () => {
    await putObjects(tb.client, tb.bucket, [
      { key: 'public/hello.txt', body: 'hello, world', acl: 'public-read' },
      { key: 'private/secret.txt', body: 'top secret' },
    ]);
  });

  afterAll(async () => {
    await tb.cleanup();
  });

  it('serves a public-read object to an anonymous GET', async () => {
    const res = await get(objectUrl(tb.bucket, 'public/hello.txt'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('hello, world');
  });

  it('refuses an anonymous GET of a private object', async () => {
    const res = await get(objectUrl(tb.bucket, 'private/secret.txt'));
    expect(res.status).toBe(403);
    await res.body?.cancel();
  });

  it('honours a presigned GET and rejects a tampered one', async () => {
    const url = await getSignedUrl(tb.client, new GetObjectCommand({ Bucket: tb.bucket, Key: 'private/secret.txt' }), {
      expiresIn: 60,
    });
    const ok = await get(url);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('top secret');

    // Flip the last hex digit of the signature.
    const tampered = new URL(url);
    const sig = tampered.searchParams.get('X-Amz-Signature') ?? '';
    tampered.searchParams.set('X-Amz-Signature', sig.slice(0, -1) + (sig.endsWith('0') ? '1' : '0'));
    const bad = await get(tampered.toString());
    expect(bad.status).toBe(403);
    await bad.body?.cancel();

    // The same signature must not open a different key.
    const otherKey = new URL(url.replace('private/secret.txt', 'public/hello.txt'));
    const wrong = await get(otherKey.toString());
    expect(wrong.status).toBe(403);
    await wrong.body?.cancel();
  });

  it('keeps the ballast out of sight and the store counter sane', async () => {
    const { Buckets = [] } = await tb.client.send(new ListBucketsCommand({}));
    expect(Buckets.map((b) => b.Name)).not.toContain('testbed-ballast');
    const store = await checkStoreHealth(handle);
    expect(store.wrapped).toBe(false);
    expect(store.ok).toBe(true);
  });

  it('cleanup removes versions and unfinished multipart uploads, then the bucket', async () => {
    const vb = await createTestBucket(handle, 'cleanup', { versioning: true });
    await putObjects(vb.client, vb.bucket, { a: '1', b: '2' });
    await putObjects(vb.client, vb.bucket, { a: '1 again' }); // second version of a
    await vb.client.send(new CreateMultipartUploadCommand({ Bucket: vb.bucket, Key: 'unfinished' }));

    // Quirk of RGW 16.2: CompleteMultipartUpload answers with an empty ETag.
    const mpu = await vb.client.send(new CreateMultipartUploadCommand({ Bucket: vb.bucket, Key: 'finished' }));
    const part = await vb.client.send(
      new UploadPartCommand({ Bucket: vb.bucket, Key: 'finished', UploadId: mpu.UploadId, PartNumber: 1, Body: 'x' }),
    );
    const done = await vb.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: vb.bucket,
        Key: 'finished',
        UploadId: mpu.UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
      }),
    );
    expect(done.ETag ?? '').toBe('');

    await vb.cleanup();
    const probe = s3ClientFor(handle);
    try {
      await expect(probe.send(new HeadBucketCommand({ Bucket: vb.bucket }))).rejects.toMatchObject({ name: 'NotFound' });
    } finally {
      probe.destroy();
    }
  });

  it('round-trips a binary object with the bed client settings', async () => {
    await tb.client.send(new PutObjectCommand({ Bucket: tb.bucket, Key: 'private/bin', Body: new Uint8Array(1024) }));
    const res = await tb.client.send(new GetObjectCommand({ Bucket: tb.bucket, Key: 'private/bin' }));
    expect((await res.Body?.transformToByteArray())?.length).toBe(1024);
  });
});
