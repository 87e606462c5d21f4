/**
 * The database port repositories take: prepared statements and transactions, nothing else (no
 * pragmas, no `exec`, no file handling, which belong to `store/`). better-sqlite3's `Database`
 * satisfies it as it is, so the app passes its connection straight through; repositories import
 * this type instead of the driver's, so the driver stays an implementation detail of the store.
 */

/** What a write reports. */
export interface SqlRunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

/** One prepared statement; parameters are positional values or one object of named values. */
export interface SqlStatement {
  run(...params: unknown[]): SqlRunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  /** The rows one at a time, for a loop over more rows than should be held at once. */
  iterate(...params: unknown[]): IterableIterator<unknown>;
}

/** A synchronous SQLite connection as repositories see it. */
export interface SqlDatabase {
  prepare(sql: string): SqlStatement;
  /** Wraps `fn` so that calling the result runs it in one transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): () => T;
}
