import { request } from 'node:http';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestBucket, gatewayFromState, putObjects, type TestBucket } from '../../support/s3-test-env';
import type { GatewayHandle } from '../../../src/main/local-gateway/ceph-gateway';
import { fetchBounded, gatewayDraft, pollUntil, s3ErrorCode, startShareCore, type ShareCore } from './share-fixture';

let gw: GatewayHandle;
let tb: TestBucket;
const report = new TextEncoder().encode('%PDF-1.7 quarterly report\n'.repeat(50));

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'share-download');
  await putObjects(tb.client, tb.bucket, [
    { key: 'private/reports/q1.pdf', body: report, contentType: 'application/pdf' },
    { key: 'private/notes.txt', body: 'internal notes' },
    { key: 'public/logo (1).png', body: 'png-bytes', contentType: 'image/png', acl: 'public-read' },
    { key: 'public/not-yet-public.png', body: 'private png' },
    { key: 'dot/./seg.txt', body: 'dot segment' },
    { key: 'dotdot/../escape.txt', body: 'dot-dot segment' },
    { key: 'public/dot/./open.txt', body: 'public dot segment', acl: 'public-read' },
    { key: 'back\\slash.txt', body: 'backslash' },
  ]);
});
afterAll(async () => tb.cleanup());

/** GET with the path sent byte for byte as in the URL (no WHATWG parsing, so no dot-segment removal). */
function rawGet(url: string): Promise<{ status: number; body: string }> {
  const pathStart = url.indexOf('/', url.indexOf('//') + 2);
  const origin = new URL(url.slice(0, pathStart));
  return new Promise((resolve, reject) => {
    const req = request({ host: origin.hostname, port: origin.port, path: url.slice(pathStart), timeout: 15_000 }, (res) => {
      let body = '';
      res
        .setEncoding('utf8')
        .on('data', (chunk: string) => (body += chunk))
        .on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject).on('timeout', () => req.destroy(new Error('raw GET timed out')));
    req.end();
  });
}

describe('download links against the real gateway', () => {
  let h: ShareCore;
  let connectionId: string;
  beforeEach(async () => {
    h = startShareCore();
    connectionId = (await h.value('connections:add', gatewayDraft(gw))).id;
  });
  afterEach(() => h.close());
  const ref = () => ({ connectionId, bucket: tb.bucket });

  it('works before expiry (200, right bytes, right Content-Disposition) and is refused (403) after', async () => {
    const link = await h.value('share:link', {
      ...ref(),
      key: 'private/reports/q1.pdf',
      expiresInSeconds: 3,
      disposition: { type: 'attachment', filename: 'Résumé €.pdf' },
    });
    expect(link).toMatchObject({ kind: 'get', route: 'presigned', cap: 'requested', copiedByMain: false });
    expect(Date.parse(link.expiresAt ?? '') - Date.now()).toBeLessThanOrEqual(3000);
    const res = await fetchBounded(link.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="R_sum_ _.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%E2%82%AC.pdf`,
    );
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(report);

    const after = await pollUntil(
      async () => {
        const r = await fetchBounded(link.url);
        return { status: r.status, body: await r.text() };
      },
      (r) => r.status !== 200,
      20_000,
      (r) => `HTTP ${r.status}`,
    );
    expect(after.status).toBe(403);
    expect(s3ErrorCode(after.body)).toBe('AccessDenied');
    // Refused only once the moment the app announced had passed.
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(link.expiresAt ?? ''));
  });

  it('refuses a tampered signature and a link moved to another key', async () => {
    const link = await h.value('share:link', { ...ref(), key: 'private/notes.txt', expiresInSeconds: 900 });
    expect((await fetchBounded(link.url)).status).toBe(200);
    const url = new URL(link.url);
    const signature = url.searchParams.get('X-Amz-Signature') ?? '';
    url.searchParams.set('X-Amz-Signature', `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`);
    const tampered = await fetchBounded(url.toString());
    expect(tampered.status).toBe(403);
    expect(s3ErrorCode(await tampered.text())).toBe('SignatureDoesNotMatch');
    const moved = await fetchBounded(link.url.replace('private/notes.txt', 'private/reports/q1.pdf'));
    expect(moved.status).toBe(403);
  });

  it('inline display with a content type override', async () => {
    const link = await h.value('share:link', {
      ...ref(),
      key: 'private/notes.txt',
      disposition: { type: 'inline' },
      contentType: 'text/markdown; charset=utf-8',
    });
    const res = await fetchBounded(link.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="notes.txt"');
  });

  it('gives the plain public URL for a public-read object, and it works anonymously', async () => {
    const link = await h.value('share:link', { ...ref(), key: 'public/logo (1).png' });
    expect(link).toMatchObject({ kind: 'public', route: 'endpoint', expiresAt: null, cap: null, expiry: null });
    expect(link.url).toBe(`${gw.endpoint}/${tb.bucket}/public/logo%20%281%29.png`);
    expect(link.warning).toBeUndefined();
    const res = await fetchBounded(link.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('png-bytes');
    expect(link.explanation).toMatch(/does not expire/);
  });

  it('warns when a key under the public root is not actually public', async () => {
    const link = await h.value('share:link', { ...ref(), key: 'public/not-yet-public.png' });
    expect(link.kind).toBe('public');
    expect(link.warning).toMatchObject({ code: 'NotPublic' });
    expect(link.warning?.message).toMatch(/Anonymous visitors get “403/);
    expect((await fetchBounded(link.url)).status).toBe(403);
    // Asking for a presigned link instead works for the same key.
    const signed = await h.value('share:link', { ...ref(), key: 'public/not-yet-public.png', mode: 'presigned' });
    expect((await fetchBounded(signed.url)).status).toBe(200);
  });

  it('builds the CDN variant from the connection’s public base URL', async () => {
    const cdn = await h.value('connections:add', gatewayDraft(gw, { name: 'CDN', publicBaseUrl: 'https://cdn.example.com/media/' }));
    const link = await h.value('share:link', { connectionId: cdn.id, bucket: tb.bucket, key: 'public/logo (1).png' });
    expect(link).toMatchObject({ kind: 'public', route: 'cdn', url: 'https://cdn.example.com/media/public/logo%20%281%29.png' });
    // The origin behind the CDN is checked: the object is public there, so no warning.
    expect(link.warning).toBeUndefined();
    // A download name needs a signature, so it is presigned at the endpoint even with a CDN.
    const named = await h.value('share:link', {
      connectionId: cdn.id,
      bucket: tb.bucket,
      key: 'public/logo (1).png',
      disposition: { type: 'attachment' },
    });
    expect(named).toMatchObject({ kind: 'get', route: 'presigned' });
    expect(named.explanation).toMatch(/needs a signed link/);
  });

  it('warns about a key that does not exist, still issues the link, and the link works once it does', async () => {
    const link = await h.value('share:link', { ...ref(), key: 'private/later.bin', expiresInSeconds: 600 });
    expect(link.warning).toMatchObject({ code: 'NoSuchKey' });
    expect(link.warning?.message).toMatch(/no object “private\/later.bin”.*made anyway/);
    expect(link.explanation).toMatch(/Warning: /);
    expect((await fetchBounded(link.url)).status).toBe(404);
    await tb.client.send(new PutObjectCommand({ Bucket: tb.bucket, Key: 'private/later.bin', Body: 'arrived' }));
    expect(await (await fetchBounded(link.url)).text()).toBe('arrived');
  });

  it('a link for a bucket that does not exist says NoSuchBucket, for one key, a selection and an upload link', async () => {
    const gone = { connectionId, bucket: `${tb.bucket}-not-there` };
    const link = await h.value('share:link', { ...gone, key: 'private/reports/q1.pdf' });
    expect(link.warning).toMatchObject({
      code: 'NoSuchBucket',
      message: expect.stringMatching(/^There is no bucket “[^”]+-not-there” on this server\./) as string,
    });
    expect(link.explanation).toMatch(/Warning: There is no bucket/);
    const preview = await h.value('share:preview', { ...gone, key: 'private/reports/q1.pdf' });
    expect(preview.warning?.code).toBe('NoSuchBucket');
    const many = Array.from({ length: 30 }, (_, i) => `private/many/${i}.bin`);
    const rows = await h.value('share:links', { ...gone, keys: [...many, 'private/one.txt'] });
    expect(new Set(rows.rows.map((r) => r.warning?.code))).toEqual(new Set(['NoSuchBucket']));
    const put = await h.value('share:uploadLink', { ...gone, method: 'put', key: 'private/in/a.bin' });
    expect(put.warning?.code).toBe('NoSuchBucket');
    const post = await h.value('share:uploadLink', {
      ...gone,
      method: 'post',
      target: { type: 'prefix', prefix: 'private/in/' },
      maxBytes: 1000,
      anyContentType: true,
    });
    expect(post.warning?.code).toBe('NoSuchBucket');
    // A missing key in a bucket that exists is still a missing key.
    expect((await h.value('share:link', { ...ref(), key: 'private/nothing-here.bin' })).warning?.code).toBe('NoSuchKey');
  });

  it('links to keys with . or .. segments warn that browsers cannot open them: a browser-style fetch gets 403, the raw path 200', async () => {
    for (const [key, body] of [
      ['dot/./seg.txt', 'dot segment'],
      ['dotdot/../escape.txt', 'dot-dot segment'],
    ] as const) {
      const link = await h.value('share:link', { ...ref(), key, expiresInSeconds: 600 });
      expect(link.warning, key).toMatchObject({
        code: 'BrowserRewritesPath',
        message: expect.stringMatching(
          /^Browsers cannot use this link: the key has “\.” or “\.\.” segments.*refuses the signature \(403\)/,
        ) as string,
      });
      expect(link.explanation).toMatch(/Warning: Browsers cannot use this link/);
      // What a browser does with the link: the URL parser drops the dot segments.
      expect(new URL(link.url).href).not.toBe(link.url);
      expect((await fetchBounded(link.url)).status, key).toBe(403);
      expect(await rawGet(link.url), key).toEqual({ status: 200, body });
    }
    const preview = await h.value('share:preview', { ...ref(), key: 'dot/./seg.txt' });
    expect(preview.warning?.code).toBe('BrowserRewritesPath');
    const missing = await h.value('share:link', { ...ref(), key: 'dot/./not-there.txt' });
    expect(missing.warning).toMatchObject({
      code: 'BrowserRewritesPath',
      message: expect.stringMatching(/Also: There is no object/) as string,
    });
    const rows = await h.value('share:links', { ...ref(), keys: ['dot/./seg.txt', 'private/notes.txt'] });
    expect(rows.rows.map((r) => r.warning?.code)).toEqual(['BrowserRewritesPath', undefined]);
    // A public link names another key once a browser has rewritten it.
    const open = await h.value('share:link', { ...ref(), key: 'public/dot/./open.txt' });
    expect(open).toMatchObject({
      kind: 'public',
      warning: { code: 'BrowserRewritesPath', message: expect.stringMatching(/asks for another key/) as string },
    });
    expect((await rawGet(open.url)).status).toBe(200);
    // A backslash is percent-encoded in the link, which URL parsers leave alone: no warning, and it works.
    const slash = await h.value('share:link', { ...ref(), key: 'back\\slash.txt' });
    expect(slash.warning).toBeUndefined();
    expect(await (await fetchBounded(slash.url)).text()).toBe('backslash');
  });

  it('refuses zero and negative expiries, and clamps beyond 7 days with a note', async () => {
    for (const expiresInSeconds of [0, -3600]) {
      const refused = await h.call('share:link', { ...ref(), key: 'private/notes.txt', expiresInSeconds });
      expect(refused).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
      expect(refused.ok ? '' : refused.error.message).toMatch(/zero or less would give a link that never works/);
    }
    const clamped = await h.value('share:link', { ...ref(), key: 'private/notes.txt', expiresInSeconds: 30 * 86_400 });
    expect(clamped).toMatchObject({ cap: 'sigv4-max-7-days', expiry: { requestedSeconds: 2_592_000, seconds: 604_800 } });
    expect(new URL(clamped.url).searchParams.get('X-Amz-Expires')).toBe('604800');
    expect(clamped.explanation).toMatch(/You asked for 30 days, but S3 signatures \(SigV4\) last at most 7 days/);
    expect((await fetchBounded(clamped.url)).status).toBe(200);
  });

  it('previews without signing or recording, and remembers the last expiry for one-click copy', async () => {
    const before = await h.value('share:defaults', { connectionId });
    expect(before).toMatchObject({
      expirySeconds: 3600,
      lastUsedExpirySeconds: null,
      maxExpirySeconds: 604_800,
      clipboard: 'renderer',
      credentialsExpireAt: null,
    });
    const preview = await h.value('share:preview', { ...ref(), key: 'private/reports/q1.pdf', expiresInSeconds: 86_400 });
    expect(preview).toMatchObject({
      kind: 'get',
      expiry: { seconds: 86_400, cap: 'requested' },
      object: { size: report.length, contentType: 'application/pdf' },
    });
    expect(preview).not.toHaveProperty('url');
    expect((await h.value('share:ledger', {})).total).toBe(0);

    await h.value('share:link', { ...ref(), key: 'private/notes.txt', expiresInSeconds: 900 });
    expect(await h.value('share:defaults', { connectionId })).toMatchObject({ expirySeconds: 900, lastUsedExpirySeconds: 900 });
    const oneClick = await h.value('share:link', { ...ref(), key: 'private/reports/q1.pdf' });
    expect(new URL(oneClick.url).searchParams.get('X-Amz-Expires')).toBe('900');
  });

  it('makes links for a selection: rows, CSV and text, with warnings per row', async () => {
    const keys = ['private/reports/q1.pdf', 'private/missing.pdf', 'public/logo (1).png', 'private/notes.txt'];
    const out = await h.value('share:links', { ...ref(), keys, expiresInSeconds: 3600, disposition: 'attachment', note: 'ZD-1234' });
    expect(out.rows.map((r) => [r.key, r.kind, r.warning?.code])).toEqual([
      ['private/reports/q1.pdf', 'get', undefined],
      ['private/missing.pdf', 'get', 'NoSuchKey'],
      ['public/logo (1).png', 'get', undefined], // a download name needs a signature
      ['private/notes.txt', 'get', undefined],
    ]);
    expect(out.warnings).toBe(1);
    const first = out.rows[0];
    expect((await fetchBounded(first?.url ?? '')).headers.get('content-disposition')).toBe('attachment; filename="q1.pdf"');
    expect(out.csv.split('\r\n')[0]).toBe('key,url,expires_at');
    expect(out.csv).toContain(`private/notes.txt,${out.rows[3]?.url ?? ''},${out.expiry?.expiresAt ?? ''}\r\n`);
    expect(out.text).toMatch(/^These links work until .* UTC\.\n\nprivate\/reports\/q1\.pdf\nhttp/);
    const ledger = await h.value('share:ledger', { search: 'ZD-1234' });
    expect(ledger.total).toBe(4);

    const plain = await h.value('share:links', { ...ref(), keys: ['public/logo (1).png', 'public/logo (1).png'] });
    expect(plain.rows).toHaveLength(1);
    expect(plain).toMatchObject({ expiry: null, rows: [{ kind: 'public', expiresAt: null }] });
  });
});
