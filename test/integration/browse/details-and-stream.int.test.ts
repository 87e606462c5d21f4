import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../src/main/browser-host/host-server';
import { silentLogger } from '../../../src/main/core/logger';
import { objectUrl } from '../../../src/shared/object-url';
import { bodyBytes, putMany, startBrowseEnv, type BrowseEnv } from './browse-env';

const bytes = Buffer.from(Array.from({ length: 256 * 1024 }, (_, i) => (i * 7 + 3) % 251));
let env: BrowseEnv;
let host: BrowserHost;
let staticDir: string;
let cookie = '';
/** Stored types that Chromium used to render as HTML in the preview frame (issue 8). */
const hostileTypes = [
  'application/pdf;x=,text/html',
  'application/pdf;,text/html',
  'application/pdf, text/html',
  'application/pdf,text/html;charset=utf-8',
];
const planted = '<script>parent.postMessage("pwned", "*")</script><h1>planted</h1>';

beforeAll(async () => {
  env = await startBrowseEnv('details', { versioning: true });
  await putMany(env.client, [
    {
      Bucket: env.bucket,
      Key: 'public/clip.bin',
      Body: bytes,
      ContentType: 'video/mp4',
      CacheControl: 'public, max-age=86400',
      ContentDisposition: 'inline',
      ContentLanguage: 'en',
      Metadata: { origin: 'camera-7', 'shot-by': 'Zoe K' },
      ACL: 'public-read',
    },
    { Bucket: env.bucket, Key: 'private/notes.txt', Body: 'private words', ContentType: 'text/plain' },
    {
      Bucket: env.bucket,
      Key: 'public/evil.svg',
      Body: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      ContentType: 'image/svg+xml',
    },
    { Bucket: env.bucket, Key: 'public/doc.pdf', Body: '%PDF-1.4', ContentType: 'application/pdf' },
    ...hostileTypes.map((ContentType, i) => ({ Bucket: env.bucket, Key: `public/planted-${i}.pdf`, Body: planted, ContentType })),
  ]);
  staticDir = mkdtempSync(join(tmpdir(), 'bucket-admin-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
  host = await startBrowserHost({ core: env.h.core, staticDir, logger: silentLogger });
  cookie = (await fetch(host.url)).headers.get('set-cookie')?.split(';')[0] ?? '';
});
afterAll(async () => {
  await host.close();
  rmSync(staticDir, { recursive: true, force: true });
  await env.close();
});

/** GET with a chosen Host header, as a DNS-rebinding page would send it. */
function statusWithHost(url: string, hostHeader: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host: hostHeader } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

const open = (key: string, init: { method?: string; range?: string; extra?: Record<string, string> } = {}) =>
  env.h.core.objects.open({
    method: init.method ?? 'GET',
    query: new URLSearchParams({ c: env.connectionId, b: env.bucket, k: key, ...init.extra }),
    ...(init.range ? { range: init.range } : {}),
  });

describe('object details', () => {
  it('shows size, type, headers, all metadata, ACL, version and the public URL', async () => {
    const d = await env.h.value('browse:details', { connectionId: env.connectionId, bucket: env.bucket, key: 'public/clip.bin' });
    expect(d).toMatchObject({
      size: bytes.length,
      contentType: 'video/mp4',
      storageClass: 'STANDARD',
      metadata: { origin: 'camera-7', 'shot-by': 'Zoe K' },
      headers: { cacheControl: 'public, max-age=86400', contentDisposition: 'inline', contentLanguage: 'en' },
      acl: { status: 'available', publicRead: true, publicWrite: false },
      underRoot: 'public',
      publicUrl: `${env.gw.endpoint}/${env.bucket}/public/clip.bin`,
    });
    expect(d.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(d.versionId).toBeTruthy();
    expect(Date.parse(d.lastModified ?? '')).toBeGreaterThan(0);
    // The URL it shows really serves the object to anyone.
    const anonymous = await fetch(d.publicUrl ?? '', { signal: AbortSignal.timeout(10_000) });
    expect(anonymous.status).toBe(200);
    expect(Buffer.from(await anonymous.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('marks private objects and gives them no public URL', async () => {
    const d = await env.h.value('browse:details', { connectionId: env.connectionId, bucket: env.bucket, key: 'private/notes.txt' });
    expect(d).toMatchObject({ underRoot: 'private', acl: { status: 'available', publicRead: false } });
    expect(d.publicUrl).toBeUndefined();
  });

  it('shows the CDN address as the public URL when the connection has a public base URL', async () => {
    const cdn = await env.h.value('connections:add', {
      name: 'Gateway via CDN',
      credentials: { kind: 'keys', accessKeyId: env.gw.accessKeyId, secretAccessKey: env.gw.secretAccessKey },
      endpoint: env.gw.endpoint,
      forcePathStyle: true,
      checksumCompatibility: true,
      publicBaseUrl: 'https://cdn.example.com/media/',
    });
    const d = await env.h.value('browse:details', { connectionId: cdn.id, bucket: env.bucket, key: 'public/clip.bin' });
    expect(d.publicUrl).toBe('https://cdn.example.com/media/public/clip.bin');
    // The share dialog's public link for the same key is the very same address.
    const link = await env.h.value('share:link', { connectionId: cdn.id, bucket: env.bucket, key: 'public/clip.bin' });
    expect(link).toMatchObject({ kind: 'public', route: 'cdn', url: d.publicUrl });
    const hidden = await env.h.value('browse:details', { connectionId: cdn.id, bucket: env.bucket, key: 'private/notes.txt' });
    expect(hidden.publicUrl).toBeUndefined();
  });

  it('says plainly when the object is gone', async () => {
    const r = await env.h.call('browse:details', { connectionId: env.connectionId, bucket: env.bucket, key: 'public/none.txt' });
    expect(r).toMatchObject({ ok: false, error: { code: 'NoSuchKey', message: expect.stringMatching(/no longer exists/) as string } });
  });
});

describe('object stream for previews', () => {
  it('serves the whole object with the headers a viewer needs', async () => {
    const r = await open('public/clip.bin');
    expect(r.status).toBe(200);
    expect(r.headers).toMatchObject({
      'Content-Type': 'video/mp4',
      'Content-Length': String(bytes.length),
      'Accept-Ranges': 'bytes',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    expect(r.headers['Content-Disposition']).toMatch(/^inline; /);
    expect((await bodyBytes(r.body)).equals(bytes)).toBe(true);
  });

  it('answers ranges with 206 and exactly those bytes, so video can seek', async () => {
    const mid = await open('public/clip.bin', { range: 'bytes=1000-1999' });
    expect(mid.status).toBe(206);
    expect(mid.headers['Content-Range']).toBe(`bytes 1000-1999/${bytes.length}`);
    expect(mid.headers['Content-Length']).toBe('1000');
    expect((await bodyBytes(mid.body)).equals(bytes.subarray(1000, 2000))).toBe(true);
    const tail = await open('public/clip.bin', { range: 'bytes=-10' });
    expect(tail.status).toBe(206);
    expect((await bodyBytes(tail.body)).equals(bytes.subarray(-10))).toBe(true);
    const beyond = await open('public/clip.bin', { range: `bytes=${bytes.length + 10}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['Content-Range']).toBe(`bytes */${bytes.length}`);
  });

  it("serves everything under a sandbox policy (PDF too: Chromium's viewer works under it), downloads as attachments", async () => {
    const svg = await open('public/evil.svg');
    expect(svg.headers['Content-Security-Policy']).toMatch(/^sandbox; default-src 'none'/);
    await bodyBytes(svg.body);
    const pdf = await open('public/doc.pdf');
    expect(pdf.headers).toMatchObject({ 'Content-Type': 'application/pdf', 'X-Content-Type-Options': 'nosniff' });
    expect(pdf.headers['Content-Security-Policy']).toMatch(/^sandbox; default-src 'none'/);
    expect(pdf.headers['Content-Disposition']).toMatch(/^inline; /);
    await bodyBytes(pdf.body);
    const save = await open('private/notes.txt', { extra: { d: '1' } });
    expect(save.headers['Content-Disposition']).toMatch(/^attachment; filename="notes.txt"/);
    expect((await bodyBytes(save.body)).toString()).toBe('private words');
  });

  it('never serves a stored type as is: a list or a malformed type is bytes to save, sandboxed', async () => {
    for (const [i, stored] of hostileTypes.entries()) {
      for (const method of ['GET', 'HEAD']) {
        const r = await open(`public/planted-${i}.pdf`, { method });
        expect(r.headers, `${method} ${stored}`).toMatchObject({
          'Content-Type': 'application/octet-stream',
          'X-Content-Type-Options': 'nosniff',
          'Content-Security-Policy': expect.stringMatching(/^sandbox; default-src 'none'$/) as string,
          'Content-Disposition': expect.stringMatching(/^attachment; /) as string,
        });
        if (r.body !== null && typeof r.body !== 'string') await bodyBytes(r.body);
      }
    }
    const html = await open('private/notes.txt');
    expect(html.headers['Content-Type']).toBe('text/plain; charset=utf-8');
  });

  it('answers HEAD without a body, and errors as short plain text with the right status', async () => {
    const head = await open('public/clip.bin', { method: 'HEAD' });
    expect(head).toMatchObject({ status: 200, body: null });
    expect(head.headers['Content-Length']).toBe(String(bytes.length));
    const missing = await open('public/none.bin');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatch(/no longer exists/);
    const bad = await env.h.core.objects.open({
      method: 'GET',
      query: new URLSearchParams({ c: env.connectionId, b: 'Not A Bucket', k: 'x' }),
    });
    expect(bad.status).toBe(400);
    const post = await open('public/clip.bin', { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('is served by the browser host on its preview origin only, under the per-run secret path', async () => {
    const ref = { connectionId: env.connectionId, bucket: env.bucket, key: 'public/clip.bin' };
    const url = objectUrl(host.previewBase, ref);
    const previewOrigin = new URL(url).origin;
    expect(previewOrigin).not.toBe(host.origin);
    // Not on the app's own origin, even with the app's cookie and token.
    expect((await fetch(objectUrl(host.origin, ref), { headers: { cookie } })).status).toBe(404);
    expect((await fetch(`${objectUrl(host.origin, ref)}&token=${host.token}`)).status).toBe(404);
    // Not on the preview origin without the secret path (a replayed cookie opens nothing).
    expect((await fetch(objectUrl(previewOrigin, ref), { headers: { cookie } })).status).toBe(404);
    const res = await fetch(url, { headers: { range: 'bytes=10-19', origin: host.origin } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 10-19/${bytes.length}`);
    expect(res.headers.get('access-control-allow-origin')).toBe(host.origin);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(10, 20))).toBe(true);
    const missing = await fetch(objectUrl(host.previewBase, { ...ref, key: 'nope' }));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/no longer exists/);
    // A DNS-rebinding name for the same port is refused.
    expect(await statusWithHost(url, 'rebind.example:80')).toBe(404);
    expect(await statusWithHost(url, new URL(url).host)).toBe(200);
  });
});
