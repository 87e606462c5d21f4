import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Database, Statement } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../logger';

/** One schema step. Append-only: once released, a migration's `sql` must never change. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /**
   * The step rewrites tables (SQLite's rebuild recipe), leaving the old pages free in the file:
   * once every pending step is applied, the file is compacted (VACUUM, outside any transaction).
   * Not hashed: it says how to run the step, not what the step is.
   */
  readonly compactAfter?: boolean;
}

/** A row of `schema_migrations` as read back from the database. */
export interface AppliedMigration {
  version: number;
  name: string;
  sha256: string;
}

/** What `migrate` did: the version before and after, the steps applied, and the pre-migration copy if one was made. */
export interface MigrationResult {
  from: number;
  to: number;
  applied: number[];
  backupPath: string | null;
}

/** The decision `planMigrations` makes: where the database is and which steps remain. */
export interface MigrationPlan {
  current: number;
  pending: Migration[];
}

/** Whether an error is SQLite failing to write because of the disk (full, or an I/O error), not the file. */
function isStorageFailure(error: unknown): error is { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_FULL') || code.startsWith('SQLITE_IOERR'));
}

/** Hex sha256 of a migration's SQL, recorded when applied so later edits are detected. */
export function sha256(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

/** Where the copy taken before upgrading to version `version` goes (the file as it was before v<version>). */
export function preMigrationBackupPath(file: string, version: number): string {
  return `${file}.pre-v${version}.bak`;
}

/** Throws unless the list is numbered 1..N in order with a name and SQL each (a packaging bug otherwise). */
export function validateMigrations(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1 || m.name.trim() === '' || m.sql.trim() === '') {
      throw new AppError(
        'Internal',
        `Bucket Admin's list of database migrations is malformed at position ${i + 1} (version ${m.version}, "${m.name}"). This is a bug in this build; please report it.`,
        { version: m.version, position: i + 1 },
      );
    }
  });
}

/**
 * Compares recorded history with the code's list and returns what is left to apply.
 * Refuses a database from a newer app (Conflict) and edited history (Internal, see below). Pure.
 */
export function planMigrations(applied: readonly AppliedMigration[], migrations: readonly Migration[]): MigrationPlan {
  const latest = migrations.length;
  const newest = applied.reduce((max, row) => Math.max(max, row.version), 0);
  if (newest > latest) {
    // Conflict, not StorageCorrupt: the file is healthy, and treating it as corrupt would let
    // backup-and-recreate discard it. The user's fix is to install a newer app, not to repair anything.
    throw new AppError(
      'Conflict',
      `This database was written by a newer Bucket Admin (database version ${newest}, this app knows up to ${latest}). Install the latest Bucket Admin to open it; nothing was changed.`,
      { databaseVersion: newest, appVersion: latest },
    );
  }
  applied.forEach((row, i) => {
    const known = migrations[row.version - 1];
    if (row.version !== i + 1 || known === undefined) {
      throw new AppError(
        'Internal',
        `The database's migration history has a gap at version ${i + 1}, so Bucket Admin cannot tell which schema it has. Nothing was changed; restore a backup (*.pre-v*.bak) or report this.`,
        { expectedVersion: i + 1, foundVersion: row.version },
      );
    }
    if (row.sha256 !== sha256(known.sql)) {
      // Internal, not StorageCorrupt: the database is intact; this build of the app is wrong
      // (a released migration was edited). Recreating the file would destroy non-rebuildable data
      // (transfer journal, link ledger) to "fix" a bug in the code.
      throw new AppError(
        'Internal',
        `Database migration ${row.version} ("${known.name}") in this build of Bucket Admin differs from the one already applied to your database, so its schema cannot be trusted. Your data was not changed. Install an official Bucket Admin release, or report this bug.`,
        { version: row.version, name: known.name, recorded: row.sha256, expected: sha256(known.sql) },
      );
    }
  });
  return { current: applied.length, pending: migrations.slice(applied.length) };
}

/** `backup: false` for a rebuildable file (the object index): it is never copied before a step. */
export interface MigrateOptions {
  backup?: boolean;
  /** Runs before the first pending step (not at all when the file is up to date), outside their transactions. */
  beforeSteps?: (db: Database) => void;
}

/**
 * Brings `db` up to the last migration, each step in its own transaction, recorded with its hash.
 * A file database that already has a schema is copied to `<file>.pre-v<N>.bak` first, unless
 * `backup: false`.
 */
export function migrate(db: Database, migrations: readonly Migration[], logger: Logger, options: MigrateOptions = {}): MigrationResult {
  validateMigrations(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = db.prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version').all() as AppliedMigration[];
  const { current, pending } = planMigrations(applied, migrations);
  const first = pending[0];
  if (first === undefined) return { from: current, to: current, applied: [], backupPath: null };

  // The object index is rebuildable from S3 (and large): no copy. The transfer journal and link ledger are not.
  const backupPath = options.backup !== false && current >= 1 && !db.memory ? backupBeforeMigration(db, first.version) : null;
  options.beforeSteps?.(db);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)');
  // SQLite's table-rebuild recipe: foreign keys off outside the transaction (it cannot change inside),
  // so dropping a parent table does not cascade-delete its children; foreign_key_check before commit instead.
  const foreignKeys = db.pragma('foreign_keys', { simple: true });
  db.pragma('foreign_keys = OFF');
  try {
    for (const m of pending) applyOne(db, m, record, backupPath, logger);
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys === 1 ? 'ON' : 'OFF'}`);
  }
  if (pending.some((m) => m.compactAfter === true)) compact(db, logger);
  return { from: current, to: migrations.length, applied: pending.map((m) => m.version), backupPath };
}

/**
 * Gives the pages a rebuild freed back to the disk. The schema is already up to date and
 * committed, so a VACUUM that fails (a full disk: it writes a copy of the file first) costs only
 * the space, and is logged rather than thrown.
 */
function compact(db: Database, logger: Logger): void {
  const started = performance.now();
  try {
    db.exec('VACUUM');
    // In WAL mode the VACUUM wrote the whole file through the WAL: give that space back too.
    db.pragma('wal_checkpoint(TRUNCATE)');
    logger.info('Database compacted after a schema step that rebuilt tables', { ms: Math.round(performance.now() - started) });
  } catch (error) {
    logger.warn('Database could not be compacted after a schema step that rebuilt tables; it works, only larger than it needs to be', {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/** Runs one step and records it in a single transaction; any failure rolls back the whole step. */
function applyOne(db: Database, m: Migration, record: Statement, backupPath: string | null, logger: Logger): void {
  try {
    db.transaction(() => {
      db.exec(m.sql);
      const violations = db.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) throw new Error(`${violations.length} foreign key violation(s) after the step`);
      record.run(m.version, m.name, sha256(m.sql), new Date().toISOString());
    }).immediate();
  } catch (error) {
    if (isStorageFailure(error)) {
      const sqliteCode = error.code;
      // The disk, not the file: a table rebuild needs about the file's size again while it runs.
      // `storage` tells a rebuildable file's opener not to set a healthy file aside for it.
      throw new AppError(
        'Internal',
        `Updating the database ${db.name} to version ${m.version} ("${m.name}") needs more disk space than is free (${sqliteCode}). That step was rolled back, so your data is as it was. Free some disk space (about the file's size), then restart Bucket Admin.`,
        { version: m.version, name: m.name, backupPath, storage: sqliteCode },
      );
    }
    const copy = backupPath === null ? '' : ` A copy from before the update is at ${backupPath}.`;
    throw new AppError(
      'Internal',
      `Updating the database to version ${m.version} ("${m.name}") failed: ${(error as Error).message}. That step was rolled back, so your data is as it was.${copy} Please report this.`,
      { version: m.version, name: m.name, backupPath },
    );
  }
  logger.info('Applied database migration', { version: m.version, name: m.name });
}

/**
 * Copies the live database with VACUUM INTO: synchronous (db.backup() is async and would make
 * opening async), a consistent snapshot through this connection, and one self-contained file (no -wal).
 */
function backupBeforeMigration(db: Database, version: number): string {
  const target = preMigrationBackupPath(db.name, version);
  // Write beside and rename, so a failed copy never replaces an earlier good backup.
  const temp = `${target}.partial`;
  fs.rmSync(temp, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    const fd = fs.openSync(temp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new AppError(
      'Internal',
      `Bucket Admin could not back up its database to ${target} before updating it (${(error as Error).message}), so it did not update it. Free some disk space or check the data folder's permissions, then restart.`,
      { backupPath: target },
    );
  }
  return target;
}
