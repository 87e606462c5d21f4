import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/core/logger';
import { LinkLedger, ledgerWhere, likePattern, type LedgerRecord } from '../../../src/main/core/share/link-ledger';
import { ConnectionSettings } from '../../../src/main/core/connections/connection-settings';
import { ShareSettings } from '../../../src/main/core/share/share-settings';
import { openDatabase } from '../../../src/main/core/store/database';
import { stateMigrations as migrations } from '../../../src/main/core/store/migrations';
import { useTempStore } from '../store/temp-dir';

const store = useTempStore();
const openStore = () => store.track(openDatabase({ file: store.file(), migrations, logger: silentLogger }));

function record(overrides: Partial<LedgerRecord>): LedgerRecord {
  return {
    createdAt: '2026-03-01T10:00:00.000Z',
    connectionId: 'conn-aaaaaaaa',
    connectionName: 'Prod',
    bucket: 'media',
    key: 'private/a.pdf',
    target: 'object',
    kind: 'get',
    expiresAt: '2026-03-01T11:00:00.000Z',
    osUser: 'support',
    note: null,
    options: { seconds: 3600 },
    resource: 'https://s3/media/private/a.pdf',
    ...overrides,
  };
}

describe('link ledger', () => {
  it('records, pages newest first, and judges alive/expired at a given moment', () => {
    const ledger = new LinkLedger(openStore());
    const ids = ledger.record([
      record({ key: 'private/old.pdf', createdAt: '2026-03-01T09:00:00.000Z', expiresAt: '2026-03-01T09:15:00.000Z' }),
      record({ key: 'private/new.pdf', createdAt: '2026-03-01T10:00:00.000Z', note: 'ZD-4711' }),
      record({ key: 'public/p.jpg', kind: 'public', expiresAt: null, createdAt: '2026-03-01T10:30:00.000Z' }),
      record({
        key: 'private/inbox/t1/',
        target: 'prefix',
        kind: 'post',
        connectionId: 'conn-bbbbbbbb',
        createdAt: '2026-03-01T10:45:00.000Z',
      }),
    ]);
    expect(ids).toHaveLength(4);
    const at = new Date('2026-03-01T10:20:00.000Z');
    const all = ledger.page({ state: 'any' }, at, 0, 10);
    expect(all.total).toBe(4);
    expect(all.entries.map((e) => e.key)).toEqual(['private/inbox/t1/', 'public/p.jpg', 'private/new.pdf', 'private/old.pdf']);
    expect(all.entries.map((e) => e.alive)).toEqual([true, true, true, false]);
    expect(all.entries[2]).toMatchObject({ note: 'ZD-4711', options: { seconds: 3600 }, target: 'object', osUser: 'support' });

    expect(ledger.page({ state: 'expired' }, at, 0, 10).entries.map((e) => e.key)).toEqual(['private/old.pdf']);
    expect(ledger.page({ state: 'alive' }, at, 0, 10).total).toBe(3);
    expect(ledger.page({ state: 'any', search: 'zd-47' }, at, 0, 10).entries.map((e) => e.key)).toEqual(['private/new.pdf']);
    expect(ledger.page({ state: 'any', search: 'INBOX' }, at, 0, 10).total).toBe(1);
    expect(ledger.page({ state: 'any', kinds: ['public', 'post'] }, at, 0, 10).total).toBe(2);
    expect(ledger.page({ state: 'any', connectionId: 'conn-bbbbbbbb' }, at, 0, 10).total).toBe(1);
    expect(ledger.page({ state: 'any', bucket: 'other' }, at, 0, 10).total).toBe(0);
    const second = ledger.page({ state: 'any' }, at, 2, 2);
    expect(second).toMatchObject({ total: 4 });
    expect(second.entries.map((e) => e.key)).toEqual(['private/new.pdf', 'private/old.pdf']);
  });

  it('searches wildcards literally', () => {
    const ledger = new LinkLedger(openStore());
    ledger.record([record({ key: 'private/50%_off.pdf' }), record({ key: 'private/50 xoff.pdf' })]);
    expect(likePattern('50%_')).toBe('%50\\%\\_%');
    expect(ledger.page({ state: 'any', search: '50%_' }, new Date(), 0, 10).entries.map((e) => e.key)).toEqual(['private/50%_off.pdf']);
    expect(ledgerWhere({ state: 'any' }, 'x')).toEqual({ sql: '', params: [] });
  });
});

describe('share settings', () => {
  it('remembers the last expiry per connection and per use, and ignores foreign values', () => {
    const db = openStore();
    for (const id of ['conn-a', 'conn-b']) db.prepare("INSERT INTO connections VALUES (?, ?, '{}', 't0', 't0')").run(id, id);
    const settings = new ShareSettings(new ConnectionSettings(db));
    expect(settings.lastExpiry('download', 'conn-a')).toBeNull();
    settings.setLastExpiry('download', 'conn-a', 900);
    settings.setLastExpiry('download', 'conn-a', 86_400);
    settings.setLastExpiry('upload', 'conn-a', 600);
    expect(settings.lastExpiry('download', 'conn-a')).toBe(86_400);
    expect(settings.lastExpiry('upload', 'conn-a')).toBe(600);
    expect(settings.lastExpiry('download', 'conn-b')).toBeNull();
    db.prepare("UPDATE connection_settings SET value_json = ? WHERE connection_id = 'conn-a' AND key LIKE ?").run('"soon"', '%download');
    expect(settings.lastExpiry('download', 'conn-a')).toBeNull();
  });
});
