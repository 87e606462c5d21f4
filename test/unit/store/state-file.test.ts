import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/core/logger';
import { closeDatabase, openDatabase, type CorruptionNotice } from '../../../src/main/core/store/database';
import { stateMigrations } from '../../../src/main/core/store/migrations';
import { preMigrationBackupPath } from '../../../src/main/core/store/migrator';
import {
  legacyKeptName,
  legacyStateFileName,
  moveLegacyStateFile,
  openStateDatabase,
  stateFileName,
} from '../../../src/main/core/store/state-file';
import { useTempStore } from './temp-dir';

const store = useTempStore();

/** A data folder holding `bucket-admin.sqlite` as a release at `version` left it, with a connection and a ledger row. */
function legacyFolder(version: number): string {
  const dataDir = path.dirname(store.file());
  const db = openDatabase({
    file: path.join(dataDir, legacyStateFileName),
    migrations: stateMigrations.slice(0, version),
    logger: silentLogger,
  });
  db.prepare("INSERT INTO connections VALUES ('c1', 'prod', '{}', 't0', 't0')").run();
  db.prepare("INSERT INTO secrets VALUES ('c1', x'0102', 't0')").run();
  db.prepare("INSERT INTO app_settings VALUES ('theme', '\"dark\"')").run();
  if (version >= 2) {
    db.prepare(
      `INSERT INTO share_links (created_at, connection_id, connection_name, bucket, object_key, target, kind, expires_at, os_user, note, options_json, resource)
      VALUES ('t0', 'c1', 'prod', 'media', 'private/a.pdf', 'object', 'get', NULL, 'ann', 'ZD-1', '{}', 'https://s3/media/private/a.pdf')`,
    ).run();
  }
  closeDatabase(db);
  return dataDir;
}

const open = (dataDir: string, notices: CorruptionNotice[] = []) =>
  store.track(openStateDatabase({ dataDir, logger: silentLogger, onRecovered: (n) => notices.push(n) }));
const version = (db: BetterSqlite3.Database) => db.prepare('SELECT max(version) FROM schema_migrations').pluck().get();

describe('moving bucket-admin.sqlite to state.sqlite', () => {
  it.each([3, 4])('opens a v%i file as state.sqlite with everything in it, and keeps the original', (v) => {
    const dataDir = legacyFolder(v);
    const original = fs.readFileSync(path.join(dataDir, legacyStateFileName));
    const db = open(dataDir);
    expect(version(db)).toBe(stateMigrations.length);
    expect(db.prepare('SELECT name FROM connections').pluck().all()).toEqual(['prod']);
    expect(db.prepare('SELECT hex(blob) FROM secrets').pluck().get()).toBe('0102');
    expect(db.prepare('SELECT note FROM share_links').pluck().all()).toEqual(['ZD-1']);
    expect(db.prepare("SELECT value_json FROM app_settings WHERE key = 'theme'").pluck().get()).toBe('"dark"');
    const files = fs.readdirSync(dataDir).sort();
    expect(files).toContain(stateFileName);
    expect(files).not.toContain(legacyStateFileName);
    // The original, byte for byte, under a name no release opens; and the usual pre-migration copy.
    expect(fs.readFileSync(path.join(dataDir, legacyKeptName)).equals(original)).toBe(true);
    expect(fs.existsSync(preMigrationBackupPath(path.join(dataDir, stateFileName), v + 1))).toBe(true);
    expect(files.some((f) => f.endsWith('.partial'))).toBe(false);
  });

  it('takes what is only in the old file’s -wal (a release that did not close cleanly)', () => {
    const dataDir = path.dirname(store.file());
    const legacy = path.join(dataDir, legacyStateFileName);
    const writer = openDatabase({ file: legacy, migrations: stateMigrations.slice(0, 4), logger: silentLogger });
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare("INSERT INTO connections VALUES ('c2', 'only in the wal', '{}', 't0', 't0')").run();
    // Copy the files as a crash would leave them (the -wal not yet checkpointed), then let go.
    const crashed = path.join(path.dirname(dataDir), 'crashed');
    fs.mkdirSync(crashed);
    for (const suffix of ['', '-wal', '-shm']) fs.copyFileSync(legacy + suffix, path.join(crashed, legacyStateFileName + suffix));
    writer.close();
    expect(fs.statSync(path.join(crashed, `${legacyStateFileName}-wal`)).size).toBeGreaterThan(0);

    const db = open(crashed);
    expect(db.prepare('SELECT name FROM connections').pluck().all()).toEqual(['only in the wal']);
    // The original keeps its -wal beside it: together they are still the old database.
    expect(fs.existsSync(path.join(crashed, `${legacyKeptName}-wal`))).toBe(true);
  });

  it('leaves the old file alone when state.sqlite already exists', () => {
    const dataDir = legacyFolder(4);
    closeDatabase(openDatabase({ file: path.join(dataDir, stateFileName), migrations: stateMigrations, logger: silentLogger }));
    expect(moveLegacyStateFile(dataDir, silentLogger)).toBe('none');
    const db = open(dataDir);
    expect(db.prepare('SELECT count(*) FROM connections').pluck().get()).toBe(0);
    expect(fs.existsSync(path.join(dataDir, legacyStateFileName))).toBe(true);
  });

  it('tries again after a crash that left only a partial copy', () => {
    const dataDir = legacyFolder(4);
    fs.writeFileSync(path.join(dataDir, `${stateFileName}.partial`), 'half a copy');
    const db = open(dataDir);
    expect(db.prepare('SELECT name FROM connections').pluck().all()).toEqual(['prod']);
    expect(fs.existsSync(path.join(dataDir, `${stateFileName}.partial`))).toBe(false);
  });

  it('moves a damaged old file as it is, so it is set aside with a message like any damaged state file', () => {
    const dataDir = path.dirname(store.file());
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, legacyStateFileName), Buffer.alloc(8192, 0x5a));
    const notices: CorruptionNotice[] = [];
    const db = open(dataDir, notices);
    expect(version(db)).toBe(stateMigrations.length);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toMatch(/damaged/);
    expect(path.basename(notices[0]?.backupPath ?? '')).toMatch(/^state\.sqlite\.corrupt-/);
    expect(fs.existsSync(path.join(dataDir, legacyStateFileName))).toBe(false);
  });

  it('does nothing in a new data folder', () => {
    const dataDir = path.dirname(store.file());
    expect(moveLegacyStateFile(dataDir, silentLogger)).toBe('none');
    open(dataDir);
    expect(fs.readdirSync(dataDir).filter((f) => !f.startsWith(stateFileName))).toEqual([]);
  });
});
