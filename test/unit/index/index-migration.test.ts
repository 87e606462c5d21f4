import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { registerIndexFunctions } from '../../../src/main/core/index/index-functions';
import { indexMigrations } from '../../../src/main/core/index/index-schema';
import { searchSql } from '../../../src/main/core/index/index-search';
import { silentLogger } from '../../../src/main/core/logger';
import { closeDatabase, openDatabase } from '../../../src/main/core/store/database';
import { openRebuildableDatabase } from '../../../src/main/core/store/rebuildable-database';
import { searchQuerySchema } from '../../../src/shared/model/audit';

const defaultSearchQuery = searchQuerySchema.parse({});

const dirs: string[] = [];
const open: Database[] = [];
afterEach(() => {
  open.splice(0).forEach((db) => closeDatabase(db));
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

/** Key → the extension v4 gives it (and v10, from a cheaper expression). */
const samples: Record<string, string> = {
  'media/photo.JPG': 'jpg',
  'media/archive.tar.gz': 'gz',
  README: '',
  'notes.d/readme': '',
  'folder.with.dots/': '',
  'a/b/.hidden': 'hidden',
  'trailing.': '',
  'top.txt': 'txt',
  'a..b': 'b',
  'x.y/z.': '',
  '.': '',
  '/': '',
  'a.b/c.D': 'd',
  'v1.2/notes': '',
  // SQLite's lower() folds ASCII letters only, as the storage-by-extension report always did.
  'ü/ñame.Ärger': 'Ärger',
};

/** An index file as a v3 release left it, with one synced bucket. */
function v3File(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bucket-admin-index-migration-'));
  dirs.push(dir);
  const file = path.join(dir, 'index.sqlite');
  const db = openDatabase({ file, migrations: indexMigrations.slice(0, 3), logger: silentLogger });
  db.prepare("INSERT INTO buckets (id, connection_id, bucket) VALUES (1, 'c1', 'media')").run();
  db.prepare("INSERT INTO syncs (id, bucket_id, source, state, started_at) VALUES (1, 1, 'list', 'done', 't0')").run();
  const insert = db.prepare('INSERT INTO objects (bucket_id, key, size, etag, first_sync) VALUES (1, ?, 1, ?, 1)');
  for (const [i, key] of Object.keys(samples).entries()) insert.run(key, `ABC-${i}`);
  closeDatabase(db);
  return file;
}

describe('index v4: search indexes and the extension column', () => {
  it('migrates a v3 file in place: every row gets its extension, and new rows get theirs on insert', () => {
    const { db, setAside } = openRebuildableDatabase({ file: v3File(), migrations: indexMigrations, logger: silentLogger });
    open.push(db);
    expect(setAside).toBeNull();
    const rows = db.prepare('SELECT key, extension FROM objects ORDER BY key').all() as { key: string; extension: string }[];
    expect(Object.fromEntries(rows.map((r) => [r.key, r.extension]))).toEqual(samples);
    db.prepare("INSERT INTO objects (bucket_id, key, size, first_sync) VALUES (1, 'new/clip.MOV', 1, 1)").run();
    expect(db.prepare("SELECT extension FROM objects WHERE key = 'new/clip.MOV'").pluck().get()).toBe('mov');
  });

  it('answers each kind of search from an index, not a scan of the bucket', () => {
    const { db } = openRebuildableDatabase({ file: v3File(), migrations: indexMigrations, logger: silentLogger });
    open.push(db);
    const scope = { bucketId: 1, roots: { public: 'public/', private: 'private/' } };
    const planOf = (query: Partial<typeof defaultSearchQuery>) => {
      const { where, params } = searchSql(scope, { ...defaultSearchQuery, ...query });
      const steps = db.prepare(`EXPLAIN QUERY PLAN SELECT o.key FROM objects o WHERE ${where} LIMIT 100`).all(params) as {
        detail: string;
      }[];
      return steps.map((s) => s.detail).join(' | ');
    };
    expect(planOf({ extension: 'JPG' })).toContain('objects_extension');
    expect(planOf({ minSize: 1_000_000 })).toContain('objects_size');
    expect(planOf({ modifiedAfter: '2026-01-01T00:00:00.000Z' })).toContain('objects_last_modified');
    expect(planOf({ etag: '"ABC-1"' })).toContain('objects_etag');
    expect(planOf({ storageClass: 'GLACIER' })).toContain('objects_storage_class');
    const { where, params } = searchSql(scope, { ...defaultSearchQuery, extension: 'JPG' });
    expect(db.prepare(`SELECT o.key FROM objects o WHERE ${where}`).pluck().all(params)).toEqual(['media/photo.JPG']);
  });
});

describe('index v8: a trigram index without positions, a storage-class index without STANDARD', () => {
  /** A v7 file: one bucket synced and indexed, one whose first sync is under way (pending). */
  function v7File(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bucket-admin-index-migration-'));
    dirs.push(dir);
    const file = path.join(dir, 'index.sqlite');
    const db = openDatabase({ file, migrations: indexMigrations.slice(0, 7), logger: silentLogger });
    db.exec(`INSERT INTO buckets (id, connection_id, bucket) VALUES (1, 'c1', 'media'), (2, 'c1', 'fresh');
      INSERT INTO objects_key_fts_pending (bucket_id) VALUES (2);`);
    const insert = db.prepare('INSERT INTO objects (bucket_id, key, size, storage_class, first_sync) VALUES (?, ?, 1, ?, 1)');
    for (const [bucket, key, storageClass] of [
      [1, 'public/Holiday-2025.jpg', 'STANDARD'],
      [1, 'public/archive/holiday-2019.mov', 'GLACIER'],
      [1, 'private/contract.pdf', null],
      [2, 'public/holiday-pending.jpg', 'STANDARD'],
    ] as const)
      insert.run(bucket, key, storageClass);
    closeDatabase(db);
    return file;
  }

  it('rebuilds the trigram index from the indexed buckets’ rows only, consistent with them, and finds the same keys', () => {
    const { db } = openRebuildableDatabase({ file: v7File(), migrations: indexMigrations, logger: silentLogger });
    open.push(db);
    registerIndexFunctions(db);
    // FTS5 compares its index with the content table's rows (rank 1): it would fail had the pending bucket's row gone in.
    db.exec('DELETE FROM objects WHERE bucket_id = 2');
    db.prepare("INSERT INTO objects_key_fts (objects_key_fts, rank) VALUES ('integrity-check', 1)").run();
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'objects_key_fts'").pluck().get()).toMatch(/detail = none/);
    const scope = { bucketId: 1, roots: { public: 'public/', private: 'private/' } };
    const keys = (query: Partial<typeof defaultSearchQuery>) => {
      const { from, where, params } = searchSql(scope, { ...defaultSearchQuery, ...query });
      return db.prepare(`SELECT o.key FROM ${from} WHERE ${where} ORDER BY o.key`).pluck().all(params);
    };
    expect(keys({ name: 'HOLIDAY-20' })).toEqual(['public/Holiday-2025.jpg', 'public/archive/holiday-2019.mov']);
    expect(keys({ storageClass: 'GLACIER' })).toEqual(['public/archive/holiday-2019.mov']);
    expect(keys({ storageClass: 'STANDARD' })).toEqual(['private/contract.pdf', 'public/Holiday-2025.jpg']);
    // Only objects not in STANDARD are in the storage-class index.
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'objects_storage_class'").pluck().get()).toMatch(
      /WHERE storage_class <> 'STANDARD'$/,
    );
  });
});

describe('index v13: the extension index without the key', () => {
  it('migrates a v12 file: the index holds bucket and extension only, and extension search finds the same keys', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bucket-admin-index-migration-'));
    dirs.push(dir);
    const file = path.join(dir, 'index.sqlite');
    const v12 = openDatabase({ file, migrations: indexMigrations.slice(0, 12), logger: silentLogger });
    v12.prepare("INSERT INTO buckets (id, connection_id, bucket) VALUES (1, 'c1', 'media')").run();
    const insert = v12.prepare('INSERT INTO objects (bucket_id, key, size, first_sync) VALUES (1, ?, 1, 1)');
    for (const key of Object.keys(samples)) insert.run(key);
    const columnsOf = (db: Database) => db.prepare("SELECT name FROM pragma_index_info('objects_extension') ORDER BY seqno").pluck().all();
    expect(columnsOf(v12)).toEqual(['bucket_id', 'extension', 'key']);
    closeDatabase(v12);

    const { db } = openRebuildableDatabase({ file, migrations: indexMigrations, logger: silentLogger });
    open.push(db);
    expect(columnsOf(db)).toEqual(['bucket_id', 'extension']);
    const scope = { bucketId: 1, roots: { public: 'public/', private: 'private/' } };
    const { where, params, orderBy } = searchSql(scope, { ...defaultSearchQuery, extension: 'D' });
    expect(db.prepare(`SELECT o.key FROM objects o WHERE ${where} ORDER BY ${orderBy}`).pluck().all(params)).toEqual(['a.b/c.D']);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT o.key FROM objects o WHERE ${where} ORDER BY ${orderBy} LIMIT 100`).all(params) as {
      detail: string;
    }[];
    expect(plan.map((s) => s.detail).join(' | ')).toMatch(/^SEARCH o USING INDEX objects_extension .*TEMP B-TREE FOR ORDER BY/);
    // A walked extension is tested on the key (LIKE): the same keys as the column, for every sample.
    const keysFor = (extension: string, extensionRead: 'index' | 'keys') => {
      const sql = searchSql({ ...scope, extensionRead }, { ...defaultSearchQuery, extension });
      return db.prepare(`SELECT o.key FROM objects o WHERE ${sql.where} ORDER BY o.key`).pluck().all(sql.params);
    };
    for (const extension of new Set([...Object.values(samples).filter((e) => e !== ''), 'JPG', 'Gz', 'Ärger', 'ärger', '%', 'b_']))
      expect(keysFor(extension, 'keys'), extension).toEqual(keysFor(extension, 'index'));
    // Only A–Z fold, as SQLite's lower() does for the key's extension.
    expect(keysFor('ÄRGER', 'index')).toEqual(['ü/ñame.Ärger']);
    expect(keysFor('ärger', 'index')).toEqual([]);
  });
});
