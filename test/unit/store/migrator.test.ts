import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../src/shared/errors';
import { silentLogger } from '../../../src/main/core/logger';
import { closeDatabase, openDatabase } from '../../../src/main/core/store/database';
import { stateMigrations as migrations } from '../../../src/main/core/store/migrations';
import { preMigrationBackupPath } from '../../../src/main/core/store/migrator';
import type { Migration } from '../../../src/main/core/store/migrator';
import { thrown, useTempStore } from './temp-dir';

const store = useTempStore();
const latest = migrations.length;
const openWith = (file: string, list: readonly Migration[]) => store.track(openDatabase({ file, migrations: list, logger: silentLogger }));
const version = (db: Database) => db.prepare('SELECT coalesce(max(version), 0) FROM schema_migrations').pluck().get();
const schemaOf = (db: Database) =>
  db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();

/**
 * Rows to write into a database that has reached `version`, so upgrades are tested on real data.
 * Add an entry with each new migration that creates a table worth keeping.
 */
const seeds: Record<number, (db: Database) => void> = {
  1: (db) => {
    db.prepare("INSERT INTO connections VALUES ('c1', 'prod', '{\"bucket\":\"media\"}', 't0', 't0')").run();
    db.prepare("INSERT INTO secrets VALUES ('c1', x'01020304', 't0')").run();
    db.prepare("INSERT INTO app_settings VALUES ('theme', '\"dark\"')").run();
  },
  3: (db) => {
    db.prepare("INSERT INTO transfer_batches VALUES ('b1', 'upload', 'c1', 'media', 'public/', 'Shoot', 't0')").run();
    db.prepare(
      `INSERT INTO transfers (id, batch_id, seq, direction, connection_id, bucket, object_key, local_path, name, size, state, options_json, upload_id, part_size, created_at, updated_at)
      VALUES ('t1', 'b1', 0, 'upload', 'c1', 'media', 'public/a.mov', '/a.mov', 'a.mov', 9, 'queued', '{}', 'u1', 5, 't0', 't0')`,
    ).run();
  },
};

/** A step after the real ones, to exercise upgrades before a second real migration exists. */
const nextStep: Migration = { version: latest + 1, name: 'test-extra', sql: 'CREATE TABLE extra (id INTEGER PRIMARY KEY)' };

describe('migrate (through openDatabase)', () => {
  // k = 0 is a file with schema_migrations but no steps; every k < latest must upgrade cleanly.
  it.each(Array.from({ length: latest }, (_, k) => k))('upgrades a database at version %i to the latest', (k) => {
    const file = store.file();
    const old = openWith(file, migrations.slice(0, k));
    expect(version(old)).toBe(k);
    for (let v = 1; v <= k; v += 1) seeds[v]?.(old);
    closeDatabase(old);

    const db = openWith(file, migrations);
    expect(version(db)).toBe(latest);
    expect(schemaOf(db)).toEqual(schemaOf(openWith(store.file(), migrations)));
    if (k >= 1) {
      expect(db.prepare("SELECT name FROM connections WHERE id = 'c1'").pluck().get()).toBe('prod');
      expect(fs.existsSync(preMigrationBackupPath(file, k + 1))).toBe(true);
    }
    // An upload interrupted before v4 keeps its upload id (resume still finds its parts).
    if (k >= 3) expect(db.prepare("SELECT upload_id FROM transfers WHERE id = 't1'").pluck().get()).toBe('u1');
  });

  it('backs up a database with data before upgrading it, holding the old version and rows', () => {
    const file = store.file();
    const db = openWith(file, migrations);
    seeds[1]?.(db);
    closeDatabase(db);

    const upgraded = openWith(file, [...migrations, nextStep]);
    expect(version(upgraded)).toBe(latest + 1);
    const backupPath = preMigrationBackupPath(file, latest + 1);
    expect(path.basename(backupPath)).toBe(`bucket-admin.sqlite.pre-v${latest + 1}.bak`);
    const backup = store.track(new BetterSqlite3(backupPath, { readonly: true }));
    expect(version(backup)).toBe(latest);
    expect(backup.prepare('SELECT count(*) FROM secrets').pluck().get()).toBe(1);
    expect(backup.pragma('quick_check', { simple: true })).toBe('ok');
    expect(fs.existsSync(`${backupPath}.partial`)).toBe(false);
  });

  it('makes no backup for a new database', () => {
    const file = store.file();
    openWith(file, [...migrations, nextStep]);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('refuses a database whose applied migration was edited, without changing it', () => {
    const file = store.file();
    closeDatabase(openWith(file, migrations));
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- tweak` } : m));
    const error = thrown(() => openWith(file, [...edited, nextStep])) as AppError;
    expect(error.code).toBe('Internal');
    expect(error.message).toMatch(/Database migration 1 .* differs from the one already applied/);
    expect(error.details).toMatchObject({ version: 1 });
    expect(version(openWith(file, migrations))).toBe(latest);
  });

  it('refuses a database written by a newer Bucket Admin, without changing it', () => {
    const file = store.file();
    closeDatabase(openWith(file, [...migrations, nextStep]));
    const error = thrown(() => openWith(file, migrations)) as AppError;
    expect(error.code).toBe('Conflict');
    expect(error.message).toMatch(/this database was written by a newer Bucket Admin/i);
    expect(error.details).toEqual({ databaseVersion: latest + 1, appVersion: latest });
    expect(version(openWith(file, [...migrations, nextStep]))).toBe(latest + 1);
  });

  it('rolls back a failing step entirely and leaves the version where it was', () => {
    const file = store.file();
    closeDatabase(openWith(file, migrations));
    const broken: Migration = { version: latest + 1, name: 'broken', sql: 'CREATE TABLE half (id INTEGER); SELECT * FROM nope;' };
    const error = thrown(() => openWith(file, [...migrations, broken])) as AppError;
    expect(error.code).toBe('Internal');
    expect(error.message).toContain('rolled back');
    const db = openWith(file, migrations);
    expect(version(db)).toBe(latest);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").pluck().get()).toBe(0);
  });

  it('refuses a step that leaves dangling foreign keys', () => {
    const file = store.file();
    closeDatabase(openWith(file, migrations));
    const dangling: Migration = {
      version: latest + 1,
      name: 'dangling',
      sql: "INSERT INTO secrets VALUES ('ghost', x'00', 't');",
    };
    const error = thrown(() => openWith(file, [...migrations, dangling])) as AppError;
    expect(error.code).toBe('Internal');
    expect(error.message).toContain('foreign key violation');
    const db = openWith(file, migrations);
    expect(version(db)).toBe(latest);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('lets a step rebuild a parent table without cascading deletes, and turns foreign keys back on', () => {
    const file = store.file();
    const db = openWith(file, migrations);
    seeds[1]?.(db);
    closeDatabase(db);
    const rebuild: Migration = {
      version: latest + 1,
      name: 'rebuild-connections',
      sql: `CREATE TABLE connections_new (id TEXT PRIMARY KEY, name TEXT NOT NULL, settings_json TEXT NOT NULL,
              created_at TEXT NOT NULL, updated_at TEXT NOT NULL, notes TEXT);
            INSERT INTO connections_new (id, name, settings_json, created_at, updated_at)
              SELECT id, name, settings_json, created_at, updated_at FROM connections;
            DROP TABLE connections;
            ALTER TABLE connections_new RENAME TO connections;`,
    };
    const rebuilt = openWith(file, [...migrations, rebuild]);
    expect(rebuilt.prepare('SELECT count(*) FROM secrets').pluck().get()).toBe(1);
    expect(rebuilt.pragma('foreign_keys', { simple: true })).toBe(1);
    rebuilt.prepare("DELETE FROM connections WHERE id = 'c1'").run();
    expect(rebuilt.prepare('SELECT count(*) FROM secrets').pluck().get()).toBe(0);
  });
});
