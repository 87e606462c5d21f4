import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { AppError, isAppError } from '../../../shared/errors';
import type { Logger } from '../logger';
import { migrate } from './migrator';
import type { Migration } from './migrator';

/** How `openDatabase` treats a damaged file: refuse (default) or move it aside and start fresh. */
export type OnCorrupt = 'throw' | 'backup-and-recreate';

/** Options for `openDatabase`; `now` exists so tests can pin the backup name. */
export interface OpenDatabaseOptions {
  file: string;
  migrations: readonly Migration[];
  logger: Logger;
  onCorrupt?: OnCorrupt;
  /** Called (before returning) when backup-and-recreate replaced a damaged file; the UI should show `message`. */
  onRecovered?: (notice: CorruptionNotice) => void;
  now?: () => Date;
}

/** Set when a damaged database was moved aside and replaced: the UI must tell the user. */
export interface CorruptionNotice {
  backupPath: string;
  reason: string;
  message: string;
}

/** Raised inside this module only: the file is not a usable SQLite database. */
class CorruptDatabase extends Error {
  /** Where the damaged files were copied, once they have been. */
  backupPath: string | null = null;
}

const sidecars = ['', '-wal', '-shm'] as const;

/** `<file>.corrupt-<timestamp>`, with a timestamp that is a valid file name on every OS. */
export function corruptBackupPath(file: string, at: Date): string {
  return `${file}.corrupt-${at.toISOString().replace(/[:.]/g, '-')}`;
}

/**
 * Opens (creating the folder), checks with quick_check, sets the connection pragmas and migrates.
 * A damaged file is moved to `<file>.corrupt-<timestamp>` (with its -wal/-shm); then either
 * StorageCorrupt is thrown or, with `onCorrupt: 'backup-and-recreate'`, a fresh database is returned
 * (logged as a warning and reported through `onRecovered`).
 */
export function openDatabase(options: OpenDatabaseOptions): Database {
  const { file, logger } = options;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Database;
  let recovered: CorruptionNotice | null = null;
  try {
    db = openChecked(file, logger, () => corruptBackupPath(file, (options.now ?? (() => new Date()))()), 'always');
  } catch (error) {
    if (!(error instanceof CorruptDatabase) || error.backupPath === null) throw error;
    const backupPath = error.backupPath;
    removeOriginals(file, backupPath);
    if (options.onCorrupt !== 'backup-and-recreate') {
      throw new AppError(
        'StorageCorrupt',
        `Bucket Admin's database at ${file} is damaged (${error.message}). It was moved to ${backupPath}, so nothing was deleted. Restart Bucket Admin to begin with a fresh database (saved connections will need to be added again), or replace the file with a recent backup (*.pre-v*.bak in the same folder).`,
        { backupPath, file, reason: error.message },
      );
    }
    const message = `Bucket Admin's database was damaged (${error.message}) and has been replaced with a fresh one; saved connections and settings need to be added again. The damaged file was kept at ${backupPath}.`;
    logger.warn('Database was corrupt; moved aside and recreated', { file, backupPath, reason: error.message });
    db = openFresh(file, logger);
    recovered = { backupPath, reason: error.message, message };
  }
  try {
    migrate(db, options.migrations, logger);
  } catch (error) {
    db.close();
    throw error;
  }
  // After migrating, so the notice is only given for a database the app can actually use.
  if (recovered !== null) options.onRecovered?.(recovered);
  return db;
}

/** Lets SQLite record query statistics (PRAGMA optimize), then closes; safe to call twice. */
export function closeDatabase(db: Database): void {
  if (!db.open) return;
  try {
    // optimize writes statistics: a read-only handle (e.g. on a backup) has nothing to keep.
    if (!db.readonly) db.pragma('optimize');
  } finally {
    db.close();
  }
}

/**
 * Opens and checks one connection with no recovery and no copy: `{ damaged }` when the file is not
 * a usable database. For rebuildable files (`rebuildable-database.ts`), which are set aside instead.
 * Other failures (locked, no permission) throw as in `openDatabase`.
 */
export function openIfHealthy(file: string, logger: Logger): { db: Database } | { damaged: string } {
  try {
    return { db: openChecked(file, logger, null, 'after-unclean-close') };
  } catch (error) {
    if (error instanceof CorruptDatabase) return { damaged: error.message };
    throw error;
  }
}

/** The recreate step: a brand-new file failing its check means the disk, not the data, is at fault. */
function openFresh(file: string, logger: Logger): Database {
  try {
    return openChecked(file, logger, null, 'always');
  } catch (error) {
    if (!(error instanceof CorruptDatabase)) throw error;
    throw new AppError(
      'StorageCorrupt',
      `Bucket Admin could not create a fresh database at ${file} (${error.message}). Check the disk and the data folder, then restart.`,
      { file },
    );
  }
}

/**
 * When a file's contents are checked at open: `always` (quick_check, for state.sqlite, whose loss
 * costs the user), or `after-unclean-close`, for a rebuildable file: quick_check only when the file
 * was not closed by `closeCleanly` (a crash, a power cut, a file from before the mark), else a read
 * of its schema. quick_check reads every page: 4.1 s for a 600,000-object index, which search,
 * reports and offline browsing would wait for at every start. Damage it would have found is
 * met at use instead (SQLITE_CORRUPT), which marks the file so the next start checks it
 * (`markUnclean`) and sets it aside.
 */
type ContentCheck = 'always' | 'after-unclean-close';

/**
 * `PRAGMA user_version` of a file opened with `after-unclean-close` (the migrator keeps versions
 * in a table, so this header field is free): `open` while a connection may write, `closed` once
 * `closeCleanly` ran; 0 (never marked) counts as not closed cleanly.
 */
const cleanMark = { open: 1, closed: 2 } as const;

/**
 * Opens one connection and verifies it; throws CorruptDatabase only for genuine damage, after
 * copying the damaged files to `backupName()` (when given) while the connection is still open.
 */
function openChecked(file: string, logger: Logger, backupName: (() => string) | null, check: ContentCheck): Database {
  let db: Database;
  try {
    db = new BetterSqlite3(file);
  } catch (error) {
    throw preserveIfCorrupt(classify(error, file), file, backupName);
  }
  try {
    // First, so quick_check waits for another writer instead of failing with SQLITE_BUSY.
    db.pragma('busy_timeout = 5000');
    const closedCleanly = check === 'after-unclean-close' && db.pragma('user_version', { simple: true }) === cleanMark.closed;
    if (closedCleanly) readSchema(db);
    else {
      const problems = quickCheck(db);
      if (problems !== null) throw new CorruptDatabase(problems);
    }
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    // Some network file systems cannot do WAL; SQLite then keeps the old mode, which still works.
    if (mode !== 'wal') logger.warn('Database could not switch to WAL mode', { file, mode });
    // NORMAL is durable enough in WAL mode: a power cut can lose the last commits, never corrupt.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    if (check === 'after-unclean-close') db.pragma(`user_version = ${cleanMark.open}`);
    return db;
  } catch (error) {
    // Copy before closing: closing the last connection checkpoints the -wal into the damaged file
    // and deletes the -wal/-shm, which would change or lose what we are trying to keep.
    const failure = preserveIfCorrupt(classify(error, file), file, backupName);
    db.close();
    throw failure;
  }
}

/** Reads the schema back (the header, and the pages `sqlite_schema` is on); damage throws, as SQLite reports it. */
function readSchema(db: Database): void {
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
}

/** Connections that met damage: their close must leave the file marked for a full check. */
const damageMet = new WeakSet<Database>();

/**
 * Closes a file opened with `openIfHealthy`, marked as closed cleanly: its next open reads its
 * schema instead of every page. Only where nothing is left to write (the caller's last act).
 */
export function closeCleanly(db: Database): void {
  if (!db.open) return;
  try {
    if (!db.readonly) {
      // First, as closeDatabase does: it may read whole indexes, and damage it meets must leave the mark unwritten.
      db.pragma('optimize');
      if (!damageMet.has(db)) db.pragma(`user_version = ${cleanMark.closed}`);
    }
  } finally {
    db.close();
  }
}

/** Whether an error is SQLite finding the file damaged. */
export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT'));
}

/** Marks a file opened with `openIfHealthy` as needing its full check at the next open (damage met at use), also past `closeCleanly`; best effort. */
export function markUnclean(db: Database): void {
  damageMet.add(db);
  try {
    if (db.open && !db.readonly) db.pragma(`user_version = ${cleanMark.open}`);
  } catch {
    // A file too damaged to take the mark is found by its header check, or fails again at use.
  }
}

/** Null when quick_check says ok, else its first findings joined into one line. */
function quickCheck(db: Database): string | null {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  if (rows.length === 1 && rows[0]?.quick_check === 'ok') return null;
  return `quick_check: ${rows
    .slice(0, 3)
    .map((r) => r.quick_check)
    .join('; ')}`;
}

/**
 * Only NOTADB/CORRUPT mean damage. Anything else (locked, no permission, disk full) must not
 * cause the file to be moved aside, so it becomes an ordinary error.
 */
function classify(error: unknown, file: string): Error {
  if (error instanceof CorruptDatabase || isAppError(error)) return error;
  const code = (error as { code?: unknown }).code;
  const message = (error as Error).message;
  if (isDamage(error)) return new CorruptDatabase(message);
  return new AppError(
    'Internal',
    `Bucket Admin could not open its database at ${file} (${message}). Check that the data folder is writable and that no other copy of Bucket Admin is using it, then restart.`,
    { file, sqliteCode: code },
  );
}

/** For damage, copies the file and its -wal/-shm to a fresh backup name and records it on the error. */
function preserveIfCorrupt(failure: Error, file: string, backupName: (() => string) | null): Error {
  if (!(failure instanceof CorruptDatabase) || backupName === null) return failure;
  const base = backupName();
  let backupPath = base;
  for (let n = 1; fs.existsSync(backupPath); n += 1) backupPath = `${base}-${n}`;
  try {
    for (const suffix of sidecars) {
      if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, backupPath + suffix, fs.constants.COPYFILE_EXCL);
    }
  } catch (error) {
    // Leave the original where it is: without a complete copy, replacing it would lose data.
    return new AppError(
      'StorageCorrupt',
      `Bucket Admin's database at ${file} is damaged, and copying it to ${backupPath} failed (${(error as Error).message}). Nothing was changed. Free some disk space, or quit Bucket Admin and move ${file} out of the folder yourself, then restart.`,
      { file, backupPath },
    );
  }
  failure.backupPath = backupPath;
  return failure;
}

/** Deletes the damaged originals once they are safely copied and closed. */
function removeOriginals(file: string, backupPath: string): void {
  try {
    // Sidecars first: a -wal left behind would be replayed into the fresh database.
    for (const suffix of ['-wal', '-shm', ''] as const) fs.rmSync(file + suffix, { force: true });
  } catch (error) {
    throw new AppError(
      'StorageCorrupt',
      `Bucket Admin's database at ${file} is damaged; a copy is at ${backupPath}, but removing the original failed (${(error as Error).message}). Quit every copy of Bucket Admin, move ${file} out of the folder yourself, then restart.`,
      { file, backupPath },
    );
  }
}
