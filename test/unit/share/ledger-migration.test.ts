import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/core/logger';
import { LinkLedger } from '../../../src/main/core/share/link-ledger';
import { closeDatabase, openDatabase } from '../../../src/main/core/store/database';
import { stateMigrations as migrations } from '../../../src/main/core/store/migrations';
import { preMigrationBackupPath } from '../../../src/main/core/store/migrator';
import { useTempStore } from '../store/temp-dir';

const store = useTempStore();
const shareStep = migrations.findIndex((m) => m.name === 'share-links') + 1;

describe('the share-links migration (v2)', () => {
  it('is version 2', () => {
    expect(shareStep).toBe(2);
  });

  it('upgrades a v1 database with connections, keeping them, and starts an empty ledger', () => {
    const file = store.file();
    const v1 = openDatabase({ file, migrations: migrations.slice(0, 1), logger: silentLogger });
    v1.prepare("INSERT INTO connections VALUES ('c1', 'prod', '{}', 't0', 't0')").run();
    closeDatabase(v1);
    const db = store.track(openDatabase({ file, migrations, logger: silentLogger }));
    expect(db.prepare('SELECT name FROM connections').pluck().get()).toBe('prod');
    expect(new LinkLedger(db).page({ state: 'any' }, new Date(), 0, 10)).toEqual({ entries: [], total: 0 });
    expect(fs.existsSync(preMigrationBackupPath(file, 2))).toBe(true);
  });

  it('keeps ledger rows through every later migration (the ledger cannot be rebuilt)', () => {
    const file = store.file();
    const v2 = openDatabase({ file, migrations: migrations.slice(0, shareStep), logger: silentLogger });
    new LinkLedger(v2).record([
      {
        createdAt: '2026-03-01T10:00:00.000Z',
        connectionId: 'c1',
        connectionName: 'prod',
        bucket: 'media',
        key: 'private/a.pdf',
        target: 'object',
        kind: 'get',
        expiresAt: '2026-03-01T11:00:00.000Z',
        osUser: 'support',
        note: 'ZD-1',
        options: { seconds: 3600 },
        resource: 'https://s3/media/private/a.pdf',
      },
    ]);
    closeDatabase(v2);
    const db = store.track(openDatabase({ file, migrations, logger: silentLogger }));
    const { entries } = new LinkLedger(db).page({ state: 'any' }, new Date('2026-03-01T10:30:00.000Z'), 0, 10);
    expect(entries).toMatchObject([{ key: 'private/a.pdf', note: 'ZD-1', alive: true, options: { seconds: 3600 } }]);
  });

  it('refuses rows of an unknown kind or target at the database itself', () => {
    const db = store.track(openDatabase({ file: store.file(), migrations, logger: silentLogger }));
    const insert = db.prepare(
      "INSERT INTO share_links (created_at, connection_id, connection_name, bucket, object_key, target, kind, os_user, options_json, resource) VALUES ('t', 'c', 'n', 'b', 'k', ?, ?, 'u', '{}', 'r')",
    );
    expect(() => insert.run('object', 'delete')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run('bucket', 'get')).toThrow(/CHECK constraint failed/);
  });
});
