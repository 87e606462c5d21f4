import { DeleteBucketPolicyCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionRecord } from '../../../src/main/core/connections/connection-record';
import { checkCopyMoveTargets } from '../../../src/main/core/browse/copy-move/copy-move-plan';
import { planTransfer } from '../../../src/main/core/browse/selection';
import { denyPolicy, putMany, startBrowseEnv, type BrowseEnv } from './browse-env';

let env: BrowseEnv;
const ref = () => ({ connectionId: env.connectionId, bucket: env.bucket });

beforeAll(async () => {
  env = await startBrowseEnv('move-collisions');
});
afterAll(() => env.close());

/** Every object under `prefix` with its bytes as text, sorted by key. */
async function contentsUnder(prefix: string): Promise<Record<string, string>> {
  const out = await env.client.send(new ListObjectsV2Command({ Bucket: env.bucket, Prefix: prefix }));
  const entries = await Promise.all(
    (out.Contents ?? []).map(async (o) => {
      const body = await env.client.send(new GetObjectCommand({ Bucket: env.bucket, Key: o.Key }));
      return [o.Key ?? '', (await body.Body?.transformToString()) ?? ''] as const;
    }),
  );
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

const put = (objects: Record<string, string>) =>
  putMany(
    env.client,
    Object.entries(objects).map(([Key, Body]) => ({ Bucket: env.bucket, Key, Body })),
  );

/** `count` distinct files under `prefix`, as a key → content map. */
const fillers = (prefix: string, count: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}item-${String(i).padStart(2, '0')}.txt`, `filler ${i}`]));

describe('two sources that land on one target are refused before anything is written', () => {
  it('move with overwrite: x/f.txt and y/f.txt (a dozen items between them) into z/ is refused; every byte stays where it was', async () => {
    const between = fillers('m1/', 12);
    const seeded = { 'm1/x/f.txt': 'bytes of x', ...between, 'm1/y/f.txt': 'bytes of y' };
    await put(seeded);
    const keys = ['m1/x/f.txt', ...Object.keys(between), 'm1/y/f.txt'];
    const r = await env.h.call('browse:move', { ...ref(), keys, destinationPrefix: 'm1/z/', overwrite: true });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'Conflict',
        message: expect.stringMatching(/“m1\/x\/f\.txt” and “m1\/y\/f\.txt” would both become “m1\/z\/f\.txt”/) as string,
        details: { collisions: [{ target: 'm1/z/f.txt', sources: ['m1/x/f.txt', 'm1/y/f.txt'] }], collisionCount: 1 },
      },
    });
    expect(await contentsUnder('m1/')).toEqual(seeded);
  });

  it('copy with overwrite of the same selection is refused the same way and writes nothing', async () => {
    const seeded = { 'c1/x/f.txt': 'bytes of x', ...fillers('c1/', 12), 'c1/y/f.txt': 'bytes of y' };
    await put(seeded);
    const keys = Object.keys(seeded);
    const r = await env.h.call('browse:copy', { ...ref(), keys, destinationPrefix: 'c1/z/', overwrite: true });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'Conflict', details: { collisions: [{ target: 'c1/z/f.txt', sources: ['c1/x/f.txt', 'c1/y/f.txt'] }] } },
    });
    expect(await contentsUnder('c1/')).toEqual(seeded);
  });

  it('two same-named folders whose contents overlap are refused, naming each clashing pair', async () => {
    const seeded = {
      'm2/a/photos/': '',
      'm2/a/photos/p.jpg': 'a p',
      'm2/a/photos/only-a.jpg': 'a only',
      'm2/a/photos/deep/q.jpg': 'a q',
      'm2/b/photos/': '',
      'm2/b/photos/p.jpg': 'b p',
      'm2/b/photos/deep/q.jpg': 'b q',
      'm2/b/photos/only-b.jpg': 'b only',
    };
    await put(seeded);
    const r = await env.h.call('browse:move', {
      ...ref(),
      keys: ['m2/a/photos/', 'm2/b/photos/'],
      destinationPrefix: 'm2/z/',
      overwrite: true,
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'Conflict',
        message: expect.stringMatching(
          /“m2\/a\/photos\/deep\/q\.jpg” and “m2\/b\/photos\/deep\/q\.jpg” would both become “m2\/z\/photos\/deep\/q\.jpg”.*1 more/,
        ) as string,
        details: {
          collisionCount: 2,
          collisions: [
            { target: 'm2/z/photos/deep/q.jpg', sources: ['m2/a/photos/deep/q.jpg', 'm2/b/photos/deep/q.jpg'] },
            { target: 'm2/z/photos/p.jpg', sources: ['m2/a/photos/p.jpg', 'm2/b/photos/p.jpg'] },
          ],
        },
      },
    });
    expect(await contentsUnder('m2/')).toEqual(seeded);
  });

  it('a folder moved up onto its own parent name, holding a same-named subfolder, is refused (a target that is also a source)', async () => {
    // Moving m3/x/x/ into m3/ makes m3/x/x/x/g land on m3/x/x/g, which is itself being moved.
    const seeded = { 'm3/x/x/g': 'outer g', 'm3/x/x/x/g': 'inner g' };
    await put(seeded);
    const r = await env.h.call('browse:move', { ...ref(), keys: ['m3/x/x/'], destinationPrefix: 'm3/', overwrite: true });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'Conflict',
        message: expect.stringMatching(/“m3\/x\/x\/x\/g” would land on “m3\/x\/x\/g”, which is itself being moved/) as string,
        details: { collisions: [{ target: 'm3/x/x/g', sources: ['m3/x/x/x/g', 'm3/x/x/g'] }] },
      },
    });
    expect(await contentsUnder('m3/')).toEqual(seeded);
  });

  it('a folder whose contents land on a file that the same move takes away is refused', async () => {
    // m4/a/x/ goes to m4/z/x/, so m4/a/x/f lands on m4/z/x/f, which this move also sends to m4/z/f.
    const seeded = { 'm4/a/x/f': 'a f', 'm4/z/x/f': 'z f' };
    await put(seeded);
    const r = await env.h.call('browse:move', { ...ref(), keys: ['m4/a/x/', 'm4/z/x/f'], destinationPrefix: 'm4/z/', overwrite: true });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'Conflict', details: { collisions: [{ target: 'm4/z/x/f', sources: ['m4/a/x/f', 'm4/z/x/f'] }] } },
    });
    expect(await contentsUnder('m4/')).toEqual(seeded);
  });

  it('refuses, rather than guesses, when folders that may clash hold more objects than it will check', async () => {
    await put({ 'm8/a/d/1': '1', 'm8/a/d/2': '2', 'm8/b/d/3': '3', 'm8/b/d/4': '4' });
    const resolved = { record: { endpoint: env.gw.endpoint } as ConnectionRecord, client: env.client };
    const items = planTransfer(['m8/a/d/', 'm8/b/d/'], 'm8/z/', 'move');
    await expect(checkCopyMoveTargets(resolved, env.bucket, items, 'move', 3)).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringMatching(/more than 3 objects/) as string,
    });
    const checked = await checkCopyMoveTargets(resolved, env.bucket, items, 'move', 4);
    expect([...checked.listed.keys()].sort()).toEqual(['m8/a/d/', 'm8/b/d/']);
  });

  it('still merges two same-named folders that share only their empty folder markers', async () => {
    await put({ 'm5/a/docs/': '', 'm5/a/docs/one.txt': 'one', 'm5/b/docs/': '', 'm5/b/docs/two.txt': 'two' });
    const { jobId } = await env.h.value('browse:move', { ...ref(), keys: ['m5/a/docs/', 'm5/b/docs/'], destinationPrefix: 'm5/z/' });
    expect(await env.jobEnd(jobId)).toMatchObject({ kind: 'finished', outcome: { done: 4, failedTotal: 0 } });
    expect(await contentsUnder('m5/')).toEqual({ 'm5/z/docs/': '', 'm5/z/docs/one.txt': 'one', 'm5/z/docs/two.txt': 'two' });
  });

  it('treats names that differ only in case as different keys', async () => {
    await put({ 'm6/x/F.txt': 'upper', 'm6/y/f.txt': 'lower' });
    const { jobId } = await env.h.value('browse:move', {
      ...ref(),
      keys: ['m6/x/F.txt', 'm6/y/f.txt'],
      destinationPrefix: 'm6/z/',
      overwrite: true,
    });
    expect(await env.jobEnd(jobId)).toMatchObject({ kind: 'finished', outcome: { done: 2, failedTotal: 0 } });
    expect(await contentsUnder('m6/')).toEqual({ 'm6/z/F.txt': 'upper', 'm6/z/f.txt': 'lower' });
  });
});

describe('a move deletes an original only once its copy is in place', () => {
  it('keeps the original and reports the failure when its copy is refused', async () => {
    await put({ 'm7/src/blocked.txt': 'blocked bytes', 'm7/src/free.txt': 'free bytes' });
    await denyPolicy(env.client, env.bucket, [{ actions: ['s3:PutObject'], resource: `arn:aws:s3:::${env.bucket}/m7/dst/blocked.txt` }]);
    try {
      const { jobId } = await env.h.value('browse:move', {
        ...ref(),
        keys: ['m7/src/blocked.txt', 'm7/src/free.txt'],
        destinationPrefix: 'm7/dst/',
        overwrite: true,
      });
      expect(await env.jobEnd(jobId)).toMatchObject({
        kind: 'finished',
        outcome: { done: 1, failedTotal: 1, failed: [{ key: 'm7/src/blocked.txt', code: 'AccessDenied' }] },
      });
    } finally {
      await env.client.send(new DeleteBucketPolicyCommand({ Bucket: env.bucket }));
    }
    expect(await contentsUnder('m7/')).toEqual({ 'm7/src/blocked.txt': 'blocked bytes', 'm7/dst/free.txt': 'free bytes' });
  });
});
