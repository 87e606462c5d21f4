import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../src/shared/errors';
import { silentLogger } from '../../../src/main/core/logger';
import { closeDatabase, openDatabase } from '../../../src/main/core/store/database';
import type { CorruptionNotice } from '../../../src/main/core/store/database';
import { stateMigrations as migrations } from '../../../src/main/core/store/migrations';
import { sha256 } from '../../../src/main/core/store/migrator';
import { recordingLogger, thrown, useTempStore } from './temp-dir';

const store = useTempStore();
const open = (file: string) => store.track(openDatabase({ file, migrations, logger: silentLogger }));
const latest = migrations.length;

/** A real database with enough rows to span many pages, closed cleanly (so no -wal is left). */
function writeDatabaseWithRows(file: string): void {
  const db = openDatabase({ file, migrations, logger: silentLogger });
  const insert = db.prepare('INSERT INTO connections VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 400; i += 1) insert.run(`c${i}`, `name ${i}`, JSON.stringify({ pad: 'x'.repeat(400) }), 't', 't');
  })();
  closeDatabase(db);
  expect(fs.existsSync(`${file}-wal`)).toBe(false);
}

/** Overwrites the page in the middle of the file with random bytes. */
function corruptMiddlePage(file: string): void {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, randomBytes(4096), 0, 4096, Math.floor(size / 4096 / 2) * 4096);
  fs.closeSync(fd);
}

function expectStorageCorrupt(file: string): AppError {
  const error = thrown(() => open(file)) as AppError;
  expect(error.code).toBe('StorageCorrupt');
  const backupPath = error.details?.backupPath as string;
  expect(error.message).toContain(backupPath);
  expect(fs.existsSync(backupPath)).toBe(true);
  expect(fs.existsSync(file)).toBe(false);
  return error;
}

describe('openDatabase', () => {
  it('creates the folder and applies every migration to a new file', () => {
    const file = store.file();
    const db = open(file);
    const rows = db.prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual(migrations.map((m) => ({ version: m.version, name: m.name, sha256: sha256(m.sql) })));
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['app_settings', 'connections', 'schema_migrations', 'secrets']));
  });

  it('reopening is a no-op: same history, no backup, data kept', () => {
    const file = store.file();
    const first = open(file);
    first.prepare("INSERT INTO app_settings VALUES ('theme', '\"dark\"')").run();
    const history = first.prepare('SELECT * FROM schema_migrations').all();
    closeDatabase(first);
    const second = open(file);
    expect(second.prepare('SELECT * FROM schema_migrations').all()).toEqual(history);
    expect(second.prepare('SELECT value_json FROM app_settings').pluck().get()).toBe('"dark"');
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.bak') || f.includes('.corrupt'))).toEqual([]);
  });

  it('sets WAL, foreign keys, busy timeout and synchronous=NORMAL', () => {
    const db = open(store.file());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('enforces foreign keys, including the secrets cascade', () => {
    const db = open(store.file());
    const addSecret = db.prepare("INSERT INTO secrets VALUES (?, x'00', 't')");
    expect((thrown(() => addSecret.run('missing')) as { code: string }).code).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    db.prepare("INSERT INTO connections VALUES ('c1', 'one', '{}', 't', 't')").run();
    addSecret.run('c1');
    db.prepare("DELETE FROM connections WHERE id = 'c1'").run();
    expect(db.prepare('SELECT count(*) FROM secrets').pluck().get()).toBe(0);
  });

  it('moves a garbage file (and its -wal/-shm) aside byte for byte and throws StorageCorrupt', () => {
    const file = store.file();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const garbage = randomBytes(16384);
    fs.writeFileSync(file, garbage);
    fs.writeFileSync(`${file}-wal`, 'stale wal');
    fs.writeFileSync(`${file}-shm`, 'stale shm');
    const error = expectStorageCorrupt(file);
    const backupPath = error.details?.backupPath as string;
    expect(path.basename(backupPath)).toMatch(/^bucket-admin\.sqlite\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(fs.readFileSync(backupPath).equals(garbage)).toBe(true);
    expect(fs.readFileSync(`${backupPath}-wal`, 'utf8')).toBe('stale wal');
    // -shm is a scratch index SQLite rebuilds on open, so only its presence is kept, not its bytes.
    expect(fs.existsSync(`${backupPath}-shm`)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fs.existsSync(`${file}-shm`)).toBe(false);
  });

  it('keeps a damaged file together with its un-checkpointed WAL, byte for byte', () => {
    const live = store.file();
    writeDatabaseWithRows(live);
    const db = new BetterSqlite3(live);
    db.pragma('wal_autocheckpoint = 0');
    db.prepare("INSERT INTO app_settings VALUES ('only-in-wal', '1')").run();
    const file = store.file();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Copy while the writer is open: what a crash would leave (committed frames only in the -wal).
    fs.copyFileSync(live, file);
    fs.copyFileSync(`${live}-wal`, `${file}-wal`);
    db.close();
    const wal = fs.readFileSync(`${file}-wal`);
    expect(wal.length).toBeGreaterThan(0);
    corruptMiddlePage(file);
    const damaged = fs.readFileSync(file);
    const backupPath = expectStorageCorrupt(file).details?.backupPath as string;
    expect(fs.readFileSync(backupPath).equals(damaged)).toBe(true);
    expect(fs.readFileSync(`${backupPath}-wal`).equals(wal)).toBe(true);
  });

  it('with backup-and-recreate, keeps the garbage and returns a working fresh database', () => {
    const file = store.file();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const garbage = randomBytes(8192);
    fs.writeFileSync(file, garbage);
    const { logger, lines } = recordingLogger();
    const notices: CorruptionNotice[] = [];
    const db = store.track(
      openDatabase({ file, migrations, logger, onCorrupt: 'backup-and-recreate', onRecovered: (n) => notices.push(n) }),
    );
    expect(notices).toHaveLength(1);
    const [notice] = notices;
    if (notice === undefined) throw new Error('no notice');
    expect(fs.readFileSync(notice.backupPath).equals(garbage)).toBe(true);
    expect(notice.message).toContain(notice.backupPath);
    expect(lines.some((l) => l.level === 'warn' && JSON.stringify(l.fields).includes(notice.backupPath))).toBe(true);
    expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(latest);
    db.prepare("INSERT INTO connections VALUES ('c1', 'one', '{}', 't', 't')").run();
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
  });

  it('detects a database truncated in the middle of a page', () => {
    const file = store.file();
    writeDatabaseWithRows(file);
    const size = fs.statSync(file).size;
    const pageSize = 4096;
    expect(size).toBeGreaterThan(pageSize * 8);
    fs.truncateSync(file, Math.floor(size / pageSize / 2) * pageSize + 1234);
    expectStorageCorrupt(file);
  });

  it('detects a page overwritten with garbage in the middle of the file', () => {
    const file = store.file();
    writeDatabaseWithRows(file);
    corruptMiddlePage(file);
    const error = expectStorageCorrupt(file);
    expect(error.message).toMatch(/damaged/);
  });

  it('does not treat a file it cannot open as corrupt (nothing is moved)', () => {
    const file = store.file();
    fs.mkdirSync(file, { recursive: true }); // a folder where the file should be
    const error = thrown(() => open(file)) as AppError;
    expect(error.code).toBe('Internal');
    expect(fs.statSync(file).isDirectory()).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  });

  it('never recreates a healthy database from a newer app, even in backup-and-recreate mode', () => {
    const file = store.file();
    const extra = { version: latest + 1, name: 'future', sql: 'CREATE TABLE future (id INTEGER)' };
    closeDatabase(openDatabase({ file, migrations: [...migrations, extra], logger: silentLogger }));
    const error = thrown(() => openDatabase({ file, migrations, logger: silentLogger, onCorrupt: 'backup-and-recreate' })) as AppError;
    expect(error.code).toBe('Conflict');
    expect(fs.readdirSync(path.dirname(file)).some((f) => f.includes('.corrupt'))).toBe(false);
  });

  it('closeDatabase closes and can be called twice', () => {
    const db = open(store.file());
    closeDatabase(db);
    expect(db.open).toBe(false);
    expect(() => closeDatabase(db)).not.toThrow();
  });
});
