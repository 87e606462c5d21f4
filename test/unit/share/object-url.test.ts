import { S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { planDownload } from '../../../src/main/core/share/link-plan';
import { endpointObjectUrl, encodeKeyPath, joinBaseAndKey, unsignedResource } from '../../../src/main/core/share/object-url';
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

describe('object URLs', () => {
  it('encodes keys one segment at a time, the way S3 does', () => {
    expect(encodeKeyPath("public/a b/ü+é/it's (1)*.jpg")).toBe('public/a%20b/%C3%BC%2B%C3%A9/it%27s%20%281%29%2A.jpg');
    expect(encodeKeyPath('a//b?c#d')).toBe('a//b%3Fc%23d');
  });

  it('joins a CDN base and a key with exactly one slash', () => {
    expect(joinBaseAndKey('https://cdn.example.com', 'public/x y.png')).toBe('https://cdn.example.com/public/x%20y.png');
    expect(joinBaseAndKey('https://cdn.example.com/media//', 'public/x.png')).toBe('https://cdn.example.com/media/public/x.png');
  });

  it('follows the connection: AWS virtual-hosted, path style, custom endpoints', async () => {
    expect(await endpointObjectUrl(client({ region: 'eu-west-1' }), 'media-bucket', 'public/a b.jpg')).toBe(
      'https://media-bucket.s3.eu-west-1.amazonaws.com/public/a%20b.jpg',
    );
    expect(await endpointObjectUrl(client({ region: 'eu-west-1', forcePathStyle: true }), 'media-bucket', 'public/a.jpg')).toBe(
      'https://s3.eu-west-1.amazonaws.com/media-bucket/public/a.jpg',
    );
    expect(await endpointObjectUrl(client({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9000', forcePathStyle: true }), 'media', 'public/a.jpg')).toBe(
      'http://127.0.0.1:9000/media/public/a.jpg',
    );
    expect(await endpointObjectUrl(client({ region: 'auto', endpoint: 'https://s3.example.net' }), 'media', 'public/a.jpg')).toBe(
      'https://media.s3.example.net/public/a.jpg',
    );
  });

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
    expect(planDownload({ roots, publicBaseUrl: 'https://cdn' }, { key: 'public/a.jpg', mode: 'auto' })).toEqual({ kind: 'public', route: 'cdn' });
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
