import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { filePlaceholder } from '../../../src/main/core/share/upload-snippets';
import type { UploadLinkResult } from '../../../src/shared/model/share';
import { createTestBucket, gatewayFromState, putObjects, type TestBucket } from '../../support/s3-test-env';
import type { GatewayHandle } from '../../../src/main/local-gateway/ceph-gateway';
import { fetchBounded, gatewayDraft, httpTimeoutMs, pollUntil, s3ErrorCode, startShareCore, type ShareCore } from './share-fixture';

const run = promisify(execFile);
let gw: GatewayHandle;
let tb: TestBucket;
let files: string;

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'share-upload');
  await putObjects(tb.client, tb.bucket, { 'private/existing.txt': 'old' });
  files = mkdtempSync(join(tmpdir(), 'bucket-admin-upload-'));
});
afterAll(async () => {
  rmSync(files, { recursive: true, force: true });
  await tb.cleanup();
});

/** Posts the form fields in order, then the file, as a browser or curl would. */
async function postForm(
  link: Pick<UploadLinkResult, 'url' | 'fields'>,
  body: string,
  fileName = 'photo.txt',
  override: Record<string, string> = {},
) {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...link.fields, ...override })) form.append(name, value);
  form.append('file', new Blob([body]), fileName);
  const res = await fetchBounded(link.url, { method: 'POST', body: form });
  return { status: res.status, body: await res.text() };
}

async function exists(key: string): Promise<boolean> {
  try {
    await tb.client.send(new HeadObjectCommand({ Bucket: tb.bucket, Key: key }), { abortSignal: AbortSignal.timeout(httpTimeoutMs) });
    return true;
  } catch {
    return false;
  }
}

async function read(key: string): Promise<string> {
  const out = await tb.client.send(new GetObjectCommand({ Bucket: tb.bucket, Key: key }), {
    abortSignal: AbortSignal.timeout(httpTimeoutMs),
  });
  return (await out.Body?.transformToString()) ?? '';
}

/** Runs a snippet the way the customer would, with their file in place of the placeholder. */
async function runCurl(command: string, file: string): Promise<string> {
  const { stdout } = await run('sh', ['-c', command.replaceAll(filePlaceholder, file)], { timeout: httpTimeoutMs });
  return stdout;
}

describe('upload links against the real gateway', () => {
  let h: ShareCore;
  let connectionId: string;
  beforeEach(async () => {
    h = startShareCore();
    connectionId = (await h.value('connections:add', gatewayDraft(gw))).id;
  });
  afterEach(() => h.close());

  it('POST under a prefix: accepts a file in the size range, refuses a bigger one and another prefix', async () => {
    const link = await h.value('share:uploadLink', {
      connectionId,
      bucket: tb.bucket,
      method: 'post',
      target: { type: 'prefix', prefix: 'private/inbox/ZD-77/' },
      minBytes: 1,
      maxBytes: 64,
      anyContentType: true,
      expiresInSeconds: 600,
      note: 'ZD-77',
    });
    expect(link).toMatchObject({
      method: 'post',
      target: 'prefix',
      key: 'private/inbox/ZD-77/',
      conditions: { minBytes: 1, maxBytes: 64 },
    });
    expect(link.fields.key).toBe('private/inbox/ZD-77/${filename}');
    expect(Object.keys(link.fields)[0]).toBe('key');

    const ok = await postForm(link, 'small enough', 'scan 1.txt');
    expect(ok.status).toBe(201);
    expect(await read('private/inbox/ZD-77/scan 1.txt')).toBe('small enough');

    const big = await postForm(link, 'x'.repeat(65), 'big.txt');
    expect(big.status).toBe(400);
    expect(s3ErrorCode(big.body)).toBe('EntityTooLarge');
    expect(await exists('private/inbox/ZD-77/big.txt')).toBe(false);

    const empty = await postForm(link, '', 'empty.txt');
    expect(empty.status).toBe(400);
    expect(s3ErrorCode(empty.body)).toBe('EntityTooSmall');

    const elsewhere = await postForm(link, 'sneaky', 'x.txt', { key: 'private/other/x.txt' });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body).toMatch(/starts-with/);
    expect(await exists('private/other/x.txt')).toBe(false);
  });

  it('POST: the ready-to-paste curl command and the HTML form both upload', async () => {
    const link = await h.value('share:uploadLink', {
      connectionId,
      bucket: tb.bucket,
      method: 'post',
      target: { type: 'prefix', prefix: "private/inbox/o'brien & co/" },
      maxBytes: 1024,
      contentType: 'text/plain',
    });
    const file = join(files, 'invoice (final).txt');
    writeFileSync(file, 'sent with curl');
    const receipt = await runCurl(link.curl, file);
    expect(receipt).toContain('<Key>private/inbox/o&apos;brien &amp; co/invoice (final).txt</Key>');
    expect(await read("private/inbox/o'brien & co/invoice (final).txt")).toBe('sent with curl');

    // Read the hidden fields back out of the HTML as a browser would, and submit them.
    const action = /<form action="([^"]+)"/.exec(link.html)?.[1] ?? '';
    const fields = Object.fromEntries(
      [...link.html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1] ?? '', unescapeHtml(m[2] ?? '')]),
    );
    expect(fields).toEqual(link.fields);
    expect((await postForm({ url: unescapeHtml(action), fields }, 'sent with the form', 'form.txt')).status).toBe(201);
    expect(await read("private/inbox/o'brien & co/form.txt")).toBe('sent with the form');
  });

  it('POST to an exact key with a content-type condition', async () => {
    const link = await h.value('share:uploadLink', {
      connectionId,
      bucket: tb.bucket,
      method: 'post',
      target: { type: 'object', key: 'private/inbox/exact.png' },
      maxBytes: 1024,
      contentType: 'image/png',
    });
    expect(link.fields['Content-Type']).toBe('image/png');
    expect((await postForm(link, 'not png', 'a.png', { 'Content-Type': 'text/html' })).status).toBe(403);
    expect((await postForm(link, 'png', 'whatever-name.png', { key: 'private/inbox/other.png' })).status).toBe(403);
    expect((await postForm(link, 'png', 'whatever-name.png')).status).toBe(201);
    expect(await read('private/inbox/exact.png')).toBe('png');
  });

  it('an exact-key link fixes the type its name implies: a planted HTML page is refused (issue 8)', async () => {
    const post = await h.value('share:uploadLink', {
      connectionId,
      bucket: tb.bucket,
      method: 'post',
      target: { type: 'object', key: 'private/inbox/report.pdf' },
      maxBytes: 1024,
    });
    expect(post.conditions.contentType).toBe('application/pdf');
    expect(post.fields['Content-Type']).toBe('application/pdf');
    expect(
      (await postForm(post, '<script>alert(1)</script>', 'report.pdf', { 'Content-Type': 'application/pdf;x=,text/html' })).status,
    ).toBe(403);
    expect(await exists('private/inbox/report.pdf')).toBe(false);
    expect((await postForm(post, '%PDF-1.4', 'report.pdf')).status).toBe(201);

    const put = await h.value('share:uploadLink', {
      connectionId,
      bucket: tb.bucket,
      method: 'put',
      key: 'private/inbox/clip.mp4',
      expiresInSeconds: 600,
    });
    expect(put.headers).toEqual({ 'Content-Type': 'video/mp4' });
    const send = (type: string) => fetchBounded(put.url, { method: 'PUT', body: '<h1>x</h1>', headers: { 'Content-Type': type } });
    expect((await send('text/html')).status).toBe(403);
    expect((await send('video/mp4')).status).toBe(200);
  });

  it('refuses to guess: no type for a folder, or for a name that implies none, unless any type is allowed', async () => {
    const folder = await h.call('share:uploadLink', {
      connectionId,
      bucket: tb.bucket,
      method: 'post',
      target: { type: 'prefix', prefix: 'private/inbox/any/' },
      maxBytes: 10,
      anyContentType: false,
    });
    expect(folder).toMatchObject({
      ok: false,
      error: { code: 'InvalidInput', message: expect.stringMatching(/Allow any content type/) as string },
    });
    const noName = await h.call('share:uploadLink', {
      connectionId,
      bucket: tb.bucket,
      method: 'put',
      key: 'private/inbox/README',
      anyContentType: false,
    });
    expect(noName).toMatchObject({
      ok: false,
      error: { code: 'InvalidInput', message: expect.stringMatching(/cannot tell a content type/) as string },
    });
    const open = await h.value('share:uploadLink', {
      connectionId,
      bucket: tb.bucket,
      method: 'put',
      key: 'private/inbox/README',
      anyContentType: true,
    });
    expect(open.headers).toEqual({});
    expect(open.explanation).toMatch(/Any content type is accepted \(you allowed it\)/);
  });

  it('POST policy stops working once it expires', async () => {
    const link = await h.value('share:uploadLink', {
      connectionId,
      bucket: tb.bucket,
      method: 'post',
      target: { type: 'prefix', prefix: 'private/inbox/short/' },
      maxBytes: 1024,
      anyContentType: true,
      expiresInSeconds: 3,
    });
    expect((await postForm(link, 'in time', 'first.txt')).status).toBe(201);
    const late = await pollUntil(
      () => postForm(link, 'too late', 'late.txt'),
      (r) => r.status !== 201,
      20_000,
      (r) => `HTTP ${r.status}`,
    );
    expect(late.status).toBe(403);
    expect(late.body).toMatch(/Policy expired/);
  });

  it('PUT works for its key only, with the signed content type, and via its curl command', async () => {
    const link = await h.value('share:uploadLink', {
      connectionId,
      bucket: tb.bucket,
      method: 'put',
      key: 'private/existing.txt',
      contentType: 'text/plain',
      expiresInSeconds: 600,
      copy: 'curl',
    });
    expect(link.warning).toMatchObject({ code: 'WillOverwrite' });
    expect(link).toMatchObject({ headers: { 'Content-Type': 'text/plain' }, html: '', copiedByMain: false });
    expect(link.explanation).toMatch(/cannot limit the file size/);
    expect(new URL(link.url).search).not.toMatch(/checksum/i);

    const put = (url: string, headers: Record<string, string>) => fetchBounded(url, { method: 'PUT', body: 'new content', headers });
    expect((await put(link.url, {})).status).toBe(403);
    expect((await put(link.url.replace('private/existing.txt', 'private/other.txt'), { 'Content-Type': 'text/plain' })).status).toBe(403);
    expect(await exists('private/other.txt')).toBe(false);
    expect((await put(link.url, { 'Content-Type': 'text/plain' })).status).toBe(200);
    expect(await read('private/existing.txt')).toBe('new content');

    const file = join(files, 'put.txt');
    writeFileSync(file, 'via curl');
    await runCurl(link.curl, file);
    expect(await read('private/existing.txt')).toBe('via curl');
  });

  it('PUT to a key with a dot segment: warns that browsers cannot use it, and its curl command still uploads', async () => {
    const link = await h.value('share:uploadLink', {
      connectionId,
      bucket: tb.bucket,
      method: 'put',
      key: 'private/dot/./drop.txt',
      expiresInSeconds: 600,
    });
    expect(link.warning).toMatchObject({
      code: 'BrowserRewritesPath',
      message: expect.stringMatching(/^Browsers cannot use this link: the key has “\.” or “\.\.” segments/) as string,
    });
    expect(link.curl).toMatch(/--path-as-is/);
    // fetch parses the URL as a browser does: the dot segment is dropped and the signature fails.
    expect((await fetchBounded(link.url, { method: 'PUT', body: 'from a browser' })).status).toBe(403);
    const file = join(files, 'dot.txt');
    writeFileSync(file, 'via curl --path-as-is');
    await runCurl(link.curl, file);
    expect(await read('private/dot/./drop.txt')).toBe('via curl --path-as-is');
  });

  it('warns before letting uploads land under the public root', async () => {
    const link = await h.value('share:uploadLink', {
      connectionId,
      bucket: tb.bucket,
      method: 'post',
      target: { type: 'prefix', prefix: 'public/drop/' },
      maxBytes: 10,
      contentType: 'image/png',
    });
    expect(link.warning).toMatchObject({ code: 'PublicTarget' });
  });
});

function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));
}
