import { S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { planDownload } from '../../../src/main/core/share/link-plan';
import { unsignedResource } from '../../../src/main/core/share/object-url';
import { presignGet, presignPut } from '../../../src/main/core/share/presign';

const clients: S3Client[] = [];
function client(config: { region: string; endpoint?: string; forcePathStyle?: boolean; checksums?: boolean }): S3Client {
  const c = new S3Client({
    region: config.region,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle ?? false,
    ...(config.checksums === false ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
  });
  clients.push(c);
  return c;
}
afterEach(() => clients.splice(0).forEach((c) => c.destroy()));

// Key encoding, CDN bases and bucket addresses: test/unit/s3/public-url.test.ts.
describe('ledger URLs', () => {
  it('keeps only scheme, host and path for the ledger', () => {
    expect(unsignedResource('http://h:1/b/k%20x?X-Amz-Signature=abc#frag')).toBe('http://h:1/b/k%20x');
  });
});

describe('presigned URLs carry no SDK checksum parameters', () => {
  const signingDate = new Date();
  it.each([true, false])('with default checksums=%s', async (checksums) => {
    const c = client({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9000', forcePathStyle: true, checksums });
    const put = new URL(await presignPut(c, { bucket: 'b', key: 'private/k', seconds: 60, signingDate, contentType: 'image/png' }));
    const get = new URL(await presignGet(c, { bucket: 'b', key: 'private/k', seconds: 60, signingDate, contentDisposition: 'inline' }));
    for (const url of [put, get]) {
      expect([...url.searchParams.keys()].filter((k) => /checksum/i.test(k))).toEqual([]);
      expect(url.searchParams.get('X-Amz-Expires')).toBe('60');
    }
    // Content-Type stays a signed header, so an upload must send exactly that type.
    expect(put.searchParams.get('X-Amz-SignedHeaders')).toBe('content-type;host');
    expect(get.searchParams.get('response-content-disposition')).toBe('inline');
  });
});

describe('planDownload', () => {
  const roots = { public: 'public/', private: 'private/' };
  it('public root: plain URL (CDN when configured); anything else: presigned', () => {
    expect(planDownload({ roots }, { key: 'public/a.jpg', mode: 'auto' })).toEqual({ kind: 'public', route: 'endpoint' });
    expect(planDownload({ roots, publicBaseUrl: 'https://cdn' }, { key: 'public/a.jpg', mode: 'auto' })).toEqual({
      kind: 'public',
      route: 'cdn',
    });
    expect(planDownload({ roots }, { key: 'private/a.jpg', mode: 'auto' })).toEqual({ kind: 'get', route: 'presigned' });
    expect(planDownload({ roots }, { key: 'elsewhere/a.jpg', mode: 'auto' })).toEqual({ kind: 'get', route: 'presigned' });
    expect(planDownload({ roots }, { key: 'public/a.jpg', mode: 'presigned' })).toEqual({ kind: 'get', route: 'presigned' });
  });

  it('signs a public key when a download name or content type is asked for, and says why', () => {
    const plan = planDownload({ roots }, { key: 'public/a.jpg', mode: 'auto', disposition: { type: 'attachment' } });
    expect(plan).toMatchObject({ kind: 'get', route: 'presigned' });
    expect(plan.reason).toMatch(/anonymous requests cannot set them/);
  });
});
