import { S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { bucketBaseUrl, endpointObjectUrl } from '../../../src/main/core/s3/bucket-address';
import { joinBaseAndKey, publicUrlFor } from '../../../src/main/core/s3/public-url';

const roots = { public: 'public/', private: 'private/' };

const clients: S3Client[] = [];
/** An SDK client as a connection builds it; resolving an endpoint sends nothing. */
function client(config: { region: string; endpoint?: string; forcePathStyle?: boolean }): S3Client {
  const c = new S3Client({
    region: config.region,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle ?? false,
  });
  clients.push(c);
  return c;
}
afterEach(() => clients.splice(0).forEach((c) => c.destroy()));

describe('public addresses', () => {
  it('joins a CDN base and a key with exactly one slash', () => {
    expect(joinBaseAndKey('https://cdn.example.com', 'public/x y.png')).toBe('https://cdn.example.com/public/x%20y.png');
    expect(joinBaseAndKey('https://cdn.example.com/media//', 'public/x.png')).toBe('https://cdn.example.com/media/public/x.png');
  });
});

describe('publicUrlFor', () => {
  const bucketBase = 'http://127.0.0.1:7480/media';
  it('uses the CDN base when the connection has one, else the bucket address', () => {
    expect(publicUrlFor({ roots, publicBaseUrl: 'https://cdn.example.com/media/' }, 'public/a b.jpg', bucketBase)).toBe(
      'https://cdn.example.com/media/public/a%20b.jpg',
    );
    expect(publicUrlFor({ roots }, 'public/a b.jpg', bucketBase)).toBe('http://127.0.0.1:7480/media/public/a%20b.jpg');
    expect(publicUrlFor({ roots }, 'public/x.png', 'https://media.s3.example.com/base/')).toBe(
      'https://media.s3.example.com/base/public/x.png',
    );
  });

  it('gives no URL outside the public root, CDN or not', () => {
    for (const settings of [{ roots }, { roots, publicBaseUrl: 'https://cdn.example.com' }]) {
      expect(publicUrlFor(settings, 'private/a.jpg', bucketBase)).toBeUndefined();
      expect(publicUrlFor(settings, 'other/a.jpg', bucketBase)).toBeUndefined();
      expect(publicUrlFor(settings, 'publicity/a.jpg', bucketBase)).toBeUndefined();
    }
  });
});

describe('bucket addresses follow the connection', () => {
  it('AWS: virtual-hosted, path-style when the bucket has dots or the connection says so', async () => {
    expect(await endpointObjectUrl(client({ region: 'eu-west-1' }), 'media', 'public/a b.jpg')).toBe(
      'https://media.s3.eu-west-1.amazonaws.com/public/a%20b.jpg',
    );
    expect(await endpointObjectUrl(client({ region: 'eu-west-1' }), 'media-bucket', 'public/a b.jpg')).toBe(
      'https://media-bucket.s3.eu-west-1.amazonaws.com/public/a%20b.jpg',
    );
    expect(await endpointObjectUrl(client({ region: 'eu-west-1' }), 'media.example.com', 'public/a.jpg')).toBe(
      'https://s3.eu-west-1.amazonaws.com/media.example.com/public/a.jpg',
    );
    expect(await endpointObjectUrl(client({ region: 'eu-west-1', forcePathStyle: true }), 'media', 'public/a.jpg')).toBe(
      'https://s3.eu-west-1.amazonaws.com/media/public/a.jpg',
    );
    expect(await endpointObjectUrl(client({ region: 'eu-west-1', forcePathStyle: true }), 'media-bucket', 'public/a.jpg')).toBe(
      'https://s3.eu-west-1.amazonaws.com/media-bucket/public/a.jpg',
    );
  });

  it('custom endpoints keep their scheme, port and path; IP addresses are always path-style', async () => {
    expect(
      await endpointObjectUrl(
        client({ region: 'us-east-1', endpoint: 'http://127.0.0.1:7480', forcePathStyle: true }),
        'media',
        'public/x.png',
      ),
    ).toBe('http://127.0.0.1:7480/media/public/x.png');
    expect(
      await endpointObjectUrl(
        client({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9000', forcePathStyle: true }),
        'media',
        'public/a.jpg',
      ),
    ).toBe('http://127.0.0.1:9000/media/public/a.jpg');
    expect(await bucketBaseUrl(client({ region: 'us-east-1', endpoint: 'http://127.0.0.1:7480' }), 'media', 'public/x.png')).toBe(
      'http://127.0.0.1:7480/media',
    );
    expect(
      await endpointObjectUrl(client({ region: 'us-east-1', endpoint: 'https://s3.example.com/base/' }), 'media', 'public/x.png'),
    ).toBe('https://media.s3.example.com/base/public/x.png');
    expect(await endpointObjectUrl(client({ region: 'auto', endpoint: 'https://s3.example.net' }), 'media', 'public/a.jpg')).toBe(
      'https://media.s3.example.net/public/a.jpg',
    );
  });
});
