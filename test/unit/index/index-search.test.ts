import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectColumns, searchIndexedObjects, searchSql } from '../../../src/main/core/index/index-search';
import type { IndexStore } from '../../../src/main/core/index/index-store';
import { searchCountCap, searchQuerySchema, type SearchQueryInput } from '../../../src/shared/model/audit';
import { defaultRoots } from '../../../src/shared/model/roots';
import { bucketIdOf, plantedIndex } from './planted-index';
import type { SearchScope } from '../../../src/main/core/index/index-search';
import { childFolder, lastSegment } from '../../../src/main/core/index/name-walk';

let store: IndexStore;
let close: () => void;
let scope: SearchScope;

beforeAll(async () => {
  ({ store, close } = await plantedIndex([
    { key: 'public/media/Holiday-2025.JPG', size: 5_000_000, lastModified: '2025-12-24T10:00:00.000Z', etag: 'aaaa1111' },
    { key: 'public/media/holiday-2025.mov', size: 900_000_000, storageClass: 'GLACIER', lastModified: '2025-12-25T10:00:00.000Z' },
    { key: 'public/media/ab.png', size: 10 },
    { key: 'private/contracts/abc-holiday.pdf', size: 20_000, storageClass: null },
    { key: 'private/contracts/100%_sure.pdf', size: 30 },
    { key: 'abstract.txt', size: 1 },
    { key: 'publicity/holiday.jpg', size: 2 },
    // Another bucket and another connection: never in the results.
    { key: 'public/media/holiday-other-bucket.jpg', bucket: 'other' },
    { key: 'public/media/holiday-other-conn.jpg', connectionId: 'conn-0002' },
  ]));
  scope = { bucketId: await bucketIdOf(store), roots: defaultRoots };
});
afterAll(() => close());

const keysOf = async (query: SearchQueryInput) =>
  (await searchIndexedObjects(store, scope, searchQuerySchema.parse(query), { offset: 0, limit: 100 })).rows.map((r) => r.key);

describe('searching the index', () => {
  it('finds a substring anywhere in the key, case-insensitively, through the trigram index', async () => {
    const page = await searchIndexedObjects(store, scope, searchQuerySchema.parse({ name: 'HOLIDAY' }), {
      offset: 0,
      limit: 100,
    });
    expect(page.plan).toBe('trigram');
    expect(page.rows.map((r) => r.key)).toEqual([
      'private/contracts/abc-holiday.pdf',
      'public/media/Holiday-2025.JPG',
      'public/media/holiday-2025.mov',
      'publicity/holiday.jpg',
    ]);
    expect(page.total).toBe(4);
  });

  it('treats one or two characters as the start of a key under the prefix (a trigram needs three)', async () => {
    expect(await keysOf({ name: 'ab' })).toEqual(['abstract.txt']);
    expect(await keysOf({ name: 'ab', prefix: 'public/media/' })).toEqual(['public/media/ab.png']);
  });

  it('searches for FTS syntax and LIKE wildcards as plain text', async () => {
    expect(await keysOf({ name: '100%_' })).toEqual(['private/contracts/100%_sure.pdf']);
    expect(await keysOf({ name: '"OR*' })).toEqual([]);
    expect(await keysOf({ extension: 'p_f' })).toEqual([]);
    // NUL ends the text for FTS5's query syntax and for LIKE, and no S3 key holds one.
    expect(await keysOf({ name: 'hol\u0000iday' })).toEqual([]);
    expect(await keysOf({ name: '\u0000ab' })).toEqual([]);
  });

  it('filters by extension (case-insensitive), size range, dates, storage class, root, ETag and prefix, combined', async () => {
    expect(await keysOf({ extension: 'jpg' })).toEqual(['public/media/Holiday-2025.JPG', 'publicity/holiday.jpg']);
    expect(await keysOf({ minSize: 1_000_000 })).toEqual(['public/media/Holiday-2025.JPG', 'public/media/holiday-2025.mov']);
    expect(await keysOf({ minSize: 1_000_000, maxSize: 10_000_000 })).toEqual(['public/media/Holiday-2025.JPG']);
    expect(await keysOf({ modifiedAfter: '2025-12-25T00:00:00Z', modifiedBefore: '2025-12-31T00:00:00+01:00' })).toEqual([
      'public/media/holiday-2025.mov',
    ]);
    expect(await keysOf({ storageClass: 'GLACIER' })).toEqual(['public/media/holiday-2025.mov']);
    // A missing class is STANDARD.
    expect(await keysOf({ storageClass: 'STANDARD', prefix: 'private/' })).toEqual([
      'private/contracts/100%_sure.pdf',
      'private/contracts/abc-holiday.pdf',
    ]);
    expect(await keysOf({ root: 'public', name: 'holiday' })).toEqual(['public/media/Holiday-2025.JPG', 'public/media/holiday-2025.mov']);
    expect(await keysOf({ root: 'other' })).toEqual(['abstract.txt', 'publicity/holiday.jpg']);
    expect(await keysOf({ etag: '"AAAA1111"' })).toEqual(['public/media/Holiday-2025.JPG']);
    expect(await keysOf({ name: 'holiday', extension: 'pdf', root: 'private', maxSize: 100_000 })).toEqual([
      'private/contracts/abc-holiday.pdf',
    ]);
  });

  it('pages in key order and counts every match', async () => {
    const second = await searchIndexedObjects(store, scope, searchQuerySchema.parse({}), { offset: 2, limit: 2 });
    expect(second.rows.map((r) => r.key)).toEqual(['private/contracts/abc-holiday.pdf', 'public/media/Holiday-2025.JPG']);
    expect(second.total).toBe(7);
    expect(second.totalCapped).toBe(false);
  });

  it('reads a page filtered on one value (extension, ETag, storage class, with a root) from that value’s index, not a walk of the bucket', async () => {
    // The plan, not a time: without statistics SQLite walked every key of the bucket for these (v4).
    const planOf = async (query: SearchQueryInput) => {
      const { where, params, orderBy } = searchSql(scope, searchQuerySchema.parse(query));
      const steps = await store.all<{ detail: string }>(
        `EXPLAIN QUERY PLAN SELECT ${objectColumns} FROM objects o WHERE ${where} ORDER BY ${orderBy} LIMIT 200`,
        params,
      );
      return steps.map((s) => s.detail).join(' | ');
    };
    for (const [query, index] of [
      [{ extension: 'jpg' }, 'objects_extension'],
      [{ etag: 'AAAA1111' }, 'objects_etag'],
      [{ storageClass: 'GLACIER' }, 'objects_storage_class'],
      [{ storageClass: 'GLACIER', root: 'public' }, 'objects_storage_class'],
      [{ extension: 'pdf', root: 'public' }, 'objects_extension'],
    ] as const) {
      const plan = await planOf(query);
      expect(plan, JSON.stringify(query)).toMatch(new RegExp(`^SEARCH o USING INDEX ${index} `));
      // Another storage class comes in key order from its index; an ETag's or an extension's
      // matches are sorted (v13: the extension index holds no key; a common one is walked).
      if ('storageClass' in query) expect(plan, JSON.stringify(query)).not.toMatch(/TEMP B-TREE/);
      else expect(plan, JSON.stringify(query)).toMatch(/TEMP B-TREE FOR ORDER BY/);
    }
    // STANDARD is not in that index (v8), nor in any since v15. Where most objects are STANDARD:
    // keys in order, under the root; where few are, they are found in the table and sorted.
    const { where, params, orderBy } = searchSql(
      { ...scope, standardRead: 'keys' },
      searchQuerySchema.parse({ storageClass: 'STANDARD', root: 'private' }),
    );
    const common = await store.all<{ detail: string }>(
      `EXPLAIN QUERY PLAN SELECT o.key FROM objects o WHERE ${where} ORDER BY ${orderBy} LIMIT 200`,
      params,
    );
    expect(common.map((s) => s.detail).join(' | ')).toMatch(
      /^SEARCH o USING INDEX sqlite_autoindex_objects_1 \(bucket_id=\? AND key>\? AND key<\?\)$/,
    );
    const rare = await planOf({ storageClass: 'STANDARD', root: 'private' });
    expect(rare).toMatch(/TEMP B-TREE FOR ORDER BY/);
    expect(rare).not.toMatch(/sqlite_autoindex_objects_1 \(bucket_id=\? AND key/);
  });

  it('refuses contradictory ranges with a message', () => {
    const result = searchQuerySchema.safeParse({ minSize: 10, maxSize: 5 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/smallest size is larger/);
  });
});

describe('searching for a name in more keys than a count shows', () => {
  // 10,500 photos (more than searchCountCap) in seven folders, and a few other keys.
  const photos = Array.from({ length: 10_500 }, (_, i) => `public/shoot-${i % 7}/IMG_${String(i).padStart(5, '0')}.jpg`);
  // KELVIN SIGN and LONG S: the trigram index folds them into k and s, so must a key-by-key read.
  const others = [
    'private/img_notes.txt',
    'public/readme.txt',
    'private/Überimg_à.png',
    'private/\u212Aimg_\u017F.txt',
    'private/\u017Fhoot-1.txt',
  ];
  let common: { store: IndexStore; close: () => void };
  let commonScope: SearchScope;
  beforeAll(async () => {
    common = await plantedIndex([
      ...[...photos, ...others].map((key, i) => ({ key, size: i })),
      // Another bucket's photos: never in the results, nor in the count.
      ...photos.slice(0, 20).map((key) => ({ key: `elsewhere/${key}`, bucket: 'other' })),
    ]);
    commonScope = { bucketId: await bucketIdOf(common.store), roots: defaultRoots };
    // 10,500 rows through the triggers: seconds when the machine is busy.
  }, 30_000);
  afterAll(() => common.close());
  const search = (query: SearchQueryInput, offset = 0) =>
    searchIndexedObjects(common.store, commonScope, searchQuerySchema.parse(query), { offset, limit: 100 });
  const sortedKeys = (keys: string[]) => [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

  it('gives the first keys in key order that contain it, case-insensitively, and caps the count, as for a rarer name', async () => {
    const matching = sortedKeys([...photos, 'private/img_notes.txt', 'private/Überimg_à.png', 'private/\u212Aimg_\u017F.txt']);
    const first = await search({ name: 'img_' });
    expect(first.plan).toBe('trigram');
    expect(first.rows.map((r) => r.key)).toEqual(matching.slice(0, 100));
    expect([first.total, first.totalCapped]).toEqual([searchCountCap, true]);
    const later = await search({ name: 'IMG_' }, 5_000);
    expect(later.rows.map((r) => r.key)).toEqual(matching.slice(5_000, 5_100));
  });

  it('combines it with the other filters, in the page and in the count', async () => {
    const shoot3 = await search({ name: 'IMG_', prefix: 'public/shoot-3/' });
    const expected = sortedKeys(photos.filter((k) => k.startsWith('public/shoot-3/')));
    expect(shoot3.rows.map((r) => r.key)).toEqual(expected.slice(0, 100));
    expect([shoot3.total, shoot3.totalCapped]).toEqual([expected.length, false]);
    const small = await search({ name: 'img_', maxSize: 99 });
    expect(small.total).toBe(100);
    // "shoot" is in every photo's folder, and in the key spelt with a LONG S.
    // A size range most photos are in reads keys in order too; one only three keys are in, the size index.
    const sized = (min: number, max: number) => sortedKeys([...photos, ...others].filter((_, i) => i >= min && i <= max));
    const common = await search({ minSize: 100, maxSize: 5_099 }, 200);
    expect(common.rows.map((r) => r.key)).toEqual(sized(100, 5_099).slice(200, 300));
    expect([common.total, common.totalCapped]).toEqual([5_000, false]);
    const few = await search({ minSize: 10_500, maxSize: 10_502 });
    expect(few.rows.map((r) => r.key)).toEqual(sized(10_500, 10_502));
    // Outside ASCII, the candidates are checked with the tokenizer's folding (key_contains).
    expect((await search({ name: 'ÜBERIMG_À' })).rows.map((r) => r.key)).toEqual(['private/Überimg_à.png']);
    const folded = await search({ name: 'SHOOT-' });
    expect(folded.rows.map((r) => r.key).slice(0, 3)).toEqual(['private/\u017Fhoot-1.txt', ...sortedKeys(photos).slice(0, 2)]);
  });
});

describe('a common name whose matches come late in key order', () => {
  // 10,500 photos (more than a count shows) after 5,000 documents: the walk's budget (500 keys
  // here) runs out inside private/, whose last key holds "img_"; prize/ holds no key with the
  // name's trigrams (skipped); proxy/ has keys holding them apart (candidates, read) and one that
  // holds the name; a loose key at the end holds it too.
  const docs = [
    ...Array.from({ length: 3_000 }, (_, i) => `private/c-${i % 30}/doc-${String(i).padStart(4, '0')}.pdf`),
    'private/zz/img_late.pdf',
    ...Array.from({ length: 2_000 }, (_, i) => `prize/${i}.txt`),
  ];
  // …and one that holds ".jpg" but ends in another extension.
  const proxies = [...Array.from({ length: 50 }, (_, i) => `proxy/img-mg_-${i}.txt`), 'proxy/not-a.jpg.txt', 'proxy/zimg_1.txt'];
  const photos = Array.from({ length: 10_500 }, (_, i) => `public/shoot-${i % 7}/IMG_${String(i).padStart(5, '0')}.jpg`);
  const loose = ['zz-loose-img_.txt'];
  const all = [...docs, ...proxies, ...photos, ...loose];
  let late: { store: IndexStore; close: () => void };
  let lateScope: SearchScope;
  beforeAll(async () => {
    late = await plantedIndex(all.map((key, i) => ({ key, size: i })));
    lateScope = { bucketId: await bucketIdOf(late.store), roots: defaultRoots, walkBudget: 500 };
  }, 30_000);
  afterAll(() => late.close());
  const search = (query: SearchQueryInput, offset = 0, limit = 100) =>
    searchIndexedObjects(late.store, lateScope, searchQuerySchema.parse(query), { offset, limit });
  const matching = (prefix: string) =>
    all
      .filter((k) => k.startsWith(prefix) && k.toLowerCase().includes('img_'))
      .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

  it('gives exactly the rows of reading every key, in key order, when the walk runs out of budget', async () => {
    const expected = matching('');
    expect(expected.slice(0, 2)).toEqual(['private/zz/img_late.pdf', 'proxy/zimg_1.txt']);
    for (const [offset, limit] of [
      [0, 100],
      [1, 3],
      [10_450, 200],
    ] as const) {
      const page = await search({ name: 'img_' }, offset, limit);
      expect(page.rows.map((r) => r.key)).toEqual(expected.slice(offset, offset + limit));
      expect([page.total, page.totalCapped]).toEqual([searchCountCap, true]);
    }
    // The same page from the plain plan: every key read in order.
    const { where, params } = searchSql({ ...lateScope, nameRead: 'keys' }, searchQuerySchema.parse({ name: 'IMG_' }));
    const plain = await late.store.all<{ key: string }>(`SELECT o.key FROM objects o WHERE ${where} ORDER BY o.key LIMIT 100`, params);
    expect((await search({ name: 'IMG_' })).rows.map((r) => r.key)).toEqual(plain.map((r) => r.key));
  });

  it('counts under a prefix past the budget exactly, and finds none where the index says none can be', async () => {
    const shoot3 = await search({ name: 'IMG_', prefix: 'public/shoot-3/' });
    expect(shoot3.rows.map((r) => r.key)).toEqual(matching('public/shoot-3/').slice(0, 100));
    expect([shoot3.total, shoot3.totalCapped]).toEqual([1_500, false]);
    const under = await search({ name: 'img_', prefix: 'public/' }, 600);
    expect(under.rows.map((r) => r.key)).toEqual(matching('public/').slice(600, 700));
    expect([under.total, under.totalCapped]).toEqual([10_000, true]);
    for (const prefix of ['prize/', 'private/c-1', 'proxy/img']) {
      const none = await search({ name: 'img_', prefix });
      expect([none.rows, none.total, none.totalCapped], prefix).toEqual([[], 0, false]);
    }
    expect((await search({ name: 'img_', prefix: 'proxy/' })).rows.map((r) => r.key)).toEqual(['proxy/zimg_1.txt']);
  });

  it('counts exactly where the keys after a dense budget are read in order before the index is asked', async () => {
    // A budget of 4,000 keys: under public/ every one holds "img_", so the count reads on in key order.
    const wide = { ...lateScope, walkBudget: 4_000 };
    for (const [name, prefix] of [
      ['img_', 'public/'],
      ['img_1', 'public/'],
      ['shoot-1', 'public/'],
      ['img_', ''],
    ] as const) {
      const page = await searchIndexedObjects(late.store, wide, searchQuerySchema.parse({ name, prefix }), { offset: 0, limit: 100 });
      const expected = all.filter((k) => k.startsWith(prefix) && k.toLowerCase().includes(name)).length;
      expect([page.total, page.totalCapped], `${name} under ${prefix}`).toEqual([
        Math.min(expected, searchCountCap),
        expected > searchCountCap,
      ]);
    }
  });

  it('asks the index worker once for the page and its count, however many steps the walk takes', async () => {
    const requests: string[] = [];
    const counted = new Proxy(late.store, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function' || !['get', 'all', 'write', 'call'].includes(String(prop))) return value;
        return (...args: unknown[]) => {
          requests.push(String(prop));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const page = await searchIndexedObjects(counted, lateScope, searchQuerySchema.parse({ name: 'img_', prefix: 'public/' }), {
      offset: 600,
      limit: 100,
    });
    expect(page.rows.map((r) => r.key)).toEqual(matching('public/').slice(600, 700));
    expect(requests).toEqual(['call']);
  });

  it('reads a common extension’s page from the keys in order, skipping folders that hold none, with exactly the rows of reading every key', async () => {
    // 10,500 .jpg photos after 5,000 documents and 52 text files: past the budget (500 keys),
    // private/ and prize/ hold no key with ".jpg" and are skipped; proxy/not-a.jpg.txt holds it
    // but ends in another extension, so is read and is not a match.
    const jpgs = (prefix: string) =>
      all.filter((k) => k.startsWith(prefix) && k.endsWith('.jpg')).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    for (const [query, prefix] of [
      [{ extension: 'jpg' }, ''],
      [{ extension: 'JPG', prefix: 'public/shoot-2/' }, 'public/shoot-2/'],
      [{ extension: 'jpg', root: 'public' }, 'public/'],
      [{ extension: 'jpg', root: 'public', prefix: 'public/shoot-4/' }, 'public/shoot-4/'],
    ] as const) {
      const expected = jpgs(prefix);
      for (const [offset, limit] of [
        [0, 100],
        [1_450, 100],
      ] as const) {
        const page = await search(query, offset, limit);
        expect(
          page.rows.map((r) => r.key),
          JSON.stringify(query),
        ).toEqual(expected.slice(offset, offset + limit));
        expect([page.total, page.totalCapped], JSON.stringify(query)).toEqual([
          Math.min(expected.length, searchCountCap),
          expected.length > searchCountCap,
        ]);
      }
    }
    // With other filters, a common extension is tested key by key (its index would hand over every match to sort).
    const sizeOf = new Map(all.map((k, i) => [k, i]));
    const sorted = (keys: string[]) => [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    for (const [query, keep] of [
      [{ extension: 'jpg', minSize: 12_000 }, (k: string) => k.endsWith('.jpg') && (sizeOf.get(k) ?? 0) >= 12_000],
      [
        { extension: 'jpg', storageClass: 'STANDARD', prefix: 'public/shoot-5/' },
        (k: string) => k.startsWith('public/shoot-5/') && k.endsWith('.jpg'),
      ],
      [{ extension: 'jpg', root: 'other' }, (k: string) => k.endsWith('.jpg') && !k.startsWith('public/') && !k.startsWith('private/')],
      [{ extension: 'jpg', name: 'IMG_0123' }, (k: string) => k.endsWith('.jpg') && k.includes('IMG_0123')],
      [{ extension: 'txt', name: 'img' }, (k: string) => k.endsWith('.txt') && k.toLowerCase().includes('img')],
    ] as const) {
      const expected = sorted(all.filter(keep));
      const page = await search(query, 0, 100);
      expect(
        page.rows.map((r) => r.key),
        JSON.stringify(query),
      ).toEqual(expected.slice(0, 100));
      expect(page.total, JSON.stringify(query)).toBe(Math.min(expected.length, searchCountCap));
    }
    // The same page as reading every key in order.
    const { where, params } = searchSql({ ...lateScope, extensionRead: 'keys' }, searchQuerySchema.parse({ extension: 'jpg' }));
    const plain = await late.store.all<{ key: string }>(`SELECT o.key FROM objects o WHERE ${where} ORDER BY o.key LIMIT 100`, params);
    expect((await search({ extension: 'jpg' })).rows.map((r) => r.key)).toEqual(plain.map((r) => r.key));
    // Under a folder with none, none (the trigram index says so), and a rare extension from its index.
    for (const prefix of ['private/', 'prize/']) expect((await search({ extension: 'jpg', prefix })).total, prefix).toBe(0);
    expect((await search({ extension: 'jpg', root: 'private' })).rows).toEqual([]);
    const txt = await search({ extension: 'txt', prefix: 'proxy/' });
    expect(txt.rows.map((r) => r.key)).toEqual(proxies.slice().sort());
  });

  it('names a folder by the text every key under it holds', () => {
    expect(lastSegment('public/media/2025/')).toBe('/2025/');
    expect(lastSegment('private/')).toBe('private/');
    expect(lastSegment('public/med')).toBe('/med');
    expect(childFolder('public/', 'public/media/2025/a.jpg')).toBe('public/media/');
    expect(childFolder('', 'private/c-1/doc.pdf')).toBe('private/');
    expect(childFolder('public/', 'public/readme.txt')).toBeNull();
  });
});
