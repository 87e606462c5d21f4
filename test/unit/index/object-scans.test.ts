import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { registerIndexFunctions } from '../../../src/main/core/index/index-functions';
import { indexMigrations } from '../../../src/main/core/index/index-schema';
import { ListingMerger } from '../../../src/main/core/index/listing-merge';
import { storedVersion } from '../../../src/main/core/index/stored-values';
import { silentLogger } from '../../../src/main/core/logger';
import { closeDatabase, openDatabase } from '../../../src/main/core/store/database';
import { openRebuildableDatabase } from '../../../src/main/core/store/rebuildable-database';

const dirs: string[] = [];
const open: Database[] = [];
afterEach(() => {
  open.splice(0).forEach((db) => closeDatabase(db));
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

const scanColumns = ['content_type', 'cache_control', 'metadata_json', 'acl_json', 'public_read', 'cache_issue', 'anyone_can_read'];

/** A v13 file: three objects deep-scanned, one not (a sync cleared its scan and left its judgements, as it did). */
function v13File(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bucket-admin-object-scans-'));
  dirs.push(dir);
  const file = path.join(dir, 'index.sqlite');
  const db = openDatabase({ file, migrations: indexMigrations.slice(0, 13), logger: silentLogger });
  db.exec(`INSERT INTO buckets (id, connection_id, bucket) VALUES (1, 'c1', 'media');
    INSERT INTO syncs (id, bucket_id, source, state, started_at) VALUES (1, 1, 'list', 'done', 't0');
    INSERT INTO objects (id, bucket_id, key, size, first_sync, scanned_at, content_type, cache_control, metadata_json, acl_json,
      public_read, cache_issue, anyone_can_read) VALUES
      (1, 1, 'private/leak.pdf', 1, 1, '2026-01-01', 'application/pdf', NULL, '{"owner":"ann"}', '[{"grantee":"AllUsers"}]', 1, NULL, 1),
      (2, 1, 'public/a.jpg', 2, 1, '2026-01-01', 'image/jpeg', 'max-age=60', '{}', '[]', 0, 'short-max-age', 0),
      (3, 1, 'public/b.jpg', 3, 1, '2026-01-01', 'image/jpeg', NULL, '{}', '[]', 0, 'missing', 0),
      (4, 1, 'public/c.jpg', 4, 1, NULL, NULL, NULL, NULL, NULL, NULL, 'missing', 0);`);
  closeDatabase(db);
  return file;
}

describe('index v14: what a deep scan found, beside the object', () => {
  it('moves the scanned objects’ findings into object_scans, exactly, and leaves none of those columns on objects', () => {
    const { db, setAside } = openRebuildableDatabase({ file: v13File(), migrations: indexMigrations, logger: silentLogger });
    open.push(db);
    expect(setAside).toBeNull();
    const columns = db.prepare("SELECT name FROM pragma_table_info('objects')").pluck().all();
    for (const c of scanColumns) expect(columns).not.toContain(c);
    expect(columns).toContain('scanned_at');
    expect(db.prepare(`SELECT object_id, ${scanColumns.join(', ')} FROM object_scans ORDER BY object_id`).all()).toEqual([
      {
        object_id: 1,
        content_type: 'application/pdf',
        cache_control: null,
        metadata_json: '{"owner":"ann"}',
        acl_json: '[{"grantee":"AllUsers"}]',
        public_read: 1,
        cache_issue: null,
        anyone_can_read: 1,
      },
      {
        object_id: 2,
        content_type: 'image/jpeg',
        cache_control: 'max-age=60',
        metadata_json: '{}',
        acl_json: '[]',
        public_read: 0,
        cache_issue: 'short-max-age',
        anyone_can_read: 0,
      },
      {
        object_id: 3,
        content_type: 'image/jpeg',
        cache_control: null,
        metadata_json: '{}',
        acl_json: '[]',
        public_read: 0,
        cache_issue: 'missing',
        anyone_can_read: 0,
      },
    ]);
    // The rebuilt rows went back to the disk (compactAfter).
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
  });

  it('a sync forgets the scan of a version it replaces (keeping it in that version’s history) and of an object gone', () => {
    const { db } = openRebuildableDatabase({ file: v13File(), migrations: indexMigrations, logger: silentLogger });
    open.push(db);
    registerIndexFunctions(db);
    db.prepare("INSERT INTO syncs (id, bucket_id, source, state, started_at) VALUES (2, 1, 'list', 'running', 't1')").run();
    const merger = new ListingMerger(db);
    // public/a.jpg changed, public/b.jpg deleted, the others as they were.
    const listed = [
      { key: 'private/leak.pdf', size: 1 },
      { key: 'public/a.jpg', size: 20 },
      { key: 'public/c.jpg', size: 4 },
    ].map((o) => storedVersion({ ...o, etag: null, lastModified: null, storageClass: 'STANDARD' }));
    expect(db.transaction(() => merger.mergeWindow(2, 1, '', null, null, listed))()).toEqual({ added: 0, changed: 1, removed: 1 });
    expect(db.prepare('SELECT object_id FROM object_scans ORDER BY object_id').pluck().all()).toEqual([1]);
    expect(db.prepare('SELECT key, scanned_at AS scannedAt FROM objects ORDER BY key').all()).toEqual([
      { key: 'private/leak.pdf', scannedAt: '2026-01-01' },
      { key: 'public/a.jpg', scannedAt: null },
      { key: 'public/c.jpg', scannedAt: null },
    ]);
    expect(db.prepare('SELECT key, size, cache_control AS cc, content_type AS ct FROM object_history ORDER BY key').all()).toEqual([
      { key: 'public/a.jpg', size: 2, cc: 'max-age=60', ct: 'image/jpeg' },
      { key: 'public/b.jpg', size: 3, cc: null, ct: 'image/jpeg' },
    ]);
    // A scan cannot be kept for an object that is not there.
    expect(() => db.prepare('INSERT INTO object_scans (object_id) VALUES (99)').run()).toThrow(/FOREIGN KEY/);
  });
});
