import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startIndexStore, type IndexStore } from '../../../src/main/core/index/index-store';
import { rowsOf } from '../../../src/main/core/index/listed-columns';
import type { ListedObject } from '../../../src/main/core/index/listed-object';
import { SnapshotRepository } from '../../../src/main/core/index/snapshot-repository';
import { SyncRepository } from '../../../src/main/core/index/sync-repository';
import { silentLogger } from '../../../src/main/core/logger';

const dirs: string[] = [];
const stores: IndexStore[] = [];
afterEach(() => {
  stores.splice(0).forEach((s) => s.close());
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function start() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bucket-admin-snapshots-'));
  dirs.push(dir);
  const store = startIndexStore({ file: path.join(dir, 'index.sqlite'), logger: silentLogger });
  stores.push(store);
  return { store, snapshots: new SnapshotRepository(store), syncs: new SyncRepository(store) };
}

const obj = (key: string, etag = 'e1', size = 10): ListedObject => ({
  key,
  size,
  etag,
  lastModified: '2026-01-01T00:00:00.000Z',
  storageClass: 'STANDARD',
});

/** A whole sync of one range listed in one page: what a listing of `objects` leaves. */
async function syncOnce(env: ReturnType<typeof start>, bucketId: number, objects: ListedObject[], prefix = ''): Promise<number> {
  const syncId = await env.syncs.begin(bucketId, prefix, 'list', null);
  await env.syncs.addRanges(syncId, [{ startAfter: null, endKey: null }]);
  await env.store.call('mergeListingPage', {
    syncId,
    bucketId,
    prefix,
    ordinal: 0,
    after: null,
    through: null,
    rows: rowsOf(objects),
    rangeDone: true,
    listRequests: 1,
  });
  await env.syncs.setState(syncId, 'done');
  return syncId;
}

const keysOf = (entries: { kind: string; prefix?: string; key?: string }[]) => entries.map((e) => (e.kind === 'folder' ? e.prefix : e.key));

describe('snapshots of a bucket in the index', () => {
  it('lists exactly what was added, changed and removed between two syncs, and stores only those rows', async () => {
    const env = start();
    const bucket = await env.snapshots.bucketId('c1', 'media');
    const first = await syncOnce(env, bucket, [obj('a/1.jpg'), obj('a/2.jpg'), obj('b/x.mov'), obj('top.txt')]);
    const second = await syncOnce(env, bucket, [obj('a/1.jpg'), obj('a/2.jpg', 'e2', 20), obj('b/y.mov'), obj('top.txt')]);

    expect(await env.snapshots.changes({ bucketId: bucket, fromSync: first, toSync: second })).toEqual([
      {
        change: 'changed',
        key: 'a/2.jpg',
        before: expect.objectContaining({ etag: 'e1', size: 10 }) as unknown,
        after: expect.objectContaining({ etag: 'e2', size: 20 }) as unknown,
      },
      { change: 'removed', key: 'b/x.mov', before: expect.objectContaining({ etag: 'e1' }) as unknown, after: null },
      { change: 'added', key: 'b/y.mov', before: null, after: expect.objectContaining({ etag: 'e1' }) as unknown },
    ]);
    expect(await env.snapshots.changeTotals({ bucketId: bucket, fromSync: first, toSync: second })).toEqual({
      added: { count: 1, bytes: 10 },
      changed: { count: 1, bytes: 20 },
      removed: { count: 1, bytes: 10 },
    });
    expect(await env.snapshots.changes({ bucketId: bucket, fromSync: first, toSync: second, prefix: 'b/' })).toHaveLength(2);
    // Compact: the two unchanged objects were not copied; only the replaced and the removed version went to history.
    expect(await env.store.get('SELECT count(*) AS n FROM objects')).toEqual({ n: 4 });
    expect(await env.store.all('SELECT key, etag FROM object_history ORDER BY key')).toEqual([
      { key: 'a/2.jpg', etag: 'e1' },
      { key: 'b/x.mov', etag: 'e1' },
    ]);
    expect(await env.syncs.get(second)).toMatchObject({ state: 'done', objectCount: 4, addedCount: 1, changedCount: 1, removedCount: 1 });
  });

  it('lists what a sync found, every version there then, as added, when there is no earlier sync to compare with', async () => {
    const env = start();
    const bucket = await env.snapshots.bucketId('c1', 'media');
    const first = await syncOnce(env, bucket, [obj('a/1.jpg'), obj('a/2.jpg'), obj('b/x.mov'), obj('top.txt')]);
    const second = await syncOnce(env, bucket, [obj('a/1.jpg'), obj('a/2.jpg', 'e2', 20), obj('b/y.mov'), obj('top.txt')]);
    const found = async (toSync: number, more: { prefix?: string; afterKey?: string; limit?: number } = {}) =>
      (await env.snapshots.changes({ bucketId: bucket, fromSync: 0, toSync, ...more })).map((c) => [
        c.change,
        c.key,
        c.before,
        c.after?.etag,
      ]);
    // The first sync's versions of a/2.jpg and b/x.mov are history now: still what that sync found.
    expect(await found(first)).toEqual([
      ['added', 'a/1.jpg', null, 'e1'],
      ['added', 'a/2.jpg', null, 'e1'],
      ['added', 'b/x.mov', null, 'e1'],
      ['added', 'top.txt', null, 'e1'],
    ]);
    expect(await found(second, { afterKey: 'a/1.jpg', limit: 2 })).toEqual([
      ['added', 'a/2.jpg', null, 'e2'],
      ['added', 'b/y.mov', null, 'e1'],
    ]);
    expect(await found(first, { prefix: 'b/' })).toEqual([['added', 'b/x.mov', null, 'e1']]);
    expect(await env.snapshots.changeTotals({ bucketId: bucket, fromSync: 0, toSync: second })).toEqual({
      added: { count: 4, bytes: 50 },
      changed: { count: 0, bytes: 0 },
      removed: { count: 0, bytes: 0 },
    });
    expect(await env.snapshots.changeTotals({ bucketId: bucket, fromSync: 0, toSync: first, prefix: 'a/' })).toEqual({
      added: { count: 2, bytes: 20 },
      changed: { count: 0, bytes: 0 },
      removed: { count: 0, bytes: 0 },
    });
  });

  it('shows each snapshot as folders, as that sync saw them', async () => {
    const env = start();
    const bucket = await env.snapshots.bucketId('c1', 'media');
    const first = await syncOnce(env, bucket, [obj('a/1.jpg'), obj('a/deep/z.png'), obj('b/x.mov'), obj('top.txt')]);
    const second = await syncOnce(env, bucket, [obj('a/1.jpg', 'e9'), obj('c/new.txt'), obj('top.txt')]);

    expect(keysOf((await env.snapshots.folderAsOf(bucket, first, '')).entries)).toEqual(['a/', 'b/', 'top.txt']);
    expect(keysOf((await env.snapshots.folderAsOf(bucket, second, '')).entries)).toEqual(['a/', 'c/', 'top.txt']);
    expect(keysOf((await env.snapshots.folderAsOf(bucket, first, 'a/')).entries)).toEqual(['a/1.jpg', 'a/deep/']);
    expect(keysOf((await env.snapshots.folderAsOf(bucket, second, 'a/')).entries)).toEqual(['a/1.jpg']);
    expect((await env.snapshots.folderAsOf(bucket, first, 'a/')).entries[0]).toMatchObject({ etag: 'e1' });
    expect((await env.snapshots.folderAsOf(bucket, second, 'a/')).entries[0]).toMatchObject({ etag: 'e9' });
    expect((await env.snapshots.folderAsOf(bucket, second, 'b/')).entries).toEqual([]);
  });

  it('pages a folder: each page goes on where the last ended, past a folder’s contents', async () => {
    const env = start();
    const bucket = await env.snapshots.bucketId('c1', 'media');
    const keys = ['p/a.txt', 'p/b/1', 'p/b/2', 'p/c.txt', 'p/d/1', 'p/e.txt'];
    const sync = await syncOnce(
      env,
      bucket,
      keys.map((k) => obj(k)),
    );
    const seen: (string | undefined)[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await env.snapshots.folderAsOf(bucket, sync, 'p/', { limit: 2, ...(after === undefined ? {} : { after }) });
      seen.push(...keysOf(result.entries));
      if (result.next === null) break;
      after = result.next;
    }
    expect(seen).toEqual(['p/a.txt', 'p/b/', 'p/c.txt', 'p/d/', 'p/e.txt']);
  });

  it('merges pages by window: a page removes only keys inside its window, and merging it again changes nothing', async () => {
    const env = start();
    const bucket = await env.snapshots.bucketId('c1', 'media');
    const first = await syncOnce(
      env,
      bucket,
      ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'].map((k) => obj(k)),
    );
    const syncId = await env.syncs.begin(bucket, '', 'list', null);
    await env.syncs.addRanges(syncId, [
      { startAfter: null, endKey: 'k3' },
      { startAfter: 'k3', endKey: null },
    ]);
    // Range 1's first page: keys up to k2 (k2 gone), so only the window (start, k3] is judged.
    const page = {
      syncId,
      bucketId: bucket,
      prefix: '',
      ordinal: 0,
      after: null,
      through: 'k3',
      rows: rowsOf([obj('k1'), obj('k3')]),
      rangeDone: true,
      listRequests: 1,
    };
    expect(await env.store.call('mergeListingPage', page)).toEqual({ added: 0, changed: 0, removed: 1 });
    // A resume after a crash lists that page again: nothing more is written.
    expect(await env.store.call('mergeListingPage', page)).toEqual({ added: 0, changed: 0, removed: 0 });
    expect(await env.store.all('SELECT key FROM objects ORDER BY key')).toEqual(['k1', 'k3', 'k4', 'k5', 'k6'].map((key) => ({ key })));
    expect(await env.syncs.ranges(syncId)).toMatchObject([
      { ordinal: 0, position: 'k3', done: true },
      { ordinal: 1, position: null, done: false },
    ]);
    await env.store.call('mergeListingPage', {
      ...page,
      ordinal: 1,
      after: 'k3',
      through: null,
      rows: rowsOf([obj('k4'), obj('k6', 'e2'), obj('k7')]),
    });
    await env.syncs.setState(syncId, 'done');
    expect(await env.snapshots.changeTotals({ bucketId: bucket, fromSync: first, toSync: syncId })).toMatchObject({
      added: { count: 1 },
      changed: { count: 1 },
      removed: { count: 2 },
    });
    expect(await env.syncs.ranges(syncId)).toEqual([]);
  });

  it('keeps a prefix sync to its prefix: keys elsewhere are neither removed nor listed as changes', async () => {
    const env = start();
    const bucket = await env.snapshots.bucketId('c1', 'media');
    const first = await syncOnce(env, bucket, [obj('public/a'), obj('public/b'), obj('private/c')]);
    const second = await syncOnce(env, bucket, [obj('public/a')], 'public/');
    expect((await env.snapshots.changes({ bucketId: bucket, fromSync: first, toSync: second })).map((c) => [c.change, c.key])).toEqual([
      ['removed', 'public/b'],
    ]);
    expect(await env.store.all('SELECT key FROM objects ORDER BY key')).toEqual([{ key: 'private/c' }, { key: 'public/a' }]);
  });

  it('forgets everything of a removed connection', async () => {
    const env = start();
    const bucket = await env.snapshots.bucketId('c1', 'media');
    await syncOnce(env, bucket, [obj('a'), obj('b')]);
    await syncOnce(env, bucket, [obj('a')]);
    const { ObjectIndex } = await import('../../../src/main/core/index/object-index');
    await new ObjectIndex(env.store).forgetConnection('c1');
    for (const table of ['buckets', 'syncs', 'objects', 'object_history'])
      expect(await env.store.get(`SELECT count(*) AS n FROM ${table}`)).toEqual({ n: 0 });
  });
});
