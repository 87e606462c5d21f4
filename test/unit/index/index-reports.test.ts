import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexStore } from '../../../src/main/core/index/index-store';
import { duplicateGroupsSql, storageClassSql } from '../../../src/main/core/index/reports/cost-reports';
import { exposureReport } from '../../../src/main/core/index/reports/exposure-report';
import { indexReports } from '../../../src/main/core/index/reports/report-registry';
import { reportParamsSchema, searchQuerySchema, type ReportId } from '../../../src/shared/model/audit';
import { searchIndexedObjects } from '../../../src/main/core/index/index-search';
import { defaultRoots } from '../../../src/shared/model/roots';
import { bucketIdOf, plantedIndex } from './planted-index';

let store: IndexStore;
let close: () => void;
let bucketId: number;

beforeAll(async () => {
  ({ store, close } = await plantedIndex([
    // Exposure: one private object anyone can read, one public object nobody can; the rest fine or unscanned.
    { key: 'private/leak.pdf', size: 100, scan: { acl: 'public-read', anyoneCanRead: 1 } },
    { key: 'private/safe.pdf', size: 100, scan: { acl: 'private', anyoneCanRead: 0 } },
    { key: 'private/unscanned.pdf', size: 100 },
    { key: 'public/dark.jpg', size: 100, scan: { acl: 'private', anyoneCanRead: 0, cacheControl: 'max-age=31536000', cacheIssue: null } },
    { key: 'public/ok.jpg', size: 100, scan: { acl: 'public-read', anyoneCanRead: 1, cacheControl: 'max-age=31536000' } },
    // Cache headers: missing, no-cache, short max-age; a stale scan (ETag changed since) still shows but is also noted.
    { key: 'public/css/app.css', size: 50, scan: { acl: 'public-read', anyoneCanRead: 1, cacheIssue: 'missing' } },
    { key: 'public/api.json', size: 50, scan: { acl: 'public-read', anyoneCanRead: 1, cacheControl: 'no-store', cacheIssue: 'no-cache' } },
    {
      key: 'public/img/a.3f9a2c1b.png',
      size: 50,
      scan: { acl: 'public-read', anyoneCanRead: 1, cacheControl: 'max-age=60', cacheIssue: 'short-max-age' },
    },
    { key: 'public/changed.txt', size: 50, scan: { acl: 'public-read', anyoneCanRead: 1, cacheIssue: 'missing', stale: true } },
    // Duplicates: three copies of one file and two of another; an empty pair is not counted.
    { key: 'public/video/a.mov', size: 1_000_000, etag: 'dup1' },
    { key: 'private/backup/a.mov', size: 1_000_000, etag: 'dup1' },
    { key: 'private/backup/a-copy.mov', size: 1_000_000, etag: 'dup1', storageClass: 'GLACIER' },
    { key: 'public/doc/b.pdf', size: 5_000, etag: 'dup2' },
    { key: 'private/b.pdf', size: 5_000, etag: 'dup2', storageClass: null },
    { key: 'public/empty1/', size: 0, etag: 'd41d8cd98f00b204e9800998ecf8427e' },
    { key: 'public/empty2/', size: 0, etag: 'd41d8cd98f00b204e9800998ecf8427e' },
    // Same ETag, other size: not a duplicate.
    { key: 'README', size: 7, etag: 'dup2' },
    { key: 'other-bucket/x.mov', size: 9_000_000_000, bucket: 'other', etag: 'dup1' },
  ]));
  bucketId = await bucketIdOf(store);
});
afterAll(() => close());

const run = (report: ReportId, params = {}, page = { offset: 0, limit: 100 }) => {
  const fn = indexReports[report];
  if (!fn) throw new Error(`no report ${report}`);
  return fn({ store, bucketId, roots: defaultRoots, params: reportParamsSchema.parse(params), ...page });
};

describe('reports over the index', () => {
  it('exposure finds the private object anyone can read and the public one nobody can, and counts the unscanned', async () => {
    const page = await run('exposure');
    expect(page.rows.map((r) => [r.key, r.finding])).toEqual([
      ['private/leak.pdf', 'private, readable by anyone'],
      ['public/dark.jpg', 'public, readable by nobody'],
    ]);
    expect(page.total).toBe(2);
    // unscanned.pdf, changed.txt (scanned at an older ETag), and the seven duplicates and placeholders never scanned.
    const unscanned = page.figures.find((f) => f.label.startsWith('Not deep-scanned'))?.value;
    expect(unscanned).toBe(9);
    expect(page.notes[0]).toMatch(/not deep-scanned/);
  });

  it('counts the unscanned under roots that nest or are the same once, as reading every row would', async () => {
    for (const roots of [
      { public: 'public/img/', private: 'public/' },
      { public: 'public/', private: 'public/' },
      { public: 'private/', private: 'publicity/' },
    ]) {
      const page = await exposureReport({ store, bucketId, roots, params: reportParamsSchema.parse({}), offset: 0, limit: 10 });
      const plain = await store.get<{ n: number }>(
        `SELECT count(*) AS n FROM objects o LEFT JOIN object_scans s ON s.object_id = o.id
         WHERE bucket_id = ? AND (substr(key, 1, length(?)) = ? OR substr(key, 1, length(?)) = ?)
         AND (scanned_at IS NULL OR anyone_can_read IS NULL)`,
        [bucketId, roots.private, roots.private, roots.public, roots.public],
      );
      expect(page.figures.find((f) => f.label.startsWith('Not deep-scanned'))?.value, JSON.stringify(roots)).toBe(plain?.n);
    }
  });

  it('cache headers lists each kind of issue under public/ only, with counts, leaving out stale scans', async () => {
    const page = await run('cacheHeaders');
    expect(page.rows.map((r) => [r.key, r.issue])).toEqual([
      ['public/api.json', 'no-store / no-cache'],
      ['public/css/app.css', 'No Cache-Control'],
      ['public/img/a.3f9a2c1b.png', 'Short max-age on immutable media'],
    ]);
    expect(page.figures.map((f) => f.value)).toEqual([1, 1, 1]);
    // changed.txt (scanned before a sync saw a new version) and four never scanned: not judged, but noted.
    expect(page.notes[0]).toMatch(/^5 public objects are not deep-scanned/);
  });

  it('duplicates groups same ETag and size, most wasted bytes first, leaving out empty objects', async () => {
    const page = await run('duplicates');
    expect(page.rows.map((r) => [r.etag, r.copies, r.wasted])).toEqual([
      ['dup1', 3, 2_000_000],
      ['dup2', 2, 5_000],
    ]);
    expect(page.figures.find((f) => f.label === 'Wasted bytes')?.value).toBe(2_005_000);
  });

  it('duplicates groups from the (bucket, ETag, size) index in its order, not by sorting every row (index v7)', async () => {
    const steps = await store.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${duplicateGroupsSql('o.bucket_id = @bucketId')}`, { bucketId });
    const plan = steps.map((s) => s.detail).join(' | ');
    expect(plan).toMatch(/USING (COVERING )?INDEX objects_etag/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('storage by class groups the other classes in their index’s order and counts STANDARD as the rest, sorting no row (index v15)', async () => {
    const steps = await store.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${storageClassSql('o.bucket_id = @bucketId')}`, { bucketId });
    const plan = steps.map((s) => s.detail).join(' | ');
    expect(plan).toMatch(/USING (COVERING )?INDEX objects_storage_class/);
    expect(plan).not.toMatch(/TEMP B-TREE FOR GROUP BY/);
  });

  it('largest lists the biggest first and pages', async () => {
    const page = await run('largest', {}, { offset: 1, limit: 2 });
    expect(page.rows.map((r) => r.key)).toEqual(['private/backup/a.mov', 'public/video/a.mov']);
    expect(page.total).toBe(17);
  });

  it('storage by class sums bytes per class, a missing class counting as STANDARD', async () => {
    const page = await run('storageClass');
    expect(page.rows).toEqual([
      { storageClass: 'STANDARD', objects: 16, bytes: 2_010_707 },
      { storageClass: 'GLACIER', objects: 1, bytes: 1_000_000 },
    ]);
  });

  it('storage by prefix breaks a folder into its children (and its own files), with a two-level tree', async () => {
    const root = await run('storagePrefix');
    expect(root.rows.map((r) => [r.name, r.objects])).toEqual([
      ['private/', 6],
      ['public/', 10],
      ['(files here)', 1],
    ]);
    const pub = await run('storagePrefix', { prefix: 'public/' });
    expect(pub.rows.map((r) => r.name)).toEqual(['video/', 'doc/', '(files here)', 'css/', 'img/', 'empty1/', 'empty2/']);
    const tree = root.chart?.kind === 'treemap' ? root.chart.nodes : [];
    expect(tree.find((n) => n.name === 'private/')?.children?.map((c) => c.name)).toEqual(['backup/']);
  });

  it('storage by extension lower-cases and counts names without one', async () => {
    const page = await run('storageExtension');
    expect(page.rows.map((r) => [r.extension, r.objects])).toEqual([
      ['mov', 3],
      ['pdf', 5],
      ['jpg', 2],
      ['css', 1],
      ['json', 1],
      ['png', 1],
      ['txt', 1],
      // README and two folder placeholders: 7 bytes.
      ['(none)', 3],
    ]);
  });
});

describe('storage by class and a search for STANDARD in an archive (index v15: no index of every class)', () => {
  let archive: { store: IndexStore; close: () => void };
  let archiveId: number;
  beforeAll(async () => {
    archive = await plantedIndex([
      ...Array.from({ length: 2_000 }, (_, i) => ({ key: `tape/${String(i).padStart(4, '0')}.mov`, size: 10, storageClass: 'GLACIER' })),
      ...Array.from({ length: 30 }, (_, i) => ({ key: `vault/${i}.mov`, size: 100, storageClass: 'DEEP_ARCHIVE' })),
      // Few STANDARD, one empty: fewer than a page's threshold (√(100 × 2,035 ÷ 2) ≈ 320).
      ...['tape/0500-notes.txt', 'a/readme.txt', 'vault/index.txt', 'z.txt'].map((key) => ({ key, size: 1 })),
      { key: 'tape/empty/', size: 0 },
    ]);
    archiveId = await bucketIdOf(archive.store);
  }, 30_000);
  afterAll(() => archive.close());

  it('counts STANDARD as the objects in no other class, within a narrower scope too, and leaves it out where there is none', async () => {
    const page = await indexReports.storageClass?.({
      store: archive.store,
      bucketId: archiveId,
      roots: defaultRoots,
      params: reportParamsSchema.parse({}),
      offset: 0,
      limit: 10,
    });
    expect(page?.rows).toEqual([
      { storageClass: 'GLACIER', objects: 2_000, bytes: 20_000 },
      { storageClass: 'DEEP_ARCHIVE', objects: 30, bytes: 3_000 },
      { storageClass: 'STANDARD', objects: 5, bytes: 4 },
    ]);
    const under = (from: string, to: string) =>
      archive.store.all(storageClassSql('o.bucket_id = @bucketId AND o.key >= @from AND o.key < @to'), { bucketId: archiveId, from, to });
    expect(await under('tape/', 'tape0')).toEqual([
      { storageClass: 'GLACIER', objects: 2_000, bytes: 20_000 },
      { storageClass: 'STANDARD', objects: 2, bytes: 1 },
    ]);
    expect(await under('vault/1', 'vault/2')).toEqual([{ storageClass: 'DEEP_ARCHIVE', objects: 11, bytes: 1_100 }]);
  });

  it('finds the few STANDARD objects of an archive, in key order, with their count', async () => {
    const page = await searchIndexedObjects(
      archive.store,
      { bucketId: archiveId, roots: defaultRoots },
      searchQuerySchema.parse({ storageClass: 'STANDARD' }),
      { offset: 0, limit: 100 },
    );
    expect(page.rows.map((r) => [r.key, r.storageClass])).toEqual([
      ['a/readme.txt', 'STANDARD'],
      ['tape/0500-notes.txt', 'STANDARD'],
      ['tape/empty/', 'STANDARD'],
      ['vault/index.txt', 'STANDARD'],
      ['z.txt', 'STANDARD'],
    ]);
    expect(page.total).toBe(5);
  });
});
