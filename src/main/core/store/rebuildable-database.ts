import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError, isAppError } from '../../../shared/errors';
import type { Logger } from '../logger';
import { openIfHealthy } from './database';
import { migrate, type Migration } from './migrator';

/** Options for `openRebuildableDatabase`; `now` exists so tests can pin the set-aside name. */
export interface OpenRebuildableOptions {
  file: string;
  migrations: readonly Migration[];
  logger: Logger;
  /** Runs before any schema step on the file (see `MigrateOptions.beforeSteps`). */
  beforeMigrating?: (db: Database) => void;
  now?: () => Date;
}

/** Set when the file could not be used and was replaced by an empty one. */
export interface SetAsideNotice {
  /** Where the old file went (renamed, not copied). */
  setAsidePath: string;
  /** Why, in words that fit after "because". */
  reason: string;
}

const sidecars = ['-wal', '-shm'] as const;

/** `<file>.set-aside-<timestamp>`, with a timestamp that is a valid file name on every OS. */
export function setAsidePathOf(file: string, at: Date): string {
  return `${file}.set-aside-${at.toISOString().replace(/[:.]/g, '-')}`;
}

/**
 * Opens a file whose contents can be rebuilt from elsewhere (the object index, from S3). It is
 * never copied: no pre-migration backup, and a file that cannot be used (damaged, written by a
 * newer app, edited history, a failing step) is renamed aside and an empty one is started, with
 * a notice for the user. Only the latest set-aside copy is kept. Errors that are not about the
 * file's contents (no permission, locked, a step that found the disk full) are thrown as they are, and nothing is moved.
 */
export function openRebuildableDatabase(options: OpenRebuildableOptions): { db: Database; setAside: SetAsideNotice | null } {
  const { file, migrations, logger } = options;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const migrateOptions = { backup: false, ...(options.beforeMigrating ? { beforeSteps: options.beforeMigrating } : {}) };
  const first = openIfHealthy(file, logger);
  let reason: string;
  if ('db' in first) {
    try {
      migrate(first.db, migrations, logger, migrateOptions);
      return { db: first.db, setAside: null };
    } catch (error) {
      first.db.close();
      // A full or failing disk is not the file's fault: it is kept, and the step runs again at the next start.
      if (!isAppError(error) || error.details?.storage !== undefined) throw error;
      reason = unusableReason(error);
    }
  } else {
    reason = `it is damaged (${first.damaged})`;
  }
  const setAsidePath = setAside(file, (options.now ?? (() => new Date()))());
  logger.warn('Rebuildable database could not be used; set aside and started empty', { file, setAsidePath, reason });
  const fresh = openIfHealthy(file, logger);
  if (!('db' in fresh)) {
    throw new AppError(
      'StorageCorrupt',
      `Bucket Admin could not create a fresh file at ${file} (${fresh.damaged}). Check the disk and the data folder, then restart.`,
      { file },
    );
  }
  try {
    migrate(fresh.db, migrations, logger, migrateOptions);
  } catch (error) {
    fresh.db.close();
    throw error;
  }
  return { db: fresh.db, setAside: { setAsidePath, reason } };
}

/** Why a healthy file could not be migrated, for the notice. */
function unusableReason(error: AppError): string {
  const { databaseVersion, appVersion } = error.details ?? {};
  if (error.code === 'Conflict' && typeof databaseVersion === 'number') {
    return `it was written by a newer Bucket Admin (schema version ${databaseVersion}; this one knows up to ${String(appVersion)})`;
  }
  return `its schema could not be updated (${error.message})`;
}

/**
 * Renames the closed file (and any -wal/-shm, first, so a crash never leaves a -wal beside a new
 * file) to a fresh set-aside name, after deleting older set-aside copies of the same file.
 */
function setAside(file: string, at: Date): string {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.set-aside-`;
  const target = setAsidePathOf(file, at);
  try {
    for (const old of fs.readdirSync(dir)) if (old.startsWith(prefix)) fs.rmSync(path.join(dir, old), { force: true });
    for (const suffix of sidecars) if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
    fs.renameSync(file, target);
  } catch (error) {
    throw new AppError(
      'Internal',
      `Bucket Admin could not move ${file} aside (${(error as Error).message}). Quit Bucket Admin, delete that file (it is rebuilt from S3), then restart.`,
      { file, target },
    );
  }
  return target;
}
