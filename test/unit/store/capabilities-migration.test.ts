import { describe, expect, it } from 'vitest';
import { BucketCapabilities } from '../../../src/main/core/access/capabilities';
import { ConnectionRepository } from '../../../src/main/core/connections/connection-repository';
import { ConnectionSettings } from '../../../src/main/core/connections/connection-settings';
import { silentLogger } from '../../../src/main/core/logger';
import { ShareSettings } from '../../../src/main/core/share/share-settings';
import { closeDatabase, openDatabase } from '../../../src/main/core/store/database';
import { stateMigrations } from '../../../src/main/core/store/migrations';
import { TransferSettings } from '../../../src/main/core/transfers/plan/transfer-settings';
import { defaultUploadSettings } from '../../../src/main/core/transfers/plan/upload-options';
import { useTempStore } from './temp-dir';

const store = useTempStore();
const live = '6f1c2c1e-8d4b-4a57-9a57-0d7f3f1c0a01';
const gone = '0b7e5a44-1d1c-4c3e-b1a2-9b9f4c7d2e02';
const customDefaults = { ...defaultUploadSettings, other: { acl: 'private' as const, cacheControl: 'no-store' } };

/** The `app_settings` rows a v4 release wrote, including some for a connection removed since. */
function v4WithSettings(file: string): void {
  const db = openDatabase({ file, migrations: stateMigrations.slice(0, 4), logger: silentLogger });
  db.prepare("INSERT INTO connections VALUES (?, 'prod', '{}', 't0', 't0')").run(live);
  const put = db.prepare('INSERT INTO app_settings VALUES (?, ?)');
  put.run('theme', '"dark"');
  put.run(`transfers.aclSupport:${live}:media`, '"disabled"');
  put.run(`transfers.aclSupport:${live}:media.backup`, '"supported"');
  put.run(`transfers.aclSupport:${live}:odd`, '"maybe"');
  put.run(`transfers.aclSupport:${gone}:media`, '"disabled"');
  put.run(`transfers.uploadDefaults:${live}`, JSON.stringify(customDefaults));
  put.run(`transfers.uploadDefaults:${gone}`, JSON.stringify(customDefaults));
  put.run(`share.lastExpirySeconds.download.${live}`, '86400');
  put.run(`share.lastExpirySeconds.upload.${live}`, '600');
  put.run(`share.lastExpirySeconds.download.${gone}`, '900');
  closeDatabase(db);
}

describe('bucket capabilities and connection settings move out of app_settings (v5, v6)', () => {
  it('keeps what each bucket said and each connection’s settings, drops rows of removed connections', () => {
    const file = store.file();
    v4WithSettings(file);
    const db = store.track(openDatabase({ file, migrations: stateMigrations, logger: silentLogger }));
    const capabilities = new BucketCapabilities(db);
    expect(capabilities.aclSupport(live, 'media')).toBe('disabled');
    expect(capabilities.aclSupport(live, 'media.backup')).toBe('supported');
    expect(capabilities.aclSupport(live, 'odd')).toBe('unknown');
    const settings = new ConnectionSettings(db);
    expect(new TransferSettings(settings).uploadDefaults(live)).toEqual(customDefaults);
    expect(new ShareSettings(settings).lastExpiry('download', live)).toBe(86_400);
    expect(new ShareSettings(settings).lastExpiry('upload', live)).toBe(600);
    // Only app-wide settings are left; nothing of the removed connection survives anywhere.
    expect(db.prepare('SELECT key FROM app_settings').pluck().all()).toEqual(['theme']);
    const mentions = db
      .prepare(
        'SELECT count(*) FROM (SELECT connection_id FROM bucket_capabilities UNION ALL SELECT connection_id FROM connection_settings) WHERE connection_id = ?',
      )
      .pluck()
      .get(gone);
    expect(mentions).toBe(0);
  });

  it('removes a connection’s settings and capabilities with it', () => {
    const file = store.file();
    v4WithSettings(file);
    const db = store.track(openDatabase({ file, migrations: stateMigrations, logger: silentLogger }));
    expect(new ConnectionRepository(db).remove(live)).toBe(true);
    expect(db.prepare('SELECT count(*) FROM bucket_capabilities').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM connection_settings').pluck().get()).toBe(0);
  });

  it('writes nothing for a connection that does not exist (removed while an upload ran)', () => {
    const db = store.track(openDatabase({ file: store.file(), migrations: stateMigrations, logger: silentLogger }));
    new BucketCapabilities(db).setAclSupport(gone, 'media', 'disabled');
    new ConnectionSettings(db).set(gone, 'transfers.uploadDefaults', customDefaults);
    expect(db.prepare('SELECT (SELECT count(*) FROM bucket_capabilities) + (SELECT count(*) FROM connection_settings)').pluck().get()).toBe(
      0,
    );
  });
});
