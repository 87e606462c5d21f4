import { describe, expect, it } from 'vitest';
import { shareChannels } from '../../../src/shared/channels/share-channels';
import { connectionDraftSchema } from '../../../src/shared/model/connection';
import { createElectronClipboard } from '../../../src/main/electron/electron-clipboard';

const base = { connectionId: 'conn-aaaaaaaa', bucket: 'media', key: 'private/a.pdf' };
const firstMessage = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) => result.error?.issues[0]?.message;

describe('share channel inputs', () => {
  const link = shareChannels['share:link'].input;

  it('accepts a bare request and fills in the defaults', () => {
    expect(link.parse(base)).toEqual({ ...base, mode: 'auto', copy: false });
  });

  it.each([
    [0, /zero or less/],
    [-60, /zero or less/],
    [1.5, /whole seconds/],
    [20 * 365 * 86_400, /longer than 10 years/],
  ])('refuses an expiry of %d seconds with a clear message', (expiresInSeconds, message) => {
    expect(firstMessage(link.safeParse({ ...base, expiresInSeconds }))).toMatch(message);
  });

  it('lets 30 days through: main clamps it to 7 days and says so', () => {
    expect(link.safeParse({ ...base, expiresInSeconds: 30 * 86_400 }).success).toBe(true);
  });

  it('refuses folders, unsafe names and odd content types', () => {
    expect(firstMessage(link.safeParse({ ...base, key: 'private/folder/' }))).toMatch(/That is a folder/);
    expect(firstMessage(link.safeParse({ ...base, disposition: { type: 'attachment', filename: 'a\r\nSet-Cookie: x' } }))).toMatch(
      /line breaks/,
    );
    expect(firstMessage(link.safeParse({ ...base, disposition: { type: 'attachment', filename: '../etc/passwd' } }))).toMatch(
      /cannot contain \//,
    );
    expect(firstMessage(link.safeParse({ ...base, contentType: 'text/html\r\nX: y' }))).toMatch(/contains a line break/);
    expect(firstMessage(link.safeParse({ ...base, contentType: 'not a type' }))).toMatch(/looks like application\/pdf/);
    expect(link.safeParse({ ...base, contentType: 'text/plain; charset=utf-8' }).success).toBe(true);
    expect(firstMessage(link.safeParse({ ...base, note: 'x'.repeat(501) }))).toMatch(/at most 500/);
  });

  it('caps a selection at 1,000 keys', () => {
    const links = shareChannels['share:links'].input;
    const keys = Array.from({ length: 1001 }, (_, i) => `private/${i}`);
    expect(firstMessage(links.safeParse({ connectionId: base.connectionId, bucket: 'media', keys }))).toMatch(/At most 1000 links/);
    expect(links.safeParse({ connectionId: base.connectionId, bucket: 'media', keys: keys.slice(0, 1000) }).success).toBe(true);
  });

  it('upload links: PUT is one key, POST needs a size range and a folder ending in /', () => {
    const upload = shareChannels['share:uploadLink'].input;
    const common = { connectionId: base.connectionId, bucket: 'media' };
    expect(upload.safeParse({ ...common, method: 'put', key: 'private/in/a.bin' }).success).toBe(true);
    expect(upload.safeParse({ ...common, method: 'put', target: { type: 'prefix', prefix: 'private/in/' } }).success).toBe(false);
    // A PUT link has no HTML form to copy.
    expect(upload.safeParse({ ...common, method: 'put', key: 'private/in/a.bin', copy: 'html' }).success).toBe(false);
    const post = {
      ...common,
      method: 'post',
      target: { type: 'prefix', prefix: 'private/in/' },
      maxBytes: 1000,
      contentType: 'application/zip',
    };
    expect(upload.parse(post)).toMatchObject({ minBytes: 1, copy: 'none', anyContentType: false });
    expect(firstMessage(upload.safeParse({ ...post, target: { type: 'prefix', prefix: 'private/in' } }))).toMatch(/ends with \//);
    expect(firstMessage(upload.safeParse({ ...post, minBytes: 2000 }))).toMatch(/smallest size is larger/);
    expect(firstMessage(upload.safeParse({ ...post, maxBytes: 6 * 1024 ** 3 }))).toMatch(/5 GiB/);
    expect(upload.safeParse({ ...common, method: 'post', target: { type: 'prefix', prefix: 'private/in/' } }).success).toBe(false);
  });

  it('upload links under a folder fix the content type unless any type is asked for in so many words', () => {
    const upload = shareChannels['share:uploadLink'].input;
    const post = {
      connectionId: base.connectionId,
      bucket: 'media',
      method: 'post',
      target: { type: 'prefix', prefix: 'private/in/' },
      maxBytes: 1000,
    };
    expect(firstMessage(upload.safeParse(post))).toMatch(/Allow any content type/);
    expect(upload.safeParse({ ...post, anyContentType: true }).success).toBe(true);
    expect(upload.safeParse({ ...post, contentType: 'image/png' }).success).toBe(true);
    expect(firstMessage(upload.safeParse({ ...post, contentType: 'image/png', anyContentType: true }))).toMatch(/not both/);
    // An exact key may leave it to main, which takes the type its name implies.
    expect(upload.safeParse({ connectionId: base.connectionId, bucket: 'media', method: 'put', key: 'private/in/a.zip' }).success).toBe(
      true,
    );
  });

  it('upload links and download overrides take exactly one clean media type', () => {
    const upload = shareChannels['share:uploadLink'].input;
    const put = { connectionId: base.connectionId, bucket: 'media', method: 'put', key: 'private/in/a.bin' };
    expect(firstMessage(upload.safeParse({ ...put, contentType: 'text/plain; charset="a\tb"' }))).toMatch(
      /^Content-Type contains a tab character \(U\+0009\)/,
    );
    expect(firstMessage(upload.safeParse({ ...put, contentType: 'application/pdf;x=,text/html' }))).toMatch(/not a list/);
    expect(upload.safeParse({ ...put, contentType: 'image/svg+xml' }).success).toBe(true);
    expect(firstMessage(link.safeParse({ ...base, contentType: 'text/plain; charset="é"' }))).toMatch(/contains “é” \(U\+00E9\)/);
    expect(firstMessage(link.safeParse({ ...base, contentType: 'application/pdf, text/html' }))).toMatch(/not a list/);
  });
});

describe('connection publicBaseUrl', () => {
  const draft = { name: 'C', credentials: { kind: 'profile', profile: 'default' } } as const;
  it('takes an http(s) base URL and refuses anything else', () => {
    expect(connectionDraftSchema.parse({ ...draft, publicBaseUrl: ' https://cdn.example.com/media/ ' }).publicBaseUrl).toBe(
      'https://cdn.example.com/media/',
    );
    expect(firstMessage(connectionDraftSchema.safeParse({ ...draft, publicBaseUrl: 'ftp://cdn' }))).toMatch(/http:\/\/ or https:\/\//);
    expect(firstMessage(connectionDraftSchema.safeParse({ ...draft, publicBaseUrl: 'cdn.example.com' }))).toMatch(/must be a URL/);
    expect(firstMessage(connectionDraftSchema.safeParse({ ...draft, publicBaseUrl: 'https://cdn/?a=1' }))).toMatch(/query/);
    expect(firstMessage(connectionDraftSchema.safeParse({ ...draft, publicBaseUrl: `https://cdn/${'a'.repeat(2048)}` }))).toMatch(/2,048/);
  });
});

describe('Electron clipboard adapter', () => {
  it('writes through to the clipboard it was given', () => {
    const written: string[] = [];
    createElectronClipboard({ writeText: (t) => written.push(t) }).writeText('https://link');
    expect(written).toEqual(['https://link']);
  });
});
