import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSyncTuning, runBucketSync } from '../../../src/main/core/index/bucket-sync';
import { searchIndexedObjects, searchSql } from '../../../src/main/core/index/index-search';
import { startIndexStore, type IndexStore } from '../../../src/main/core/index/index-store';
import { ObjectIndex } from '../../../src/main/core/index/object-index';
import { SnapshotRepository } from '../../../src/main/core/index/snapshot-repository';
import { SyncRepository } from '../../../src/main/core/index/sync-repository';
import { silentLogger } from '../../../src/main/core/logger';
import { searchQuerySchema } from '../../../src/shared/model/audit';
import { defaultRoots } from '../../../src/shared/model/roots';
import { MemoryBucket } from './index-memory-bucket';

/*
 * Index v6: a bucket's first sync leaves its keys out of the trigram index and indexes them all
 * at once when it stops. Search must find the same objects before and after, and the index must
 * stay exactly in step with the rows through every path that writes them (a later sync's deletes,
 * a sync that never stopped, a removed connection): FTS5's own integrity check with the content
 * table compared (rank 1) fails on any row indexed twice, missing, or "deleted" without being there.
 */

const dirs: string[] = [];
const stores: IndexStore[] = [];
afterEach(() => {
  stores.splice(0).forEach((s) => s.close());
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function freshStore(): IndexStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bucket-admin-key-index-'));
  dirs.push(dir);
  const store = startIndexStore({ file: path.join(dir, 'index.sqlite'), logger: silentLogger });
  stores.push(store);
  return store;
}

/** Dated photo folders and one flat folder: enough keys for several pages and ranges. */
function mediaKeys(count: number, tag = ''): string[] {
  return Array.from({ length: count }, (_, i) =>
    i % 5 === 0 ? `public/flat/file-${i}${tag}.jpg` : `public/media/${2020 + (i % 5)}/day-${i % 30}/photo-${i}${tag}.png`,
  );
}

/** Starts a sync row running (as the sync service does) and lists `bucket` into it. */
async function syncRunning(store: IndexStore, syncs: SyncRepository, bucketId: number, bucket: MemoryBucket): Promise<number> {
  const syncId = await syncs.begin(bucketId, '', 'list', null);
  await syncs.setState(syncId, 'running');
  await runBucketSync({ store, syncs, list: bucket.list, tuning: defaultSyncTuning }, syncId, new AbortController().signal);
  return syncId;
}

const pendingBuckets = async (store: IndexStore) =>
  (await store.all<{ bucket_id: number }>('SELECT bucket_id FROM objects_key_fts_pending')).map((r) => r.bucket_id);
/** Rows in the trigram index: the distinct rows its terms are in (fts5vocab; detail=none gives rows only). */
async function indexedRows(store: IndexStore): Promise<number | undefined> {
  const vocab = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.key_fts_rows USING fts5vocab(main, 'objects_key_fts', 'instance')";
  await store.write([{ sql: vocab, rows: [[]] }]);
  return (await store.get<{ n: number }>('SELECT count(DISTINCT doc) AS n FROM temp.key_fts_rows'))?.n;
}
const checkKeyIndex = (store: IndexStore) =>
  store.write([{ sql: "INSERT INTO objects_key_fts (objects_key_fts, rank) VALUES ('integrity-check', 1)", rows: [[]] }]);

async function search(store: IndexStore, bucketId: number, name: string) {
  const page = await searchIndexedObjects(store, { bucketId, roots: defaultRoots }, searchQuerySchema.parse({ name }), {
    offset: 0,
    limit: 500,
  });
  return { plan: page.plan, keys: page.rows.map((r) => r.key), total: page.total };
}

describe("a bucket's first sync and the trigram index", () => {
  it('writes no key into the index while it runs, still finds names, and indexes every row when it stops', async () => {
    const store = freshStore();
    const syncs = new SyncRepository(store);
    const bucketId = await new SnapshotRepository(store).bucketId('c1', 'b');
    const bucket = new MemoryBucket(mediaKeys(4_000));
    const syncId = await syncRunning(store, syncs, bucketId, bucket);

    expect(await pendingBuckets(store)).toEqual([bucketId]);
    expect(await indexedRows(store)).toBe(0);
    const during = await search(store, bucketId, 'PHOTO-12');
    expect(during.plan).toBe('scan');
    const expected = bucket.keys.filter((k) => k.includes('photo-12'));
    expect(during.keys).toEqual(expected);

    await syncs.setState(syncId, 'done');
    expect(await pendingBuckets(store)).toEqual([]);
    expect(await indexedRows(store)).toBe(4_000);
    await checkKeyIndex(store);
    const after = await search(store, bucketId, 'PHOTO-12');
    expect(after).toEqual({ plan: 'trigram', keys: expected, total: expected.length });
  });

  it('keeps the index in step row by row on the next sync: removed keys leave it, new ones are found', async () => {
    const store = freshStore();
    const syncs = new SyncRepository(store);
    const bucketId = await new SnapshotRepository(store).bucketId('c1', 'b');
    await syncs.setState(await syncRunning(store, syncs, bucketId, new MemoryBucket(mediaKeys(3_000))), 'done');

    const next = new MemoryBucket([...mediaKeys(2_000), ...mediaKeys(500, '-new')]);
    const second = await syncRunning(store, syncs, bucketId, next);
    expect(await pendingBuckets(store)).toEqual([]);
    await syncs.setState(second, 'done');
    await checkKeyIndex(store);
    expect(await indexedRows(store)).toBe(2_500);
    expect((await search(store, bucketId, '-new.')).total).toBe(500);
    expect((await search(store, bucketId, 'photo-2999')).keys).toEqual([]);
  });

  it('stays consistent when a first sync never stopped and a second one removes its rows before building the index', async () => {
    const store = freshStore();
    const syncs = new SyncRepository(store);
    const bucketId = await new SnapshotRepository(store).bucketId('c1', 'b');
    // The app quit (or crashed) mid-sync: no state was recorded, the bucket is still pending.
    await syncRunning(store, syncs, bucketId, new MemoryBucket(mediaKeys(3_000)));
    const second = await syncRunning(store, syncs, bucketId, new MemoryBucket(mediaKeys(1_000)));
    expect(await pendingBuckets(store)).toEqual([bucketId]);
    await syncs.setState(second, 'failed', { code: 'Cancelled', message: 'test' });
    await checkKeyIndex(store);
    expect(await indexedRows(store)).toBe(1_000);
    expect((await search(store, bucketId, 'photo-1')).plan).toBe('trigram');
  });

  it('defers only a bucket with no rows, and a removed connection leaves neither rows nor a pending mark', async () => {
    const store = freshStore();
    const syncs = new SyncRepository(store);
    const snapshots = new SnapshotRepository(store);
    const indexed = await snapshots.bucketId('c1', 'indexed');
    await syncs.setState(await syncRunning(store, syncs, indexed, new MemoryBucket(mediaKeys(1_200))), 'done');
    const other = await snapshots.bucketId('c2', 'first');
    await syncRunning(store, syncs, other, new MemoryBucket(mediaKeys(800, '-c2')));
    // A resync of the indexed bucket is not deferred while the other bucket is.
    await syncRunning(store, syncs, indexed, new MemoryBucket(mediaKeys(1_300)));
    expect(await pendingBuckets(store)).toEqual([other]);

    await new ObjectIndex(store).forgetConnection('c2');
    expect(await pendingBuckets(store)).toEqual([]);
    await checkKeyIndex(store);
    expect(await indexedRows(store)).toBe(1_300);
  });
});

describe('a first sync that will not stop by itself, and stale sync ids', () => {
  it('builds at start-up the index of a bucket whose first sync cannot be resumed, and leaves one whose job can', async () => {
    const store = freshStore();
    const syncs = new SyncRepository(store);
    const snapshots = new SnapshotRepository(store);
    const abandoned = await snapshots.bucketId('c1', 'abandoned');
    const resumable = await snapshots.bucketId('c1', 'resumable');
    // Both quit mid-sync (no state recorded); only the second one's job is still in the journal.
    await syncRunning(store, syncs, abandoned, new MemoryBucket(mediaKeys(1_500)));
    const jobSync = await syncs.begin(resumable, '', 'list', 'job-2');
    await syncs.setState(jobSync, 'running');
    await runBucketSync({ store, syncs, list: new MemoryBucket(mediaKeys(700)).list }, jobSync, new AbortController().signal);
    expect((await pendingBuckets(store)).sort()).toEqual([abandoned, resumable].sort());

    expect(await syncs.settleDeferredIndexes(new Set(['job-2']))).toBe(1);
    expect(await pendingBuckets(store)).toEqual([resumable]);
    expect(await indexedRows(store)).toBe(1_500);
    expect((await search(store, abandoned, 'photo-14')).plan).toBe('trigram');
    // Its job discarded since: the next start-up builds it too. (FTS5's check compares the index
    // with every row of the table, so it holds only once no bucket is pending.)
    expect(await syncs.settleDeferredIndexes(new Set())).toBe(1);
    await checkKeyIndex(store);
    expect(await indexedRows(store)).toBe(2_200);
  });

  it('marks no bucket for a sync id the index does not have, and a job checkpointed on one starts a new sync row', async () => {
    const store = freshStore();
    const syncs = new SyncRepository(store);
    const bucketId = await new SnapshotRepository(store).bucketId('c1', 'b');
    await syncs.setState(await syncRunning(store, syncs, bucketId, new MemoryBucket(mediaKeys(1_000))), 'done');
    // A checkpoint from before the index was started afresh: no such row.
    await syncs.setState(99, 'running');
    expect(await pendingBuckets(store)).toEqual([]);
    const other = await new SnapshotRepository(store).bucketId('c1', 'other');
    const row = await syncs.rowForJob({ jobId: 'job-9', checkpointedSyncId: 1 }, other, '', 'list');
    expect(row).not.toBe(1);
    expect((await syncs.get(row))?.bucketId).toBe(other);
    expect(await syncs.rowForJob({ jobId: 'job-9', checkpointedSyncId: 99 }, other, '', 'list')).not.toBe(99);
    await checkKeyIndex(store);
  });
});

describe("the planner's statistics after a sync", () => {
  const planOf = async (store: IndexStore, bucketId: number, query: object) => {
    const { where, params, orderBy } = searchSql({ bucketId, roots: defaultRoots }, searchQuerySchema.parse(query));
    const rows = await store.all<{ detail: string }>(
      `EXPLAIN QUERY PLAN SELECT o.key FROM objects o WHERE ${where} ORDER BY ${orderBy} LIMIT 200`,
      params,
    );
    return rows.map((r) => r.detail).join(' | ');
  };

  it('reads a date range every object matches in key order, and a range none match from the date index, also after a reopen', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bucket-admin-key-index-'));
    dirs.push(dir);
    const file = path.join(dir, 'index.sqlite');
    let store = startIndexStore({ file, logger: silentLogger });
    const syncs = new SyncRepository(store);
    const bucketId = await new SnapshotRepository(store).bucketId('c1', 'b');
    // Every object of the memory bucket was last modified at the epoch.
    await syncs.setState(await syncRunning(store, syncs, bucketId, new MemoryBucket(mediaKeys(3_000))), 'done');
    const everything = { modifiedAfter: '1969-12-31T00:00:00.000Z', modifiedBefore: '1970-01-02T00:00:00.000Z' };
    const nothing = { modifiedAfter: '2001-01-01T00:00:00.000Z', modifiedBefore: '2001-02-01T00:00:00.000Z' };
    for (let round = 0; round < 2; round += 1) {
      // No sort of every match: the page is the first 200 keys of the bucket.
      expect(await planOf(store, bucketId, everything)).not.toContain('TEMP B-TREE');
      expect(await planOf(store, bucketId, nothing)).toContain('objects_last_modified');
      store.close();
      store = startIndexStore({ file, logger: silentLogger });
    }
    stores.push(store);
  });
});
