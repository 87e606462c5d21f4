import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach } from 'vitest';
import { closeDatabase } from '../../../src/main/core/store/database';
import type { Logger } from '../../../src/main/core/logger';

/** Temp folders and databases made in a test, removed after it (closing first so Windows can delete). */
export function useTempStore() {
  const dirs: string[] = [];
  const open: Database[] = [];
  afterEach(() => {
    open.splice(0).forEach((db) => closeDatabase(db));
    dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
  });
  return {
    /** A database path inside a fresh temp folder (in a subfolder that does not exist yet). */
    file(): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bucket-admin-store-'));
      dirs.push(dir);
      return path.join(dir, 'data', 'bucket-admin.sqlite');
    },
    /** Registers a database to be closed after the test. */
    track(db: Database): Database {
      open.push(db);
      return db;
    },
  };
}

/** A logger that keeps its lines, to assert on warnings. */
export function recordingLogger() {
  const lines: Array<{ level: string; message: string; fields?: unknown }> = [];
  const logger: Logger = {
    info: (message, fields) => lines.push({ level: 'info', message, fields }),
    warn: (message, fields) => lines.push({ level: 'warn', message, fields }),
    error: (message, fields) => lines.push({ level: 'error', message, fields }),
  };
  return { logger, lines };
}

/** The error `fn` throws (fails the test if it does not). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
