/**
 * The index worker's entry (a `worker_threads` worker; bundled as `out/main/index-worker.js`, or
 * loaded from source through tsx). It owns index.sqlite: opens it (setting aside and restarting a
 * file it cannot use), then answers requests one at a time. Long writes block this thread only,
 * never the main thread that serves IPC and drives transfers.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { Logger } from '../logger';
import { closeCleanly, isDamage, markUnclean } from '../store/database';
import { openRebuildableDatabase } from '../store/rebuildable-database';
import { closedSlot, closeRequested, type IndexReply, type IndexRequest, type IndexWake, type IndexWorkerData } from './index-protocol';
import { buildDeferredIndexesBeforeMigrating } from './deferred-indexes';
import { registerIndexFunctions } from './index-functions';
import { IndexRequestHandler, indexErrorShape } from './index-requests';
import { indexMigrations } from './index-schema';

const port = parentPort;
if (!port) throw new Error('index-worker.ts runs as a worker thread only');
// When cores are busy, the main thread (IPC, transfers) should win them. On Linux a nice value is
// per thread, so this lowers only this one; elsewhere it would lower the whole app, so it is left.
if (process.platform === 'linux') {
  try {
    setPriority(10);
  } catch {
    // Not allowed here (some sandboxes): the index still works, only without the courtesy.
  }
}
const { file, control: shared } = workerData as IndexWorkerData;
const control = new Int32Array(shared);
const post = (reply: IndexReply) => port.postMessage(reply);

/** Log lines go to main's logger; fields that cannot be cloned are sent as text. */
const log = (level: 'info' | 'warn' | 'error') => (message: string, fields?: unknown) => {
  try {
    post({ kind: 'log', level, message, fields });
  } catch {
    post({ kind: 'log', level, message, fields: String(fields) });
  }
};
const logger: Logger = { info: log('info'), warn: log('warn'), error: log('error') };

let db: Database | null = null;
let handler: IndexRequestHandler | null = null;
try {
  const opened = openRebuildableDatabase({
    file,
    migrations: indexMigrations,
    logger,
    beforeMigrating: buildDeferredIndexesBeforeMigrating,
  });
  db = opened.db;
  registerIndexFunctions(db);
  handler = new IndexRequestHandler(db);
  post({ kind: 'opened', setAside: opened.setAside });
} catch (error) {
  post({ kind: 'openFailed', error: indexErrorShape(error) });
}

/** Closes the database and tells main (waiting in Atomics.wait) that it may go on. */
function shutdown(): void {
  try {
    if (db) closeCleanly(db);
  } finally {
    db = null;
    Atomics.store(control, closedSlot, 1);
    Atomics.notify(control, closedSlot);
    port?.close();
  }
}

port.on('message', (message: IndexRequest | IndexWake) => {
  // Checked before every request: requests still queued behind a close are not run.
  if (Atomics.load(control, closeRequested) === 1) return shutdown();
  if (message.op === 'wake') return;
  if (!handler)
    return post({ kind: 'result', id: message.id, ok: false, error: { code: 'Internal', message: 'The object index is not open.' } });
  try {
    post({ kind: 'result', id: message.id, ok: true, value: handler.handle(message) });
  } catch (error) {
    // The file was opened without reading every page (it was closed cleanly): the next start does, and sets it aside.
    if (db && isDamage(error)) markUnclean(db);
    post({ kind: 'result', id: message.id, ok: false, error: indexErrorShape(error) });
  }
});
