import { describe, expect, it } from 'vitest';
import { encodeKeyPath, publicUrlFor, rootOf, type PublicUrlSettings } from '../../../src/main/core/browse/public-url';

const roots = { public: 'public/', private: 'private/' };
const aws: PublicUrlSettings = { region: 'eu-west-1', forcePathStyle: false, roots };

describe('public URLs', () => {
  it('tells which root a key is under', () => {
    expect(rootOf(roots, 'public/a.jpg')).toBe('public');
    expect(rootOf(roots, 'private/a.jpg')).toBe('private');
    expect(rootOf(roots, 'publicity/a.jpg')).toBeNull();
  });

  it('builds virtual-hosted AWS URLs, path-style when the bucket has dots or the connection says so', () => {
    expect(publicUrlFor(aws, 'media', 'public/a b.jpg')).toBe('https://media.s3.eu-west-1.amazonaws.com/public/a%20b.jpg');
    expect(publicUrlFor(aws, 'media.example.com', 'public/a.jpg')).toBe('https://s3.eu-west-1.amazonaws.com/media.example.com/public/a.jpg');
    expect(publicUrlFor({ ...aws, forcePathStyle: true }, 'media', 'public/a.jpg')).toBe('https://s3.eu-west-1.amazonaws.com/media/public/a.jpg');
  });

  it('uses a custom endpoint, keeping its scheme, port and path', () => {
    const gw = { ...aws, endpoint: 'http://127.0.0.1:7480', forcePathStyle: true };
    expect(publicUrlFor(gw, 'media', 'public/x.png')).toBe('http://127.0.0.1:7480/media/public/x.png');
    const vh = { ...aws, endpoint: 'https://s3.example.com/base/', forcePathStyle: false };
    expect(publicUrlFor(vh, 'media', 'public/x.png')).toBe('https://media.s3.example.com/base/public/x.png');
  });

  it('gives no URL outside the public root', () => {
    expect(publicUrlFor(aws, 'media', 'private/a.jpg')).toBeUndefined();
    expect(publicUrlFor(aws, 'media', 'other/a.jpg')).toBeUndefined();
  });

  it('percent-encodes each segment and keeps empty ones', () => {
    expect(encodeKeyPath('public/a+b%c#d?e&f//g é')).toBe('public/a%2Bb%25c%23d%3Fe%26f//g%20%C3%A9');
    expect(encodeKeyPath('/lead')).toBe('/lead');
  });
});
