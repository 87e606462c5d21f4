import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../src/shared/errors';
import { corruptBackupPath } from '../../../src/main/core/store/database';
import { stateMigrations as migrations } from '../../../src/main/core/store/migrations';
import { planMigrations, preMigrationBackupPath, sha256, validateMigrations } from '../../../src/main/core/store/migrator';
import type { Migration } from '../../../src/main/core/store/migrator';
import { thrown } from './temp-dir';

const one: Migration = { version: 1, name: 'one', sql: 'CREATE TABLE a (x)' };
const two: Migration = { version: 2, name: 'two', sql: 'CREATE TABLE b (x)' };
const list = [one, two];
const row = (m: Migration) => ({ version: m.version, name: m.name, sha256: sha256(m.sql) });

describe('migration planning', () => {
  it('the shipped list is well formed', () => {
    expect(() => validateMigrations(migrations)).not.toThrow();
  });

  it('rejects lists that are not numbered 1..N or lack a name or SQL', () => {
    for (const bad of [[{ ...two }], [one, { ...two, version: 3 }], [{ ...one, sql: ' ' }]]) {
      expect((thrown(() => validateMigrations(bad)) as AppError).code).toBe('Internal');
    }
  });

  it('plans the steps after the last applied one', () => {
    expect(planMigrations([], list)).toEqual({ current: 0, pending: list });
    expect(planMigrations([row(one)], list)).toEqual({ current: 1, pending: [two] });
    expect(planMigrations(list.map(row), list)).toEqual({ current: 2, pending: [] });
  });

  it('refuses a newer database, an edited step and a gap in history', () => {
    expect((thrown(() => planMigrations(list.map(row), [one])) as AppError).code).toBe('Conflict');
    expect((thrown(() => planMigrations([{ ...row(one), sha256: 'x' }], list)) as AppError).code).toBe('Internal');
    expect((thrown(() => planMigrations([row(two)], list)) as AppError).message).toMatch(/gap at version 1/);
  });

  it('hashes SQL exactly, so whitespace edits count', () => {
    expect(sha256('a')).toBe('ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb');
    expect(sha256('a ')).not.toBe(sha256('a'));
  });

  it('names backups next to the file, with file-name-safe timestamps', () => {
    expect(preMigrationBackupPath('/d/app.sqlite', 3)).toBe('/d/app.sqlite.pre-v3.bak');
    expect(corruptBackupPath('/d/app.sqlite', new Date('2025-02-03T04:05:06.789Z'))).toBe('/d/app.sqlite.corrupt-2025-02-03T04-05-06-789Z');
  });
});
