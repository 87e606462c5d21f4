import { describe, expect, it } from 'vitest';
import { BucketCapabilities } from '../../../../src/main/core/access/capabilities';
import { FixUndoStore } from '../../../../src/main/core/access/health/fix-undo-store';
import { silentLogger } from '../../../../src/main/core/logger';
import { openDatabase } from '../../../../src/main/core/store/database';
import { stateMigrations } from '../../../../src/main/core/store/migrations';
import type { BucketCapabilityReport } from '../../../../src/shared/model/bucket-health';
import { useTempStore } from '../../store/temp-dir';

const store = useTempStore();
const id = '6f1c2c1e-8d4b-4a57-9a57-0d7f3f1c0a01';

function openWithConnection() {
  const db = store.track(openDatabase({ file: store.file(), migrations: stateMigrations, logger: silentLogger }));
  db.prepare("INSERT INTO connections VALUES (?, 'prod', '{}', 't0', 't0')").run(id);
  return db;
}

describe('the health fixes’ undo records (state.sqlite v8)', () => {
  it('keeps the document from before the first fix when the same fix is applied again', () => {
    const undo = new FixUndoStore(openWithConnection());
    undo.remember(id, 'media', 'abortIncompleteUploads', null, '[{"ID":"a","days":7}]', 't1');
    undo.remember(id, 'media', 'abortIncompleteUploads', 'ignored', '[{"ID":"a","days":2}]', 't2');
    expect(undo.record(id, 'media', 'abortIncompleteUploads')).toEqual({
      previous: null,
      applied: '[{"ID":"a","days":2}]',
      appliedAt: 't2',
    });
    expect(undo.entries(id, 'media')).toEqual([{ kind: 'abortIncompleteUploads', previous: null, appliedAt: 't2' }]);
    undo.forget(id, 'media', 'abortIncompleteUploads');
    expect(undo.entries(id, 'media')).toEqual([]);
  });

  it('goes with its connection, like the kept probe report', () => {
    const db = openWithConnection();
    const undo = new FixUndoStore(db);
    const capabilities = new BucketCapabilities(db);
    undo.remember(id, 'media', 'publicReadPolicy', '{"Statement":[]}', '{}', 't1');
    const report = {
      checkedAt: 't1',
      objectOwnership: { status: 'ok', value: 'BucketOwnerEnforced' },
    } as unknown as BucketCapabilityReport;
    capabilities.setReport(id, 'media', report);
    expect(capabilities.report(id, 'media')).toEqual(report);
    // Object Ownership said ACLs are off: uploads and copies learn it too.
    expect(capabilities.aclSupport(id, 'media')).toBe('disabled');
    db.prepare('DELETE FROM connections WHERE id = ?').run(id);
    expect(undo.entries(id, 'media')).toEqual([]);
    expect(capabilities.report(id, 'media')).toBeNull();
    // A removed connection gets no new rows.
    undo.remember(id, 'media', 'uploadCors', null, '[]', 't2');
    expect(undo.entries(id, 'media')).toEqual([]);
  });
});
