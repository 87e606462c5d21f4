import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBucketSync } from '../../../src/main/core/index/bucket-sync';
import { buildDeferredIndexesBeforeMigrating, DeferredIndexes, otherRowsLimit } from '../../../src/main/core/index/deferred-indexes';
import { searchIndexedObjects } from '../../../src/main/core/index/index-search';
import { indexMigrations } from '../../../src/main/core/index/index-schema';
import { startIndexStore, type IndexStore } from '../../../src/main/core/index/index-store';
import { SnapshotRepository } from '../../../src/main/core/index/snapshot-repository';
import { SyncRepository } from '../../../src/main/core/index/sync-repository';
import { silentLogger } from '../../../src/main/core/logger';
import { openRebuildableDatabase } from '../../../src/main/core/store/rebuildable-database';
import { searchQuerySchema, type SearchQueryInput } from '../../../src/shared/model/audit';
import { defaultRoots } from '../../../src/shared/model/roots';
import { damageTableRoot } from '../store/damage-table';
import { MemoryBucket } from './index-memory-bucket';

/*
 * Index v9: a bucket's first sync into an index holding no other bucket's rows writes none of the
 * secondary indexes of `objects`, and builds them when it stops. What a user would notice if this
 * went wrong: an index gone for good after a crash (every search and report slow from then on),
 * an index rebuilt differently from what the schema says, another bucket's searches losing their
 * indexes while a sync runs, or a later schema step failing on an index it cannot find (the file
 * set aside and the bucket to be synced again).
 */

const dirs: string[] = [];
const stores: IndexStore[] = [];
afterEach(() => {
  stores.splice(0).forEach((s) => s.close());
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function freshFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bucket-admin-object-indexes-'));
  dirs.push(dir);
  return path.join(dir, 'index.sqlite');
}

function open(file: string): IndexStore {
  const store = startIndexStore({ file, logger: silentLogger });
  stores.push(store);
  return store;
}

function mediaKeys(count: number, tag = ''): string[] {
  return Array.from({ length: count }, (_, i) =>
    i % 4 === 0 ? `private/docs/file-${i}${tag}.pdf` : `public/media/${2020 + (i % 5)}/photo-${i}${tag}.jpg`,
  );
}

/** Starts a sync row running (as the sync service does) and lists `bucket` into it, without stopping it. */
async function syncRunning(store: IndexStore, syncs: SyncRepository, bucketId: number, bucket: MemoryBucket, jobId: string | null = null) {
  const syncId = await syncs.begin(bucketId, '', 'list', jobId);
  await syncs.setState(syncId, 'running');
  await runBucketSync({ store, syncs, list: bucket.list }, syncId, new AbortController().signal);
  return syncId;
}

/** The CREATE statements of the indexes of `objects` (not the UNIQUE constraint's), by name. */
async function objectIndexes(store: IndexStore): Promise<Record<string, string>> {
  const rows = await store.all<{ name: string; sql: string }>(
    "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'objects' AND sql IS NOT NULL ORDER BY name",
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.sql]));
}

const deferredNames = async (store: IndexStore) =>
  (await store.all<{ name: string }>('SELECT name FROM objects_deferred_indexes ORDER BY name')).map((r) => r.name);

async function search(store: IndexStore, bucketId: number, query: SearchQueryInput) {
  const page = await searchIndexedObjects(store, { bucketId, roots: defaultRoots }, searchQuerySchema.parse(query), {
    offset: 0,
    limit: 500,
  });
  return { keys: page.rows.map((r) => r.key), total: page.total };
}

/** What a fresh index has, before any sync. */
async function schemaIndexes(): Promise<Record<string, string>> {
  return objectIndexes(open(freshFile()));
}

/** A new index file's store, the secondary indexes its schema gives, and the repositories over it. */
async function freshIndex() {
  const store = open(freshFile());
  return { store, expected: await objectIndexes(store), syncs: new SyncRepository(store), snapshots: new SnapshotRepository(store) };
}

/** A closed index file left as a first sync of `count` objects that never stopped leaves it: every secondary index out. */
async function fileWithIndexesLeftOut(count: number): Promise<string> {
  const file = freshFile();
  const store = open(file);
  const syncs = new SyncRepository(store);
  await syncRunning(store, syncs, await new SnapshotRepository(store).bucketId('c1', 'b'), new MemoryBucket(mediaKeys(count)));
  expect(await objectIndexes(store)).toEqual({});
  store.close();
  stores.splice(stores.indexOf(store), 1);
  return file;
}

/** Opens `file` as the worker does, with one schema step after this build's last. */
function openWithLaterStep(file: string, sql: string) {
  const laterStep = { version: indexMigrations.length + 1, name: 'later-step', sql };
  return openRebuildableDatabase({
    file,
    migrations: [...indexMigrations, laterStep],
    logger: silentLogger,
    beforeMigrating: buildDeferredIndexesBeforeMigrating,
  });
}

describe("a bucket's first sync and the secondary indexes", () => {
  it('leaves them out while it runs, finds the same objects, and builds exactly the same indexes when it stops', async () => {
    const expected = await schemaIndexes();
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(['objects_size', 'objects_etag', 'objects_extension']));
    const { store, syncs, snapshots } = await freshIndex();
    const bucketId = await snapshots.bucketId('c1', 'b');
    const bucket = new MemoryBucket(mediaKeys(2_000));
    const syncId = await syncRunning(store, syncs, bucketId, bucket);

    expect(await objectIndexes(store)).toEqual({});
    expect(await deferredNames(store)).toEqual(Object.keys(expected));
    const pdfs = bucket.keys.filter((k) => k.endsWith('.pdf'));
    const during = await search(store, bucketId, { extension: 'pdf' });
    expect(during.total).toBe(pdfs.length);

    await syncs.setState(syncId, 'done');
    expect(await objectIndexes(store)).toEqual(expected);
    expect(await deferredNames(store)).toEqual([]);
    expect(await search(store, bucketId, { extension: 'pdf' })).toEqual(during);
    const plan = await store.all<{ detail: string }>(
      // As a search sorts an extension's matches (its index holds no key since v13).
      "EXPLAIN QUERY PLAN SELECT key FROM objects WHERE bucket_id = ? AND extension = 'pdf' ORDER BY +key LIMIT 10",
      [bucketId],
    );
    expect(plan.map((r) => r.detail).join(' ')).toContain('objects_extension');
  });

  it('leaves them out beside buckets with few rows, whose searches still answer, and keeps them on every later sync', async () => {
    const { store, expected, syncs, snapshots } = await freshIndex();
    const first = await snapshots.bucketId('c1', 'first');
    const firstBucket = new MemoryBucket(mediaKeys(1_200));
    await syncs.setState(await syncRunning(store, syncs, first, firstBucket), 'done');
    const firstPdfs = await search(store, first, { extension: 'pdf' });

    const second = await snapshots.bucketId('c1', 'second');
    const secondSync = await syncRunning(store, syncs, second, new MemoryBucket(mediaKeys(900, '-2')));
    expect(await objectIndexes(store)).toEqual({});
    expect(await search(store, first, { extension: 'pdf' })).toEqual(firstPdfs);
    await syncs.setState(secondSync, 'done');
    expect(await objectIndexes(store)).toEqual(expected);

    const again = await syncRunning(store, syncs, first, new MemoryBucket(mediaKeys(1_300)));
    expect(await objectIndexes(store)).toEqual(expected);
    await syncs.setState(again, 'done');
    expect(await deferredNames(store)).toEqual([]);
  });

  it('keeps them when the other buckets hold more rows than the limit', () => {
    const { db } = openRebuildableDatabase({ file: freshFile(), migrations: indexMigrations, logger: silentLogger });
    try {
      db.prepare("INSERT INTO buckets (id, connection_id, bucket) VALUES (1, 'c', 'big'), (2, 'c', 'new'), (3, 'c', 'also')").run();
      db.prepare(
        "INSERT INTO syncs (id, bucket_id, source, state, started_at) VALUES (1, 1, 'list', 'done', 't'), (2, 2, 'list', 'running', 't')",
      ).run();
      const insert = db.prepare('INSERT INTO objects (bucket_id, key, size, first_sync) VALUES (?, ?, 1, 1)');
      for (let i = 0; i < 6; i += 1) insert.run(1, `k/${i}`);
      for (let i = 0; i < 5; i += 1) insert.run(3, `k/${i}`);
      db.prepare('INSERT INTO objects_key_fts_pending (bucket_id) VALUES (2)').run();
      // 11 rows in buckets 1 and 3, on both sides of bucket 2.
      expect(new DeferredIndexes(db, 10).deferFor(2)).toBe(0);
      expect(new DeferredIndexes(db, 11).deferFor(2)).toBeGreaterThan(5);
      expect(otherRowsLimit).toBeGreaterThanOrEqual(10_000);
    } finally {
      db.close();
    }
  });

  it('packs the unique key index when it builds them, and the pages that frees go to the indexes it builds', () => {
    const { db } = openRebuildableDatabase({ file: freshFile(), migrations: indexMigrations, logger: silentLogger });
    try {
      db.prepare("INSERT INTO buckets (id, connection_id, bucket) VALUES (1, 'c', 'new')").run();
      db.prepare("INSERT INTO syncs (id, bucket_id, source, state, started_at) VALUES (1, 1, 'list', 'running', 't')").run();
      db.prepare('INSERT INTO objects_key_fts_pending (bucket_id) VALUES (1)').run();
      const indexes = new DeferredIndexes(db);
      expect(indexes.deferFor(1)).toBeGreaterThan(5);
      // Keys arriving out of order, as ranges listed side by side give them: the key index's pages split.
      const insert = db.prepare('INSERT INTO objects (bucket_id, key, size, first_sync) VALUES (1, ?, 1, 1)');
      db.transaction(() => {
        for (let i = 0; i < 20_000; i += 1) insert.run(`public/media/${String((i * 7_919) % 20_000).padStart(6, '0')}.jpg`);
      })();
      const keyIndex = () =>
        db.prepare("SELECT sum(pgsize) AS size, sum(unused) AS unused FROM dbstat WHERE name = 'sqlite_autoindex_objects_1'").get() as {
          size: number;
          unused: number;
        };
      const before = keyIndex();
      expect(before.unused / before.size).toBeGreaterThan(0.1);
      indexes.build();
      const after = keyIndex();
      expect(after.unused / after.size).toBeLessThan(0.05);
      // What the key index gave back, the built indexes took: nothing is left free in the file.
      expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    } finally {
      db.close();
    }
  });

  it('builds them when the sync is paused or fails, and a resumed sync keeps them', async () => {
    for (const stop of ['paused', 'failed'] as const) {
      const { store, expected, syncs, snapshots } = await freshIndex();
      const bucketId = await snapshots.bucketId('c1', 'b');
      const syncId = await syncRunning(store, syncs, bucketId, new MemoryBucket(mediaKeys(600)));
      await syncs.setState(syncId, stop, stop === 'failed' ? { code: 'Network', message: 'test' } : undefined);
      expect(await objectIndexes(store)).toEqual(expected);
      // The bucket has rows now (and its trigram index): resuming writes every index as it goes.
      await syncs.setState(syncId, 'running');
      expect(await objectIndexes(store)).toEqual(expected);
    }
  });
});

describe('a first sync that did not stop (the app quit or crashed in it)', () => {
  it('leaves them out at start-up while its job can resume, and builds them once it cannot', async () => {
    const file = freshFile();
    let store = open(file);
    const expected = await objectIndexes(store);
    let syncs = new SyncRepository(store);
    const bucketId = await new SnapshotRepository(store).bucketId('c1', 'b');
    await syncRunning(store, syncs, bucketId, new MemoryBucket(mediaKeys(1_200)), 'job-1');
    store.close();

    store = open(file);
    syncs = new SyncRepository(store);
    expect(await syncs.settleDeferredIndexes(new Set(['job-1']))).toBe(0);
    expect(await objectIndexes(store)).toEqual({});
    expect((await search(store, bucketId, { minSize: 0 })).total).toBe(1_200);

    expect(await syncs.settleDeferredIndexes(new Set())).toBe(1);
    expect(await objectIndexes(store)).toEqual(expected);
    expect(await deferredNames(store)).toEqual([]);
  });

  it('leaves them out at start-up while one first sync can resume, though another bucket is settled', async () => {
    const { store, expected, syncs, snapshots } = await freshIndex();
    const resumable = await snapshots.bucketId('c1', 'resumable');
    const abandoned = await snapshots.bucketId('c1', 'abandoned');
    await syncRunning(store, syncs, resumable, new MemoryBucket(mediaKeys(700)), 'job-1');
    await syncRunning(store, syncs, abandoned, new MemoryBucket(mediaKeys(500, '-x')), 'job-2');
    expect(await syncs.settleDeferredIndexes(new Set(['job-1']))).toBe(1);
    expect(await objectIndexes(store)).toEqual({});
    expect(await syncs.settleDeferredIndexes(new Set())).toBe(1);
    expect(await objectIndexes(store)).toEqual(expected);
  });

  it('starts a new sync row for a job checkpointed on a sync that is done (a quit while it built its indexes)', async () => {
    const { store, syncs, snapshots } = await freshIndex();
    const bucketId = await snapshots.bucketId('c1', 'b');
    const syncId = await syncRunning(store, syncs, bucketId, new MemoryBucket(mediaKeys(300)), 'job-1');
    await syncs.setState(syncId, 'done');
    const row = await syncs.rowForJob({ jobId: 'job-1', checkpointedSyncId: syncId }, bucketId, '', 'list');
    expect(row).not.toBe(syncId);
    expect((await syncs.get(syncId))?.state).toBe('done');
  });

  it('builds them at start-up when a crash came between the trigram index and these', async () => {
    const { store, expected, syncs, snapshots } = await freshIndex();
    const bucketId = await snapshots.bucketId('c1', 'b');
    await syncRunning(store, syncs, bucketId, new MemoryBucket(mediaKeys(1_000)), 'job-1');
    // As far as a stop got: the trigram index built, the bucket no longer pending.
    await store.write([
      { sql: 'INSERT INTO objects_key_fts (rowid, key) SELECT id, key FROM objects', rows: [[]] },
      { sql: 'DELETE FROM objects_key_fts_pending', rows: [[]] },
    ]);
    expect(await syncs.settleDeferredIndexes(new Set(['job-1']))).toBe(0);
    expect(await objectIndexes(store)).toEqual(expected);
  });

  it('sets the file aside when building them before a later step meets damage, instead of failing to open', async () => {
    const file = await fileWithIndexesLeftOut(3_000);
    damageTableRoot(file, 'objects');
    const { db, setAside } = openWithLaterStep(file, 'CREATE TABLE later (id INTEGER PRIMARY KEY);\n');
    try {
      expect(setAside?.reason).toMatch(/object index is damaged/);
    } finally {
      db.close();
    }
  });

  it('builds them before a later schema step runs, so a step that changes one finds it', async () => {
    const file = await fileWithIndexesLeftOut(800);
    const { db, setAside } = openWithLaterStep(
      file,
      'DROP INDEX objects_size;\nCREATE INDEX objects_size ON objects (bucket_id, size, key);\n',
    );
    try {
      expect(setAside).toBeNull();
      const sizeIndex = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'objects_size'").get() as { sql: string };
      expect(sizeIndex.sql).toContain('(bucket_id, size, key)');
      expect(db.prepare('SELECT count(*) AS n FROM objects_deferred_indexes').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM objects').get()).toEqual({ n: 800 });
    } finally {
      db.close();
    }
  });
});
