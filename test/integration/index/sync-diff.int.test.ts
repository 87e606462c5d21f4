import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexStore } from '../../../src/main/core/index/index-store';
import { SnapshotRepository } from '../../../src/main/core/index/snapshot-repository';
import { putMany, startBrowseEnv, type BrowseEnv } from '../browse/browse-env';
import { liveRows, openIndexOf, watchSyncs } from './support/index-env';

let env: BrowseEnv;
let index: IndexStore | undefined;
let syncs: ReturnType<typeof watchSyncs>;

beforeAll(async () => {
  env = await startBrowseEnv('index-sync');
  syncs = watchSyncs(env.h);
  const keys = ['public/a.jpg', 'public/b.jpg', 'private/c.pdf', 'deep/x/y/z.txt', 'top.txt'];
  await putMany(
    env.client,
    keys.map((Key) => ({ Bucket: env.bucket, Key, Body: `first ${Key}` })),
  );
});
afterAll(async () => {
  index?.close();
  await env.close();
});

const sync = async () => {
  const started = await env.h.value('index:sync', { connectionId: env.connectionId, bucket: env.bucket });
  const end = await syncs.end(started.jobId);
  expect(end).toMatchObject({ state: 'done' });
  // The test's own reader opens once the app has made and migrated the file: two migrations of a
  // new file racing each other would have one of them set it aside (under load, seen in CI).
  index ??= openIndexOf(env.h.dataDir);
  return end;
};

const reader = (): IndexStore => {
  if (!index) throw new Error('The index is read only after a first sync.');
  return index;
};

describe('syncing a bucket into the index', () => {
  it('indexes every object, and a re-sync after changes lists exactly those changes', async () => {
    const first = await sync();
    expect(first).toMatchObject({ objects: 5, added: 5, changed: 0, removed: 0 });
    // Once every object was in, the panel heard that the search indexes were being built, then done.
    const firstEvents = syncs.events.filter((e) => e.jobId === first.jobId);
    expect(firstEvents.at(-2)).toMatchObject({ state: 'running', indexing: true, objects: 5 });
    expect(firstEvents.slice(0, -2).filter((e) => e.indexing)).toEqual([]);
    // What a first sync leaves out (index v9) is all back.
    const indexes = await reader().all<{ name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'objects' AND sql IS NOT NULL",
    );
    expect(indexes.map((r) => r.name)).toEqual(
      expect.arrayContaining(['objects_size', 'objects_etag', 'objects_extension', 'objects_last_modified', 'objects_first_sync']),
    );
    expect(await reader().all('SELECT name FROM objects_deferred_indexes')).toEqual([]);
    expect((await liveRows(reader(), env.connectionId, env.bucket)).map((r) => r.key)).toEqual([
      'deep/x/y/z.txt',
      'private/c.pdf',
      'public/a.jpg',
      'public/b.jpg',
      'top.txt',
    ]);

    await env.client.send(new PutObjectCommand({ Bucket: env.bucket, Key: 'public/new.jpg', Body: 'new' }));
    await env.client.send(new PutObjectCommand({ Bucket: env.bucket, Key: 'public/a.jpg', Body: 'overwritten, longer' }));
    await env.client.send(new DeleteObjectCommand({ Bucket: env.bucket, Key: 'private/c.pdf' }));
    const second = await sync();
    expect(second).toMatchObject({ objects: 5, added: 1, changed: 1, removed: 1, expectedObjects: 5 });
    // A re-sync leaves no index to build: the panel does not say it builds any.
    expect(syncs.events.filter((e) => e.jobId === second.jobId && e.indexing)).toEqual([]);

    const snapshots = new SnapshotRepository(reader());
    const bucketId = await snapshots.bucketId(env.connectionId, env.bucket);
    const changes = await snapshots.changes({ bucketId, fromSync: first.syncId, toSync: second.syncId });
    expect(changes.map((c) => [c.change, c.key])).toEqual([
      ['removed', 'private/c.pdf'],
      ['changed', 'public/a.jpg'],
      ['added', 'public/new.jpg'],
    ]);
    const overwritten = changes[1];
    expect(overwritten?.before?.size).toBe('first public/a.jpg'.length);
    expect(overwritten?.after?.size).toBe('overwritten, longer'.length);
    expect(overwritten?.before?.etag).not.toBe(overwritten?.after?.etag);

    // Each snapshot browses as the bucket was at its sync.
    const names = async (syncId: number, prefix: string) =>
      (await snapshots.folderAsOf(bucketId, syncId, prefix)).entries.map((e) => (e.kind === 'folder' ? e.prefix : e.key));
    expect(await names(first.syncId, '')).toEqual(['deep/', 'private/', 'public/', 'top.txt']);
    expect(await names(second.syncId, '')).toEqual(['deep/', 'public/', 'top.txt']);
    expect(await names(first.syncId, 'public/')).toEqual(['public/a.jpg', 'public/b.jpg']);
    expect(await names(second.syncId, 'public/')).toEqual(['public/a.jpg', 'public/b.jpg', 'public/new.jpg']);

    const listed = await env.h.value('index:syncs', { connectionId: env.connectionId, bucket: env.bucket });
    expect(listed.map((s) => [s.syncId, s.state, s.objects])).toEqual([
      [second.syncId, 'done', 5],
      [first.syncId, 'done', 5],
    ]);
  });

  it('refuses a second sync of a bucket while one runs', async () => {
    const started = await env.h.value('index:sync', { connectionId: env.connectionId, bucket: env.bucket });
    const again = await env.h.call('index:sync', { connectionId: env.connectionId, bucket: env.bucket });
    expect(again).toMatchObject({ ok: false, error: { code: 'Conflict' } });
    await syncs.end(started.jobId);
  });
});
