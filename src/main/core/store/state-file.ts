import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../logger';
import { openDatabase, type CorruptionNotice } from './database';
import { stateMigrations } from './migrations';

/** What cannot be rebuilt: connections, secrets, settings, capabilities, transfer journal, link ledger. */
export const stateFileName = 'state.sqlite';

/** The one file of releases before the split (schema v1–v4): moved to state.sqlite on first open. */
export const legacyStateFileName = 'bucket-admin.sqlite';

/** Where the untouched original goes once state.sqlite holds a complete copy of it. */
export const legacyKeptName = `${legacyStateFileName}.pre-state.bak`;

const sidecars = ['-wal', '-shm'] as const;

/**
 * Opens `<dataDir>/state.sqlite` (moving an older release's file there first), migrated to the
 * latest schema, backed up before each upgrade. A damaged file is moved aside and replaced; the
 * user is told through `onRecovered`.
 */
export function openStateDatabase(options: { dataDir: string; logger: Logger; onRecovered: (notice: CorruptionNotice) => void }): Database {
  const { dataDir, logger } = options;
  moveLegacyStateFile(dataDir, logger);
  return openDatabase({
    file: path.join(dataDir, stateFileName),
    migrations: stateMigrations,
    logger,
    onCorrupt: 'backup-and-recreate',
    onRecovered: options.onRecovered,
  });
}

/**
 * Moves `bucket-admin.sqlite` to `state.sqlite`, only when there is no state.sqlite yet. A healthy
 * file is copied (VACUUM INTO: one consistent, self-contained file, its -wal included) beside the
 * target and renamed onto it, so state.sqlite appears complete or not at all; then the original
 * is renamed to `bucket-admin.sqlite.pre-state.bak` and kept. A crash at any point leaves either
 * the original in place (the next start tries again) or a complete state.sqlite. A damaged file
 * is renamed as it is, so opening it sets it aside and says so, as for any damaged state file.
 * Returns what happened, for tests and the log.
 */
export function moveLegacyStateFile(dataDir: string, logger: Logger): 'none' | 'moved' | 'moved-damaged' {
  const legacy = path.join(dataDir, legacyStateFileName);
  const target = path.join(dataDir, stateFileName);
  if (!fs.existsSync(legacy)) return 'none';
  if (fs.existsSync(target)) {
    // Both exist after an older release ran on this folder again; the newer file wins, the other is kept.
    logger.warn('An older database file is beside state.sqlite and was left alone', { legacy, target });
    return 'none';
  }
  const copied = copyIfHealthy(legacy, `${target}.partial`);
  if (copied === 'damaged') {
    for (const suffix of sidecars) if (fs.existsSync(legacy + suffix)) fs.renameSync(legacy + suffix, target + suffix);
    fs.renameSync(legacy, target);
    logger.warn('The older database file is damaged; moved to state.sqlite to be set aside there', { legacy });
    return 'moved-damaged';
  }
  fs.renameSync(`${target}.partial`, target);
  // The original keeps its -wal/-shm, if it had them: they go with it.
  for (const suffix of ['', ...sidecars])
    if (fs.existsSync(legacy + suffix)) fs.renameSync(legacy + suffix, path.join(dataDir, legacyKeptName) + suffix);
  logger.info('Moved the database to state.sqlite', { from: legacy, kept: legacyKeptName });
  return 'moved';
}

/** Copies `source` to `partial` (fsynced) unless it is damaged; other failures throw and move nothing. */
function copyIfHealthy(source: string, partial: string): 'copied' | 'damaged' {
  fs.rmSync(partial, { force: true });
  let db: Database | undefined;
  try {
    // Read-only: the original is never changed (a read-only close does not checkpoint its -wal).
    db = new BetterSqlite3(source, { fileMustExist: true, readonly: true });
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return 'damaged';
    db.prepare('VACUUM INTO ?').run(partial);
    const fd = fs.openSync(partial, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return 'copied';
  } catch (error) {
    fs.rmSync(partial, { force: true });
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT'))) return 'damaged';
    throw new AppError(
      'Internal',
      `Bucket Admin could not move its database ${source} to ${stateFileName} (${(error as Error).message}). Nothing was changed. Check that the data folder is writable and that no other copy of Bucket Admin is using it, then restart.`,
      { file: source },
    );
  } finally {
    db?.close();
  }
}
