import { ListObjectsV2Command, type ListObjectsV2CommandOutput, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../src/shared/model/job';
import { denyPolicy, putMany, startBrowseEnv, type BrowseEnv } from './browse-env';

let env: BrowseEnv;
const bulk = 3500;
beforeAll(async () => {
  env = await startBrowseEnv('delete');
  const keys = Array.from({ length: bulk }, (_, i) => `big/part-${String(i).padStart(5, '0')}.txt`);
  await putMany(
    env.client,
    [...keys, 'big/', 'big/nested/deep.txt'].map((Key) => ({ Bucket: env.bucket, Key, Body: Key.endsWith('/') ? '' : 'x' })),
  );
}, 180_000);
afterAll(() => env.close());

async function countUnder(client: S3Client, bucket: string, prefix: string): Promise<number> {
  let n = 0;
  let token: string | undefined;
  do {
    const out: ListObjectsV2CommandOutput = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    n += out.KeyCount ?? 0;
    token = out.NextContinuationToken;
  } while (token);
  return n;
}

const ref = () => ({ connectionId: env.connectionId, bucket: env.bucket });

describe('create folder', () => {
  it('creates a zero-byte placeholder that lists as an empty folder', async () => {
    const { key } = await env.h.value('browse:createFolder', { ...ref(), parentPrefix: 'made/', name: 'New folder é' });
    expect(key).toBe('made/New folder é/');
    const parent = await env.h.value('browse:list', { ...ref(), prefix: 'made/' });
    expect(parent.entries).toEqual([{ kind: 'folder', key, name: 'New folder é/' }]);
    const inside = await env.h.value('browse:list', { ...ref(), prefix: key });
    expect(inside.entries).toEqual([]);
  });

  it('refuses an existing folder and names with a slash', async () => {
    const again = await env.h.call('browse:createFolder', { ...ref(), parentPrefix: 'made/', name: 'New folder é' });
    expect(again).toMatchObject({ ok: false, error: { code: 'Conflict' } });
    const implicit = await env.h.call('browse:createFolder', { ...ref(), parentPrefix: '', name: 'big' });
    expect(implicit).toMatchObject({ ok: false, error: { code: 'Conflict', message: expect.stringMatching(/already exists/) as string } });
    const slash = await env.h.call('browse:createFolder', { ...ref(), parentPrefix: '', name: 'a/b' });
    expect(slash).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    const notFolder = await env.h.call('browse:createFolder', { ...ref(), parentPrefix: 'made', name: 'x' });
    expect(notFolder).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
  });
});

describe('measure and delete', () => {
  it('measures a folder for the confirmation', async () => {
    const m = await env.h.value('browse:measure', { ...ref(), keys: ['big/', 'made/New folder é/'] });
    expect(m).toMatchObject({ objects: bulk + 3, bytes: bulk + 1, folders: 2, truncated: false });
    expect(m.sampleKeys.length).toBeGreaterThan(0);
    const capped = await env.h.value('browse:measure', { ...ref(), keys: ['big/'], limit: 100 });
    expect(capped).toMatchObject({ objects: 100, truncated: true });
  });

  it('cancels a large folder delete between batches, keeping the rest', async () => {
    const { jobId } = await env.h.value('browse:delete', { ...ref(), keys: ['big/'] });
    await env.jobEvent(jobId, (e) => e.kind === 'progress' && e.done > 0);
    expect(await env.h.value('jobs:cancel', { jobId })).toEqual({ cancelled: true });
    const end = await env.jobEnd(jobId);
    expect(end.kind).toBe('cancelled');
    const done = end.kind === 'cancelled' ? (end.outcome?.done ?? -1) : -1;
    expect(done).toBeGreaterThan(0);
    expect(done % 1000).toBe(0); // whole batches only
    expect(await countUnder(env.client, env.bucket, 'big/')).toBe(bulk + 2 - done);
  });

  it('deletes the rest of the folder in batches with progress, then it is gone', async () => {
    const before = await countUnder(env.client, env.bucket, 'big/');
    const { jobId } = await env.h.value('browse:delete', { ...ref(), keys: ['big/', 'made/New folder é/'] });
    const end = await env.jobEnd(jobId);
    expect(end).toMatchObject({ kind: 'finished', outcome: { done: before + 1, failed: [], failedTotal: 0 } });
    const mine = env.events.filter((e): e is Extract<JobProgress, { kind: 'progress' }> => e.jobId === jobId && e.kind === 'progress');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.at(-1)).toMatchObject({ done: before + 1, total: before + 1, unit: 'items' });
    expect(env.events.find((e) => e.jobId === jobId)).toMatchObject({
      kind: 'started',
      label: expect.stringMatching(/^Deleting 2 items/) as string,
    });
    expect(await countUnder(env.client, env.bucket, 'big/')).toBe(0);
    expect(await countUnder(env.client, env.bucket, 'made/')).toBe(0);
  });

  it('lists the keys a bucket policy refused to delete, and deletes the rest', async () => {
    await putMany(
      env.client,
      ['mixed/locked/a.txt', 'mixed/locked/b.txt', 'mixed/open/c.txt', 'mixed/d.txt'].map((Key) => ({
        Bucket: env.bucket,
        Key,
        Body: 'x',
      })),
    );
    await denyPolicy(env.client, env.bucket, [{ actions: ['s3:DeleteObject'], resource: `arn:aws:s3:::${env.bucket}/mixed/locked/*` }]);
    const { jobId } = await env.h.value('browse:delete', { ...ref(), keys: ['mixed/'] });
    const end = await env.jobEnd(jobId);
    expect(end).toMatchObject({ kind: 'finished', outcome: { done: 2, failedTotal: 2 } });
    const failed = end.kind === 'finished' ? (end.outcome?.failed ?? []) : [];
    expect(failed.map((f) => f.key).sort()).toEqual(['mixed/locked/a.txt', 'mixed/locked/b.txt']);
    expect(failed[0]).toMatchObject({ code: 'AccessDenied', message: expect.stringMatching(/may not delete/) as string });
    expect(await countUnder(env.client, env.bucket, 'mixed/')).toBe(2);
  });

  it('refuses an empty or oversized selection before anything runs', async () => {
    expect(await env.h.call('browse:delete', { ...ref(), keys: [] })).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    const many = Array.from({ length: 10_001 }, (_, i) => `k${i}`);
    expect(await env.h.call('browse:delete', { ...ref(), keys: many })).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
  });
});
