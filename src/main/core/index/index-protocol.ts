import type { AppErrorShape } from '../../../shared/errors';
import type { SetAsideNotice } from '../store/rebuildable-database';
import type { IndexProcedureName } from './index-procedures';

/*
 * The messages between the main thread (`index-store.ts`) and the index worker
 * (`index-worker.ts`). Everything here is structured-cloned: plain data only.
 */

/** A value SQLite can bind (a Buffer arrives in the worker as a Uint8Array and is bound as a blob). */
export type SqlValue = string | number | bigint | null | Uint8Array;

/** Positional values, or one object of named values (`@name` in the SQL). */
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;

/** One statement of a write, run once per entry of `rows`. */
export interface IndexWrite {
  sql: string;
  rows: readonly SqlParams[];
}

/** Main → worker. */
export type IndexRequest =
  | { id: number; op: 'get'; sql: string; params: SqlParams }
  | { id: number; op: 'all'; sql: string; params: SqlParams }
  | { id: number; op: 'write'; steps: readonly IndexWrite[] }
  /** Runs a procedure of `index-procedures.ts` (a loop of statements, in the worker). */
  | { id: number; op: 'call'; name: IndexProcedureName; args: unknown };

/** Main → worker: wakes an idle worker so it sees the close flag. */
export interface IndexWake {
  op: 'wake';
}

/** Worker → main. */
export type IndexReply =
  | { kind: 'opened'; setAside: SetAsideNotice | null }
  | { kind: 'openFailed'; error: AppErrorShape }
  | { kind: 'result'; id: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ok: false; error: AppErrorShape }
  | { kind: 'log'; level: 'info' | 'warn' | 'error'; message: string; fields?: unknown };

/**
 * What the worker starts with. `control` is two Int32 slots shared with main: main sets slot 0 to
 * ask the worker to close; the worker sets slot 1 once its database is closed, so main's close
 * can wait for it synchronously (Atomics.wait) without an event loop turn.
 */
export interface IndexWorkerData {
  file: string;
  control: SharedArrayBuffer;
}

/** Slots of `IndexWorkerData.control`. */
export const closeRequested = 0;
export const closedSlot = 1;
