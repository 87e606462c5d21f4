import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobAclState } from '../../../src/main/core/access/capabilities';
import { copyObject, defaultCopyTuning } from '../../../src/main/core/objects/object-copier';
import { denyPolicy, putMany, startBrowseEnv, type BrowseEnv } from './browse-env';

let env: BrowseEnv;
const ref = () => ({ connectionId: env.connectionId, bucket: env.bucket });
const MiB = 1024 * 1024;

beforeAll(async () => {
  env = await startBrowseEnv('copy-move');
});
afterAll(() => env.close());

/** A folder of media with the headers, metadata and ACLs the move must keep. */
async function seedAlbum(prefix: string): Promise<void> {
  await putMany(env.client, [
    { Bucket: env.bucket, Key: prefix, Body: '' },
    {
      Bucket: env.bucket,
      Key: `${prefix}cover image.jpg`,
      Body: 'jpeg bytes',
      ContentType: 'image/jpeg',
      CacheControl: 'public, max-age=31536000',
      Metadata: { credit: 'studio 9' },
      ACL: 'public-read',
    },
    { Bucket: env.bucket, Key: `${prefix}sub/notes+1.txt`, Body: 'notes', ContentType: 'text/plain', ContentLanguage: 'fr' },
    { Bucket: env.bucket, Key: `${prefix}sub/é#?&.bin`, Body: 'odd', ContentType: 'application/octet-stream' },
  ]);
}

async function keysUnder(prefix: string): Promise<string[]> {
  const out = await env.client.send(new ListObjectsV2Command({ Bucket: env.bucket, Prefix: prefix }));
  return (out.Contents ?? []).map((o) => o.Key ?? '').sort();
}

/** The status of a GET without credentials: 200 when anyone with the URL can read the object. */
async function anonymousStatus(key: string): Promise<number> {
  const url = `${env.gw.endpoint}/${env.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  return (await fetch(url, { signal: AbortSignal.timeout(10_000) })).status;
}

async function expectKeptAttributes(key: string): Promise<void> {
  const head = await env.client.send(new HeadObjectCommand({ Bucket: env.bucket, Key: key }));
  expect(head).toMatchObject({ ContentType: 'image/jpeg', CacheControl: 'public, max-age=31536000', Metadata: { credit: 'studio 9' } });
  // The ACL came along: anyone can still GET the moved public object.
  const anonymous = await fetch(`${env.gw.endpoint}/${env.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`, {
    signal: AbortSignal.timeout(10_000),
  });
  expect(anonymous.status).toBe(200);
  expect(await anonymous.text()).toBe('jpeg bytes');
}

describe('copy, move and rename', () => {
  it('renames a folder keeping headers, metadata, ACL and odd names', async () => {
    await seedAlbum('public/album/');
    const { jobId } = await env.h.value('browse:rename', { ...ref(), key: 'public/album/', newName: 'album 2024' });
    const end = await env.jobEnd(jobId);
    expect(end).toMatchObject({ kind: 'finished', outcome: { done: 4, failedTotal: 0 } });
    expect(await keysUnder('public/album/')).toEqual([]);
    expect(await keysUnder('public/album 2024/')).toEqual([
      'public/album 2024/',
      'public/album 2024/cover image.jpg',
      'public/album 2024/sub/notes+1.txt',
      'public/album 2024/sub/é#?&.bin',
    ]);
    await expectKeptAttributes('public/album 2024/cover image.jpg');
    const notes = await env.client.send(new HeadObjectCommand({ Bucket: env.bucket, Key: 'public/album 2024/sub/notes+1.txt' }));
    expect(notes).toMatchObject({ ContentType: 'text/plain', ContentLanguage: 'fr' });
  });

  it('refuses a rename onto a taken name before moving anything', async () => {
    await putMany(env.client, [
      { Bucket: env.bucket, Key: 'public/r/a.txt', Body: 'a' },
      { Bucket: env.bucket, Key: 'public/r/b.txt', Body: 'b' },
    ]);
    const r = await env.h.call('browse:rename', { ...ref(), key: 'public/r/a.txt', newName: 'b.txt' });
    expect(r).toMatchObject({ ok: false, error: { code: 'Conflict' } });
    const slash = await env.h.call('browse:rename', { ...ref(), key: 'public/r/a.txt', newName: 'x/y' });
    expect(slash).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
  });

  it('moves a folder into another, and refuses moving it into itself', async () => {
    await seedAlbum('public/move-me/');
    const into = await env.h.call('browse:move', { ...ref(), keys: ['public/move-me/'], destinationPrefix: 'public/move-me/sub/' });
    expect(into).toMatchObject({ ok: false, error: { code: 'InvalidInput', message: expect.stringMatching(/into itself/) as string } });
    // Within the root: everything goes with it (a move into another root is the next case).
    const { jobId } = await env.h.value('browse:move', { ...ref(), keys: ['public/move-me/'], destinationPrefix: 'public/archive/' });
    expect(await env.jobEnd(jobId)).toMatchObject({ kind: 'finished', outcome: { done: 4, failedTotal: 0 } });
    expect(await keysUnder('public/move-me/')).toEqual([]);
    expect(await keysUnder('public/archive/move-me/')).toHaveLength(4);
    await expectKeptAttributes('public/archive/move-me/cover image.jpg');
  });

  it('copies between folders, reports conflicts instead of overwriting, and overwrites when asked', async () => {
    await putMany(env.client, [
      { Bucket: env.bucket, Key: 'public/src/one.txt', Body: 'new one' },
      { Bucket: env.bucket, Key: 'public/src/two.txt', Body: 'new two' },
      { Bucket: env.bucket, Key: 'public/dst/one.txt', Body: 'old one' },
    ]);
    const keys = ['public/src/one.txt', 'public/src/two.txt'];
    const first = await env.h.value('browse:copy', { ...ref(), keys, destinationPrefix: 'public/dst/' });
    const end = await env.jobEnd(first.jobId);
    expect(end).toMatchObject({
      kind: 'finished',
      outcome: { done: 1, failedTotal: 1, failed: [{ key: 'public/src/one.txt', code: 'Conflict' }] },
    });
    const kept = await env.client.send(new GetObjectCommand({ Bucket: env.bucket, Key: 'public/dst/one.txt' }));
    expect(await kept.Body?.transformToString()).toBe('old one');
    const second = await env.h.value('browse:copy', {
      ...ref(),
      keys: ['public/src/one.txt'],
      destinationPrefix: 'public/dst/',
      overwrite: true,
    });
    expect(await env.jobEnd(second.jobId)).toMatchObject({ kind: 'finished', outcome: { done: 1, failedTotal: 0 } });
    const replaced = await env.client.send(new GetObjectCommand({ Bucket: env.bucket, Key: 'public/dst/one.txt' }));
    expect(await replaced.Body?.transformToString()).toBe('new one');
    expect(await keysUnder('public/src/')).toEqual(['public/src/one.txt', 'public/src/two.txt']);
  });

  it('keeps the original when its delete is refused after the copy, and says so', async () => {
    await putMany(env.client, [
      { Bucket: env.bucket, Key: 'guarded/keep.txt', Body: 'k' },
      { Bucket: env.bucket, Key: 'guarded/free.txt', Body: 'f' },
    ]);
    await denyPolicy(env.client, env.bucket, [{ actions: ['s3:DeleteObject'], resource: `arn:aws:s3:::${env.bucket}/guarded/keep.txt` }]);
    const { jobId } = await env.h.value('browse:move', { ...ref(), keys: ['guarded/'], destinationPrefix: 'moved/' });
    const end = await env.jobEnd(jobId);
    expect(end).toMatchObject({
      kind: 'finished',
      outcome: {
        done: 1,
        failedTotal: 1,
        failed: [
          {
            key: 'guarded/keep.txt',
            code: 'AccessDenied',
            message: expect.stringMatching(/^Copied, but the original could not be removed/) as string,
          },
        ],
      },
    });
    expect(await keysUnder('guarded/')).toEqual(['guarded/keep.txt']);
    expect(await keysUnder('moved/guarded/')).toEqual(['moved/guarded/free.txt', 'moved/guarded/keep.txt']);
  });

  it("gives what lands in another root that root's ACL and Cache-Control, and keeps the rest", async () => {
    await putMany(env.client, [
      {
        Bucket: env.bucket,
        Key: 'public/leaving/poster.jpg',
        Body: 'poster',
        ContentType: 'image/jpeg',
        CacheControl: 'public, max-age=31536000',
        Metadata: { credit: 'studio 9' },
        ACL: 'public-read',
      },
      {
        Bucket: env.bucket,
        Key: 'private/drafts/cut.mov',
        Body: 'cut',
        ContentType: 'video/quicktime',
        CacheControl: 'no-store',
        ACL: 'private',
      },
    ]);
    expect(await anonymousStatus('public/leaving/poster.jpg')).toBe(200);

    // A public file moved under private/ is no longer world-readable: the private root's defaults.
    const out = await env.h.value('browse:move', { ...ref(), keys: ['public/leaving/poster.jpg'], destinationPrefix: 'private/archive/' });
    expect(await env.jobEnd(out.jobId)).toMatchObject({ kind: 'finished', outcome: { done: 1, failedTotal: 0 } });
    expect(await anonymousStatus('private/archive/poster.jpg')).toBe(403);
    const moved = await env.client.send(new HeadObjectCommand({ Bucket: env.bucket, Key: 'private/archive/poster.jpg' }));
    expect(moved).toMatchObject({ ContentType: 'image/jpeg', CacheControl: 'private, no-cache', Metadata: { credit: 'studio 9' } });

    // A private file copied into public/ is published as an upload there would be.
    const pub = await env.h.value('browse:copy', { ...ref(), keys: ['private/drafts/cut.mov'], destinationPrefix: 'public/release/' });
    expect(await env.jobEnd(pub.jobId)).toMatchObject({ kind: 'finished', outcome: { done: 1, failedTotal: 0 } });
    expect(await anonymousStatus('public/release/cut.mov')).toBe(200);
    const published = await env.client.send(new HeadObjectCommand({ Bucket: env.bucket, Key: 'public/release/cut.mov' }));
    expect(published).toMatchObject({ ContentType: 'video/quicktime', CacheControl: 'public, max-age=86400' });
    expect(await anonymousStatus('private/drafts/cut.mov')).toBe(403);

    // Within one root nothing changes: the copy keeps the source's exact ACL and headers.
    const inside = await env.h.value('browse:copy', { ...ref(), keys: ['private/drafts/cut.mov'], destinationPrefix: 'private/keep/' });
    expect(await env.jobEnd(inside.jobId)).toMatchObject({ kind: 'finished', outcome: { done: 1, failedTotal: 0 } });
    const kept = await env.client.send(new HeadObjectCommand({ Bucket: env.bucket, Key: 'private/keep/cut.mov' }));
    expect(kept.CacheControl).toBe('no-store');
  });

  it('renames a root folder itself keeping every ACL and header (a rename applies no root defaults)', async () => {
    await putMany(env.client, [
      {
        Bucket: env.bucket,
        Key: 'public/site/index.html',
        Body: '<p>hi</p>',
        ContentType: 'text/html',
        CacheControl: 'max-age=30',
        ACL: 'public-read',
      },
    ]);
    const { jobId } = await env.h.value('browse:rename', { ...ref(), key: 'public/', newName: 'public-2026' });
    expect(await env.jobEnd(jobId)).toMatchObject({ kind: 'finished', outcome: { failedTotal: 0 } });
    expect(await anonymousStatus('public-2026/site/index.html')).toBe(200);
    const head = await env.client.send(new HeadObjectCommand({ Bucket: env.bucket, Key: 'public-2026/site/index.html' }));
    expect(head).toMatchObject({ ContentType: 'text/html', CacheControl: 'max-age=30' });
    // Put back, so the cases after this one find public/ where they expect it.
    const back = await env.h.value('browse:rename', { ...ref(), key: 'public-2026/', newName: 'public' });
    expect(await env.jobEnd(back.jobId)).toMatchObject({ kind: 'finished', outcome: { failedTotal: 0 } });
  });

  it('copies large objects by multipart copy, keeping headers and ACL (threshold shrunk for the test)', async () => {
    const body = Buffer.alloc(12 * MiB, 7);
    body.write('start', 0);
    body.write('end', body.length - 3);
    await putMany(env.client, [
      {
        Bucket: env.bucket,
        Key: 'public/big.mov',
        Body: body,
        ContentType: 'video/quicktime',
        CacheControl: 'max-age=60',
        Metadata: { take: '3' },
        ACL: 'public-read',
      },
    ]);
    await copyObject(env.client, {
      bucket: env.bucket,
      sourceKey: 'public/big.mov',
      destinationKey: 'public/copies/big.mov',
      endpoint: env.gw.endpoint,
      acl: jobAclState(),
      tuning: { ...defaultCopyTuning, multipartThreshold: 6 * MiB, partBytes: 5 * MiB },
    });
    const head = await env.client.send(new HeadObjectCommand({ Bucket: env.bucket, Key: 'public/copies/big.mov' }));
    expect(head).toMatchObject({
      ContentLength: body.length,
      ContentType: 'video/quicktime',
      CacheControl: 'max-age=60',
      Metadata: { take: '3' },
    });
    expect(head.ETag).toMatch(/-3"$/); // three parts: it really went the multipart way
    const anonymous = await fetch(`${env.gw.endpoint}/${env.bucket}/public/copies/big.mov`, { signal: AbortSignal.timeout(20_000) });
    expect(anonymous.status).toBe(200);
    expect(Buffer.from(await anonymous.arrayBuffer()).equals(body)).toBe(true);
  });
});
