import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { registerIndexFunctions } from '../../../src/main/core/index/index-functions';
import { indexMigrations } from '../../../src/main/core/index/index-schema';
import type { ListedObject } from '../../../src/main/core/index/listed-object';
import { ListingMerger } from '../../../src/main/core/index/listing-merge';
import {
  etagSql,
  storedEtag,
  storedTime,
  storedVersion,
  timeSql,
  toStoredEtagSql,
  toStoredTimeSql,
  versionColumnsSql,
} from '../../../src/main/core/index/stored-values';
import { silentLogger } from '../../../src/main/core/logger';
import { closeDatabase, openDatabase } from '../../../src/main/core/store/database';
import { openRebuildableDatabase } from '../../../src/main/core/store/rebuildable-database';

const dirs: string[] = [];
const open: Database[] = [];
afterEach(() => {
  open.splice(0).forEach((db) => closeDatabase(db));
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bucket-admin-stored-values-'));
  dirs.push(dir);
  return path.join(dir, 'index.sqlite');
}

const etags = [
  'd41d8cd98f00b204e9800998ecf8427e',
  'D41D8CD98F00B204E9800998ECF8427E',
  '9b2cf535f27731c974343645a3985328-12',
  'not-an-md5',
  '0123456789abcdef0123456789abcdeg',
  // Case matters in any other ETag (HTTP compares them exactly), and SQLite's lower() folds only A–Z.
  'Éabc-3',
  'ΣΑΣ',
  'W/"Abc"',
  '',
];
/** Its text as read back: lower-case hex for a plain one, as it was for any other. */
const readBack = (etag: string) => (/^[0-9a-f]{32}$/i.test(etag) ? etag.toLowerCase() : etag);
const times = ['2025-01-02T03:04:05.678Z', '2025-01-02T03:04:05Z', '1970-01-01T00:00:00.000Z', '2038-01-19T03:14:08.999Z'];

describe('stored values (index v12)', () => {
  it('stores a plain MD5 ETag as its 16 bytes and any other as its text, the same in JavaScript and in SQL', () => {
    const db = openDatabase({ file: ':memory:', migrations: [], logger: silentLogger });
    open.push(db);
    for (const etag of etags) {
      const js = storedEtag(etag);
      const sql = db.prepare(`SELECT ${toStoredEtagSql('@v')} AS v`).get({ v: etag }) as { v: unknown };
      expect(sql.v, etag).toEqual(js);
      expect(
        db
          .prepare(`SELECT ${etagSql('@v')} AS t`)
          .pluck()
          .get({ v: js }),
        etag,
      ).toBe(readBack(etag));
    }
    expect(storedEtag(etags[0] ?? '')).toHaveLength(16);
    expect(storedEtag(null)).toBeNull();
  });

  it('stores a time as ms since the epoch, the same in JavaScript and in SQL, and reads it back as toISOString does', () => {
    const db = openDatabase({ file: ':memory:', migrations: [], logger: silentLogger });
    open.push(db);
    for (const time of times) {
      const ms = storedTime(time);
      expect(ms, time).toBe(Date.parse(time));
      expect(
        db
          .prepare(`SELECT ${toStoredTimeSql('@v')}`)
          .pluck()
          .get({ v: time }),
        time,
      ).toBe(ms);
      const iso = new Date(Date.parse(time)).toISOString();
      expect(
        db
          .prepare(`SELECT ${timeSql('@v')}`)
          .pluck()
          .get({ v: ms }),
        time,
      ).toBe(iso);
    }
    // Unreadable, or outside the years SQLite's date functions handle: none, on both sides.
    for (const bad of ['yesterday', '+010000-01-01T00:00:00.000Z', '-000001-01-01T00:00:00.000Z']) {
      expect(storedTime(bad), bad).toBeNull();
      expect(
        db
          .prepare(`SELECT ${toStoredTimeSql('@v')}`)
          .pluck()
          .get({ v: bad }),
        bad,
      ).toBeNull();
    }
  });
});

describe('index v12: compact values, in place', () => {
  /** A v11 file: one bucket synced twice (one object replaced), its keys in the trigram index. */
  function v11File(): string {
    const file = tempFile();
    const db = openDatabase({ file, migrations: indexMigrations.slice(0, 11), logger: silentLogger });
    db.exec(`INSERT INTO buckets (id, connection_id, bucket) VALUES (1, 'c1', 'media');
      INSERT INTO syncs (id, bucket_id, source, state, started_at) VALUES (1, 1, 'list', 'done', 't0'), (2, 1, 'list', 'done', 't1');
      INSERT INTO objects (id, bucket_id, key, size, etag, last_modified, storage_class, first_sync, cache_control, scanned_at) VALUES
        (7, 1, 'public/a.jpg', 10, 'D41D8CD98F00B204E9800998ECF8427E', '2025-01-02T03:04:05.678Z', 'STANDARD', 1, 'max-age=60', '2026-01-01'),
        (8, 1, 'public/b.mov', 20, '9b2cf535f27731c974343645a3985328-3', '2025-02-02T00:00:00.000Z', 'GLACIER', 2, NULL, NULL),
        (9, 1, 'private/c.pdf', 30, NULL, NULL, NULL, 1, NULL, NULL),
        (10, 1, 'public/d.txt', 40, 'Éabc-3', '+010000-01-01T00:00:00.000Z', 'STANDARD', 1, NULL, NULL);
      INSERT INTO object_history (bucket_id, key, size, etag, last_modified, storage_class, first_sync, gone_sync) VALUES
        (1, 'public/b.mov', 5, '0123456789abcdef0123456789abcdef', '2025-01-01T00:00:00.000Z', 'STANDARD', 1, 2);`);
    closeDatabase(db);
    return file;
  }

  const listed: ListedObject[] = [
    { key: 'private/c.pdf', size: 30, etag: null, lastModified: null, storageClass: 'STANDARD' },
    {
      key: 'public/a.jpg',
      size: 10,
      etag: 'd41d8cd98f00b204e9800998ecf8427e',
      lastModified: '2025-01-02T03:04:05.678Z',
      storageClass: 'STANDARD',
    },
    {
      key: 'public/b.mov',
      size: 20,
      etag: '9b2cf535f27731c974343645a3985328-3',
      lastModified: '2025-02-02T00:00:00.000Z',
      storageClass: 'GLACIER',
    },
    // A server's own ETag (case kept) and a time past year 9999 (none, on both sides).
    { key: 'public/d.txt', size: 40, etag: 'Éabc-3', lastModified: '+010000-01-01T00:00:00.000Z', storageClass: 'STANDARD' },
  ];

  it('converts every row, keeps ids, scan results, history and the trigram index, and a re-sync of the same listing changes nothing', () => {
    const { db, setAside } = openRebuildableDatabase({ file: v11File(), migrations: indexMigrations, logger: silentLogger });
    open.push(db);
    registerIndexFunctions(db);
    expect(setAside).toBeNull();
    // The rebuild's old pages went back to the disk (the migrator compacts after such a step).
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    expect(fs.statSync(`${db.name}-wal`).size).toBe(0);
    const raw = db.prepare('SELECT id, typeof(etag) AS e, typeof(last_modified) AS t, storage_class AS c FROM objects ORDER BY id').all();
    expect(raw).toEqual([
      { id: 7, e: 'blob', t: 'integer', c: null },
      { id: 8, e: 'text', t: 'integer', c: 'GLACIER' },
      { id: 9, e: 'null', t: 'null', c: null },
      { id: 10, e: 'text', t: 'null', c: null },
    ]);
    // The scan's findings, in object_scans since v14.
    const rows = db
      .prepare(
        `SELECT ${versionColumnsSql('o')}, s.cache_control AS cc FROM objects o LEFT JOIN object_scans s ON s.object_id = o.id ORDER BY o.key`,
      )
      .all();
    expect(rows).toEqual([
      { key: 'private/c.pdf', size: 30, etag: null, lastModified: null, storageClass: 'STANDARD', cc: null },
      {
        key: 'public/a.jpg',
        size: 10,
        etag: 'd41d8cd98f00b204e9800998ecf8427e',
        lastModified: '2025-01-02T03:04:05.678Z',
        storageClass: 'STANDARD',
        cc: 'max-age=60',
      },
      {
        key: 'public/b.mov',
        size: 20,
        etag: '9b2cf535f27731c974343645a3985328-3',
        lastModified: '2025-02-02T00:00:00.000Z',
        storageClass: 'GLACIER',
        cc: null,
      },
      { key: 'public/d.txt', size: 40, etag: 'Éabc-3', lastModified: null, storageClass: 'STANDARD', cc: null },
    ]);
    expect(db.prepare(`SELECT ${versionColumnsSql('h')} FROM object_history h`).all()).toEqual([
      {
        key: 'public/b.mov',
        size: 5,
        etag: '0123456789abcdef0123456789abcdef',
        lastModified: '2025-01-01T00:00:00.000Z',
        storageClass: 'STANDARD',
      },
    ]);
    const match = (q: string) =>
      db.prepare('SELECT rowid FROM objects_key_fts WHERE objects_key_fts MATCH ? ORDER BY rowid').pluck().all(q);
    expect(match('"b.m"')).toEqual([8]);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'objects'").pluck().get()).toBe(3);

    db.prepare("INSERT INTO syncs (id, bucket_id, source, state, started_at) VALUES (3, 1, 'list', 'running', 't2')").run();
    const merger = new ListingMerger(db);
    expect(db.transaction(() => merger.mergeWindow(3, 1, '', null, null, listed.map(storedVersion)))()).toEqual({
      added: 0,
      changed: 0,
      removed: 0,
    });
    // A changed one is written in the stored form, moved to history, and its key stays searchable.
    const changed = listed.map((o) => (o.key === 'public/a.jpg' ? { ...o, etag: 'ffffffffffffffffffffffffffffffff' } : o));
    expect(db.transaction(() => merger.mergeWindow(3, 1, '', null, null, changed.map(storedVersion)))()).toEqual({
      added: 0,
      changed: 1,
      removed: 0,
    });
    expect(db.prepare('SELECT typeof(etag) FROM objects WHERE id = 7').pluck().get()).toBe('blob');
    expect(db.prepare('SELECT count(*) FROM object_history').pluck().get()).toBe(2);
    db.prepare('DELETE FROM objects WHERE id = 7').run();
    expect(match('"a.j"')).toEqual([]);
    // FTS5 throws on an index that disagrees with its content table.
    expect(() => db.prepare("INSERT INTO objects_key_fts (objects_key_fts) VALUES ('integrity-check')").run()).not.toThrow();
  });
});
