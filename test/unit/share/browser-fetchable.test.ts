import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { browserFetchable, browserPathWarning, withBrowserPathWarning } from '../../../src/main/core/share/browser-fetchable';
import { presignGet } from '../../../src/main/core/share/presign';
import { putCurl } from '../../../src/main/core/share/upload-snippets';

// Signing needs no network: the URLs are what the app hands out, and `new URL()` is how a browser reads them.
const client = new S3Client({
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:9000',
  forcePathStyle: true,
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
});
const keys = [
  'dot/./seg.txt',
  'dotdot/../escape.txt',
  'end/.',
  './start',
  '..',
  'a/..b/c.',
  'back\\slash.txt',
  'a/%2e/b',
  'a/%2E%2E/b',
  'q?#x',
  'tab\tname',
  ' lead/trail ',
  'a//b',
  'é/日本.txt',
];

describe('browserFetchable', () => {
  it('is false exactly for the keys whose presigned link a URL parser rewrites', async () => {
    for (const key of keys) {
      const url = await presignGet(client, { bucket: 'media', key, seconds: 60, signingDate: new Date('2026-01-01T00:00:00Z') });
      expect(browserFetchable(key), key).toBe(new URL(url).href === url);
    }
    expect(keys.filter((k) => !browserFetchable(k))).toEqual(['dot/./seg.txt', 'dotdot/../escape.txt', 'end/.', './start', '..']);
  });

  it('warns per kind of link and keeps what the object check found', () => {
    expect(browserPathWarning('a/b.txt', 'get')).toBeUndefined();
    expect(browserPathWarning('a/./b.txt', 'get')?.message).toMatch(/refuses the signature \(403\).*curl --path-as-is/);
    expect(browserPathWarning('a/./b.txt', 'public')?.message).toMatch(/asks for another key/);
    expect(browserPathWarning('a/./b.txt', 'put')?.message).toMatch(/The curl command sends the path as is/);
    const missing = { code: 'NoSuchKey', message: 'There is no object.' } as const;
    expect(withBrowserPathWarning('a/b', 'get', missing)).toBe(missing);
    expect(withBrowserPathWarning('a/../b', 'get', missing)).toMatchObject({
      code: 'BrowserRewritesPath',
      message: expect.stringMatching(/ Also: There is no object\.$/) as string,
    });
  });

  it('tells curl to keep the path when asked', () => {
    expect(putCurl('http://h/b/a/./k', {}, { pathAsIs: true })).toMatch(/^curl --fail-with-body -sS --path-as-is/);
    expect(putCurl('http://h/b/k', {})).not.toMatch(/--path-as-is/);
  });
});
