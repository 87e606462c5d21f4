// The copy engine as header edits will use it: onto the object's own key, with new headers
// (MetadataDirective: REPLACE), pinned to the ETag the user saw; in one CopyObject and by
// multipart copy (threshold shrunk so a 12 MiB object takes that path).
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { jobAclState } from '../../../src/main/core/access/capabilities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyObject, defaultCopyTuning, type CopyObjectRequest } from '../../../src/main/core/objects/object-copier';
import { MiB } from '../../../src/main/core/s3/part-size';
import type { GatewayHandle } from '../../../src/main/local-gateway/ceph-gateway';
import { createTestBucket, gatewayFromState, type TestBucket } from '../../support/s3-test-env';

let gw: GatewayHandle;
let tb: TestBucket;

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'objects-copy');
});
afterAll(() => tb.cleanup());

const multipart = { ...defaultCopyTuning, multipartThreshold: 6 * MiB, partBytes: 5 * MiB };

async function put(key: string, body: Buffer | string): Promise<string> {
  const out = await tb.client.send(
    new PutObjectCommand({
      Bucket: tb.bucket,
      Key: key,
      Body: body,
      ContentType: 'video/quicktime',
      CacheControl: 'max-age=60',
      Metadata: { take: '3' },
      ACL: 'public-read',
    }),
  );
  return out.ETag ?? '';
}

function inPlace(key: string, extra: Partial<CopyObjectRequest>): CopyObjectRequest {
  return {
    bucket: tb.bucket,
    sourceKey: key,
    destinationKey: key,
    endpoint: gw.endpoint,
    acl: jobAclState(),
    tuning: defaultCopyTuning,
    ...extra,
  };
}

async function bytesOf(key: string): Promise<Buffer> {
  const out = await tb.client.send(new GetObjectCommand({ Bucket: tb.bucket, Key: key }));
  return Buffer.from((await out.Body?.transformToByteArray()) ?? []);
}

describe('copying an object onto its own key with new headers', () => {
  it.each([
    ['one CopyObject', 'public/small.mov', Buffer.from('small movie'), defaultCopyTuning, /^"[0-9a-f]{32}"$/],
    ['multipart copy', 'public/big.mov', Buffer.alloc(12 * MiB, 5), multipart, /-3"$/],
  ])('replaces the headers it is given and keeps the rest, the bytes and the ACL (%s)', async (_how, key, body, tuning, etag) => {
    const seen = await put(key, body);
    await copyObject(
      tb.client,
      inPlace(key, { tuning, ifMatch: seen, replaceHeaders: (kept) => ({ ...kept, CacheControl: 'public, max-age=86400' }) }),
    );
    const head = await tb.client.send(new HeadObjectCommand({ Bucket: tb.bucket, Key: key }));
    expect(head).toMatchObject({
      ContentLength: body.length,
      ContentType: 'video/quicktime',
      CacheControl: 'public, max-age=86400',
      Metadata: { take: '3' },
    });
    expect(head.ETag).toMatch(etag);
    expect((await bytesOf(key)).equals(body)).toBe(true);
    const anonymous = await fetch(`${gw.endpoint}/${tb.bucket}/${key}`, { method: 'HEAD', signal: AbortSignal.timeout(10_000) });
    expect(anonymous.status).toBe(200);
  });

  it('refuses when the object is no longer the version the caller saw, and leaves it as it is', async () => {
    const seen = await put('public/edited.mov', 'first take');
    await put('public/edited.mov', 'second take');
    await expect(
      copyObject(
        tb.client,
        inPlace('public/edited.mov', { ifMatch: seen, replaceHeaders: (kept) => ({ ...kept, CacheControl: 'no-store' }) }),
      ),
    ).rejects.toMatchObject({ code: 'Conflict', message: expect.stringContaining('changed since it was read') as string });
    const head = await tb.client.send(new HeadObjectCommand({ Bucket: tb.bucket, Key: 'public/edited.mov' }));
    expect(head.CacheControl).toBe('max-age=60');
    expect((await bytesOf('public/edited.mov')).toString()).toBe('second take');
  });
});
