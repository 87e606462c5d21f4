import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexMigrations } from '../../../src/main/core/index/index-schema';
import { silentLogger } from '../../../src/main/core/logger';
import { closeCleanly, closeDatabase, isDamage, markUnclean } from '../../../src/main/core/store/database';
import type { Migration } from '../../../src/main/core/store/migrator';
import { openRebuildableDatabase, setAsidePathOf } from '../../../src/main/core/store/rebuildable-database';
import { damageTableRoot } from './damage-table';
import { useTempStore } from './temp-dir';

const store = useTempStore();
const at = new Date('2026-05-04T03:02:01.000Z');
const open = (file: string, migrations: readonly Migration[] = indexMigrations, now = at) => {
  const opened = openRebuildableDatabase({ file, migrations, logger: silentLogger, now: () => now });
  store.track(opened.db);
  return opened;
};
const nextStep: Migration = { version: indexMigrations.length + 1, name: 'future', sql: 'CREATE TABLE future (id INTEGER PRIMARY KEY)' };
const rowCount = (db: ReturnType<typeof open>['db']) => db.prepare('SELECT count(*) FROM syncs').pluck().get();

/** An index file with one sync row, written by a build whose list is `migrations`. */
function indexWithRow(file: string, migrations: readonly Migration[]): void {
  const { db } = openRebuildableDatabase({ file, migrations, logger: silentLogger });
  db.prepare("INSERT INTO buckets (id, connection_id, bucket) VALUES (1, 'c', 'b')").run();
  db.prepare("INSERT INTO syncs (bucket_id, source, state, started_at) VALUES (1, 'list', 'done', 't')").run();
  closeDatabase(db);
}

describe('a rebuildable file (the object index)', () => {
  it('is migrated without ever being copied', () => {
    const file = store.file();
    indexWithRow(file, indexMigrations);
    const { db, setAside } = open(file, [...indexMigrations, nextStep]);
    expect(setAside).toBeNull();
    expect(rowCount(db)).toBe(1);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.bak') || f.includes('set-aside'))).toEqual([]);
  });

  it('whose schema step finds the disk full, is kept as it was (not set aside), and the step runs at the next start', () => {
    const file = store.file();
    indexWithRow(file, indexMigrations);
    // A step that needs more pages than the "disk" (this connection's page limit) has room for.
    const bigStep: Migration = {
      version: indexMigrations.length + 1,
      name: 'big',
      sql: `CREATE TABLE big (b BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
        INSERT INTO big SELECT randomblob(4000) FROM n;`,
    };
    const full = () =>
      openRebuildableDatabase({
        file,
        migrations: [...indexMigrations, bigStep],
        logger: silentLogger,
        now: () => at,
        beforeMigrating: (db) => {
          db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true })) + 100}`);
        },
      });
    expect(full).toThrow(/needs more disk space than is free \(SQLITE_FULL\).*Free some disk space/);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('set-aside'))).toEqual([]);
    const { db, setAside } = open(file, [...indexMigrations, bigStep]);
    expect(setAside).toBeNull();
    expect(rowCount(db)).toBe(1);
    expect(db.prepare('SELECT count(*) FROM big').pluck().get()).toBe(2000);
  });

  it('written by a newer app, is set aside (renamed, not copied) and started empty, with the reason', () => {
    const file = store.file();
    indexWithRow(file, [...indexMigrations, nextStep]);
    const inode = fs.statSync(file).ino;
    const { db, setAside } = open(file);
    expect(setAside).toEqual({
      setAsidePath: setAsidePathOf(file, at),
      reason: expect.stringMatching(
        new RegExp(
          `written by a newer Bucket Admin \\(schema version ${nextStep.version}; this one knows up to ${indexMigrations.length}\\)`,
        ),
      ) as string,
    });
    expect(rowCount(db)).toBe(0);
    expect(fs.statSync(setAside?.setAsidePath ?? '').ino).toBe(inode);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('damaged, is set aside and started empty; only the newest set-aside copy is kept', () => {
    const file = store.file();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
    const first = open(file, indexMigrations, new Date('2026-01-01T00:00:00.000Z'));
    expect(first.setAside?.reason).toMatch(/^it is damaged/);
    closeDatabase(first.db);
    fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
    const second = open(file);
    expect(second.setAside?.setAsidePath).toBe(setAsidePathOf(file, at));
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('set-aside'))).toEqual([path.basename(setAsidePathOf(file, at))]);
  });

  it('with an edited migration, is set aside rather than refused', () => {
    const file = store.file();
    indexWithRow(file, indexMigrations);
    const edited = indexMigrations.map((m) => ({ ...m, sql: `${m.sql}\n-- edited` }));
    const { setAside } = open(file, edited);
    expect(setAside?.reason).toMatch(/schema could not be updated .*differs from the one already applied/);
  });
});

describe('the check at open of a rebuildable file', () => {
  /** An index file with `rows` objects, closed as `close` leaves it. */
  function indexWithObjects(file: string, rows: number, close: (db: ReturnType<typeof open>['db']) => void): void {
    const { db } = openRebuildableDatabase({ file, migrations: indexMigrations, logger: silentLogger });
    db.prepare("INSERT INTO buckets (id, connection_id, bucket) VALUES (1, 'c', 'b')").run();
    db.prepare("INSERT INTO syncs (id, bucket_id, source, state, started_at) VALUES (1, 1, 'list', 'done', 't')").run();
    const insert = db.prepare('INSERT INTO objects (bucket_id, key, size, first_sync) VALUES (1, ?, 1, 1)');
    db.transaction(() => {
      for (let i = 0; i < rows; i += 1) insert.run(`public/media/photo-${String(i).padStart(6, '0')}.jpg`);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    close(db);
  }

  it('closed cleanly, opens without reading every page; damage met at use says so and the next open sets the file aside', () => {
    const file = store.file();
    indexWithObjects(file, 3_000, (db) => closeCleanly(db));
    damageTableRoot(file, 'objects');
    const first = open(file);
    // Only the schema was read: the damaged table went unnoticed at open.
    expect(first.setAside).toBeNull();
    let met: unknown;
    try {
      first.db.prepare('SELECT count(*) FROM objects NOT INDEXED').get();
    } catch (error) {
      met = error;
    }
    expect(isDamage(met)).toBe(true);
    markUnclean(first.db);
    closeDatabase(first.db);

    const second = open(file);
    expect(second.setAside?.reason).toMatch(/^it is damaged/);
    expect(second.db.prepare('SELECT count(*) FROM objects').pluck().get()).toBe(0);
  });

  it('not closed cleanly (a crash, or a file from before the mark), is read in full at open and set aside when damaged', () => {
    for (const close of [(db: ReturnType<typeof open>['db']) => db.close(), (db: ReturnType<typeof open>['db']) => closeDatabase(db)]) {
      const file = store.file();
      indexWithObjects(file, 3_000, close);
      damageTableRoot(file, 'objects');
      expect(open(file).setAside?.reason).toMatch(/^it is damaged/);
    }
  });

  it('closed cleanly and whole, opens with every row', () => {
    const file = store.file();
    indexWithObjects(file, 500, (db) => closeCleanly(db));
    const { db, setAside } = open(file);
    expect(setAside).toBeNull();
    expect(db.prepare('SELECT count(*) FROM objects').pluck().get()).toBe(500);
  });
});
