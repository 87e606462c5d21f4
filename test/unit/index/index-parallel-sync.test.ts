import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSyncTuning, runBucketSync } from '../../../src/main/core/index/bucket-sync';
import { startIndexStore, type IndexStore } from '../../../src/main/core/index/index-store';
import { compareKeys } from '../../../src/main/core/index/key-order';
import type { MergePageArgs } from '../../../src/main/core/index/listing-merge';
import { planRanges } from '../../../src/main/core/index/range-planner';
import { SnapshotRepository } from '../../../src/main/core/index/snapshot-repository';
import { SyncRepository } from '../../../src/main/core/index/sync-repository';
import { silentLogger } from '../../../src/main/core/logger';
import { indexBenchKey } from '../../bench/support/index-bench-bucket';
import { deepFlatKeys } from '../../integration/index/support/deep-flat-fixture';
import { MemoryBucket } from './index-memory-bucket';

const dirs: string[] = [];
const stores: IndexStore[] = [];
afterEach(() => {
  stores.splice(0).forEach((s) => s.close());
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

/** Syncs `bucket` into a fresh index; returns the rows, the totals, and whether a listing request was ever in flight as a page's merge began. */
async function syncInto(bucket: MemoryBucket, parallel: boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bucket-admin-parallel-sync-'));
  dirs.push(dir);
  const store = startIndexStore({ file: path.join(dir, 'index.sqlite'), logger: silentLogger });
  stores.push(store);
  const syncs = new SyncRepository(store);
  const bucketId = await new SnapshotRepository(store).bucketId('c1', 'b');
  const syncId = await syncs.begin(bucketId, '', 'list', null);
  let overlapped = false;
  const merges: MergePageArgs[][] = [];
  const watched: IndexStore = {
    ...store,
    call: (name, args, transfer) => {
      if (bucket.inFlight > 0) overlapped = true;
      if (name === 'mergeListingPages') merges.push((args as { pages: MergePageArgs[] }).pages);
      return store.call(name, args, transfer);
    },
  };
  const totals = await runBucketSync(
    { store: watched, syncs, list: bucket.list, tuning: { ...defaultSyncTuning, parallel } },
    syncId,
    new AbortController().signal,
  );
  const rows = await store.all<{ key: string }>('SELECT key FROM objects WHERE bucket_id = ? ORDER BY key', [bucketId]);
  const sync = await syncs.get(syncId);
  return { totals, rows: rows.map((r) => r.key), overlapped, sync, merges };
}

describe('a sync in parallel key ranges', () => {
  it('lists deep folders and a flat folder of 20,000 keys in hardly more page requests than a sequential listing', async () => {
    const keys = deepFlatKeys();
    const sequentialBucket = new MemoryBucket(keys);
    const sequential = await syncInto(sequentialBucket, false);
    const parallelBucket = new MemoryBucket(keys);
    const parallel = await syncInto(parallelBucket, true);

    expect(sequential.rows).toEqual(sequentialBucket.keys);
    expect(parallel.rows).toEqual(parallelBucket.keys);
    expect(parallel.totals.objects).toBe(keys.length);
    expect(parallel.totals.ranges).toBeGreaterThan(10);
    const pages = Math.ceil(keys.length / 1000);
    expect(sequentialBucket.pageRequests()).toBe(pages);
    // A range continues into the next one while no other lister has it: no page cut short at
    // each of the dozens of small folders, only where two listers meet.
    expect(parallelBucket.pageRequests()).toBeLessThanOrEqual(pages + defaultSyncTuning.concurrency);
    // Planning: a few folder listings and one-key probes, not a request per split point and more.
    expect(parallelBucket.requests.length - parallelBucket.pageRequests()).toBeLessThanOrEqual(45);
    // Pages counted once each, however many ranges a page reached.
    expect(parallel.sync?.pageCount).toBe(parallel.totals.pages);
    expect(parallel.totals.pages).toBeLessThanOrEqual(parallelBucket.pageRequests());
    console.info(
      `parallel: ${parallelBucket.requests.length} requests (${parallelBucket.pageRequests()} pages), ${parallel.totals.ranges} ranges; sequential: ${sequentialBucket.requests.length}`,
    );
  }, 60_000);

  it.each([1_001, 2_500, 4_000])(
    'counts each of %i keys once, also when the first lister ends before the split points are found',
    async (n) => {
      const keys = Array.from({ length: n }, (_, i) => `a/${i % 7}/${String(i).padStart(6, '0')}`);
      const bucket = new MemoryBucket(keys);
      const parallel = await syncInto(bucket, true);
      expect(parallel.rows).toEqual(bucket.keys);
      expect(parallel.totals.objects).toBe(n);
      expect(parallel.sync?.objectCount).toBe(n);
    },
  );

  it('sends each page to the index worker as its columns (moved, not copied), shared by the pieces it is cut into at range ends', async () => {
    const bucket = new MemoryBucket(deepFlatKeys());
    const { merges, rows } = await syncInto(bucket, true);
    expect(rows).toEqual(bucket.keys);
    const pieces = merges.flat();
    // A page crosses as a few typed arrays (one buffer), not as an array of 1,000 objects.
    for (const p of pieces) {
      expect(p).not.toHaveProperty('objects');
      expect(p.rows.columns.keyBytes).toBeInstanceOf(Uint8Array);
      expect(p.rows.columns.sizes).toBeInstanceOf(Float64Array);
    }
    // A page cut at range ends: its pieces view one set of columns, end to end, none copied.
    const cut = pieces.filter((p) => p.continues === true);
    expect(cut.length).toBeGreaterThan(0);
    for (const p of cut) {
      const before = pieces[pieces.indexOf(p) - 1] as MergePageArgs;
      expect(before.rows.columns).toBe(p.rows.columns);
      expect(before.rows.to).toBe(p.rows.from);
    }
    expect(pieces.reduce((n, p) => n + p.rows.to - p.rows.from, 0)).toBe(bucket.keys.length);
    // Moved to the worker, not copied: nothing of a sent page is left for this thread to hold.
    for (const p of pieces) expect(p.rows.columns.keyBytes.buffer.byteLength).toBe(0);
  });

  it('requests the next page while the index merges the one before', async () => {
    const bucket = new MemoryBucket(Array.from({ length: 5_000 }, (_, n) => `k/${String(n).padStart(5, '0')}`));
    const sequential = await syncInto(bucket, false);
    expect(sequential.rows).toHaveLength(5_000);
    expect(sequential.overlapped).toBe(true);
  });
});

describe('planning the key ranges of a bucket with one large folder of a few large subfolders', () => {
  it('splits inside them (public/ → media/, thumbs/ → years, a flat folder), so no range holds most of the bucket', async () => {
    const bucket = new MemoryBucket(Array.from({ length: 30_000 }, (_, i) => indexBenchKey(i)));
    const first = bucket.keys[999] as string;
    const { ranges } = await planRanges(bucket.list, '', first, new AbortController().signal);
    const sizes = ranges.map(
      (r) =>
        bucket.keys.filter((k) => compareKeys(k, r.startAfter ?? '') > 0 && (r.endKey === null || compareKeys(k, r.endKey) <= 0)).length,
    );
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(bucket.keys.length - 1000);
    // Two levels alone left public/media/ (60 % of the keys) and public/thumbs/ (20 %) one range each.
    expect(Math.max(...sizes)).toBeLessThan(bucket.keys.length * 0.1);
  });
});
