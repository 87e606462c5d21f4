import { describe, expect, it } from 'vitest';
import { ConnectionRepository } from '../../../src/main/core/connections/connection-repository';
import type { ConnectionRecord } from '../../../src/main/core/connections/connection-record';
import { silentLogger } from '../../../src/main/core/logger';
import { openDatabase } from '../../../src/main/core/store/database';
import { stateMigrations as migrations } from '../../../src/main/core/store/migrations';
import { useTempStore } from '../store/temp-dir';

const store = useTempStore();

const record: ConnectionRecord = {
  id: 'conn-12345678',
  name: 'Media',
  credentials: { kind: 'profile', profile: 'media' },
  region: 'eu-west-1',
  forcePathStyle: true,
  checksumCompatibility: true,
  transferEngine: 'sdk',
  roots: { public: 'public/', private: 'private/' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('connection rows and the transfer engine setting', () => {
  it('keeps the engine a connection was saved with', () => {
    const repo = new ConnectionRepository(store.track(openDatabase({ file: store.file(), migrations, logger: silentLogger })));
    repo.save(record, null);
    expect(repo.get(record.id)?.transferEngine).toBe('sdk');
  });

  it('reads a connection saved before the setting existed as the fast engine', () => {
    const db = store.track(openDatabase({ file: store.file(), migrations, logger: silentLogger }));
    const { id, name, createdAt, updatedAt, ...settings } = record;
    const older: Partial<typeof settings> = { ...settings };
    delete older.transferEngine;
    db.prepare('INSERT INTO connections (id, name, settings_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
      id,
      name,
      JSON.stringify(older),
      createdAt,
      updatedAt,
    );
    expect(new ConnectionRepository(db).list()).toEqual([{ ...record, transferEngine: 'fast' }]);
  });
});
