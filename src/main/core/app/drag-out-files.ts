import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { formatBytes } from '../../../shared/format/format-bytes';
import type { DragOutInput, DragOutResult, DragOutSupport } from '../../../shared/model/drag-out';
import type { TransferBatchView } from '../../../shared/model/transfer';
import type { LocalGrants } from '../files/local-grants';
import type { Logger } from '../logger';
import type { TransferService } from '../transfers/transfer-service';

/**
 * What the host does with a prepared file: Electron calls `webContents.startDrag({ file, icon })`
 * on the window the user pressed (`electron/drag-out.ts`). The browser host has none: a web page
 * cannot hand a file to the OS.
 */
export interface DragOutPort {
  /** Begins the OS drag with this existing file; false when no window can start it now. */
  startDrag(file: string): boolean;
}

export interface DragOutFilesDeps {
  transfers: Pick<TransferService, 'planDownload' | 'startDownload'>;
  grants: Pick<LocalGrants, 'grantWrite'>;
  /** `transfers:batchFinished` as it happens (the core's event bus). */
  onBatchFinished(listener: (batch: TransferBatchView) => void): () => void;
  /** Absent where the host cannot start an OS drag: every request is refused with `unsupportedReason`. */
  port?: DragOutPort;
  /** This run's folder for prepared files (made on first use, removed by `close`). */
  tempDir: string;
  logger: Logger;
  /** Largest file fetched for a drag (default 2 GiB); bigger ones are downloaded with Download. */
  maxBytes?: number;
  /** How long a prepared file stays after it was last dragged or asked for (default 10 minutes). */
  keepMs?: number;
  /** Most prepared files kept at once (default 16); the least recently used goes first. */
  maxFiles?: number;
  now?: () => number;
}

export const browserDragOutReason =
  'Dragging files out of the window needs the desktop app: a browser cannot hand a file to your file manager. Use Download instead.';

interface Entry {
  dir: string;
  fileName: string;
  /** The prepared file's path once it is on disk. */
  path: string | null;
  done: Promise<string>;
  usedAt: number;
}

const defaults = { maxBytes: 2 * 1024 ** 3, keepMs: 10 * 60_000, maxFiles: 16 };

/**
 * Files fetched on demand for dragging rows out of the listing.
 *
 * Why prepare-then-drag: the OS drag must start inside the page's `dragstart` (the mouse button
 * still down) and `startDrag` takes a file that exists, so no download can finish in between.
 * `prepare` fetches the object through the transfer engine (a normal download batch, so it shows
 * in Transfers with progress, retries and the bandwidth limit) into its own folder under
 * `tempDir`; `start` hands a prepared file to the host at once and never waits. The renderer
 * prepares small files when a row is pressed and tells the user to drag again when a drag found
 * the file still on its way.
 *
 * Cleanup: the OS copies the file when it is dropped, which may be a while after `start`, so a
 * file is kept `keepMs` after its last use, at most `maxFiles` of them; `close` (quit) removes the
 * run's folder, and `sweepStaleRuns` removes folders a crashed run left.
 */
export class DragOutFiles {
  private readonly entries = new Map<string, Entry>();
  private readonly options: typeof defaults;
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout | null;

  constructor(private readonly deps: DragOutFilesDeps) {
    this.options = {
      maxBytes: deps.maxBytes ?? defaults.maxBytes,
      keepMs: deps.keepMs ?? defaults.keepMs,
      maxFiles: deps.maxFiles ?? defaults.maxFiles,
    };
    this.now = deps.now ?? Date.now;
    this.timer = deps.port ? setInterval(() => this.sweep(), Math.min(60_000, this.options.keepMs)) : null;
    this.timer?.unref();
  }

  get support(): DragOutSupport {
    return this.deps.port ? { supported: true, maxBytes: this.options.maxBytes } : { supported: false, reason: browserDragOutReason };
  }

  /** One request of `app:dragOut`. `start` answers without waiting, so the OS drag begins while the button is down. */
  handle(input: DragOutInput): Promise<DragOutResult> {
    return input.phase === 'start'
      ? Promise.resolve(this.start(input))
      : this.prepare(input).then((fileName) => ({ state: 'ready', fileName }));
  }

  /** Fetches the object unless it is prepared or on its way; resolves with its local file name once it is on disk. */
  async prepare(target: Omit<DragOutInput, 'phase'>): Promise<string> {
    this.port();
    this.sweep();
    const id = entryId(target);
    let entry = this.entries.get(id);
    if (entry?.path != null && !existsSync(entry.path)) {
      this.remove(id);
      entry = undefined;
    }
    if (!entry) {
      entry = this.fetch(id, target);
      this.entries.set(id, entry);
      this.evict();
    }
    entry.usedAt = this.now();
    await entry.done;
    return entry.fileName;
  }

  /** Starts the OS drag with the prepared file; `preparing` (and fetches it) when it is not on disk yet. */
  start(target: Omit<DragOutInput, 'phase'>): DragOutResult {
    const port = this.port();
    const entry = this.entries.get(entryId(target));
    if (entry?.path == null || !existsSync(entry.path)) {
      this.prepare(target).catch(() => undefined); // the renderer asks `prepare` too, and hears how it ended
      return { state: 'preparing' };
    }
    entry.usedAt = this.now();
    if (!port.startDrag(entry.path)) {
      throw new AppError('Unsupported', 'The drag could not start because no app window is in front. Click the window and drag again.');
    }
    return { state: 'started', fileName: entry.fileName };
  }

  /** Removes prepared files not used for `keepMs`. */
  sweep(): void {
    const cutoff = this.now() - this.options.keepMs;
    for (const [id, entry] of this.entries) if (entry.path !== null && entry.usedAt < cutoff) this.remove(id);
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.entries.clear();
    rmSync(this.deps.tempDir, { recursive: true, force: true });
  }

  private port(): DragOutPort {
    if (!this.deps.port) throw new AppError('Unsupported', browserDragOutReason);
    return this.deps.port;
  }

  private fetch(id: string, target: Omit<DragOutInput, 'phase'>): Entry {
    const dir = join(this.deps.tempDir, randomUUID());
    const entry: Entry = {
      dir,
      fileName: target.key.slice(target.key.lastIndexOf('/') + 1),
      path: null,
      done: Promise.resolve(''),
      usedAt: this.now(),
    };
    entry.done = this.download(dir, target).then(
      (path) => {
        entry.path = path;
        return path;
      },
      (error: unknown) => {
        // A failed fetch is forgotten, so the next press or drag tries again.
        if (this.entries.get(id) === entry) this.remove(id);
        throw error;
      },
    );
    entry.done.catch(() => undefined); // handled by whoever awaits it
    return entry;
  }

  private async download(dir: string, target: Omit<DragOutInput, 'phase'>): Promise<string> {
    mkdirSync(dir, { recursive: true });
    this.deps.grants.grantWrite(dir);
    const plan = await this.deps.transfers.planDownload({
      connectionId: target.connectionId,
      bucket: target.bucket,
      keys: [target.key],
      prefixes: [],
      destination: dir,
    });
    const item = plan.sample[0];
    if (plan.fileCount !== 1 || !item) {
      throw new AppError('NotFound', plan.problems[0]?.message ?? `${target.key} is not in the bucket any more. Refresh the folder.`);
    }
    if (plan.totalBytes > this.options.maxBytes) {
      throw new AppError(
        'Unsupported',
        `${item.name} is ${formatBytes(plan.totalBytes)}; files over ${formatBytes(this.options.maxBytes)} are not dragged out. Use Download instead.`,
      );
    }
    const finished = await this.runBatch(plan.planId);
    if (finished.counts.done !== 1) {
      const why = finished.counts.cancelled > 0 ? 'the download was cancelled' : 'the download failed; Transfers says why';
      throw new AppError(
        finished.counts.cancelled > 0 ? 'Cancelled' : 'ServerError',
        `${item.name} could not be fetched to drag out: ${why}.`,
      );
    }
    return item.localPath;
  }

  /** Starts the planned download and resolves with its batch once the engine finishes it. */
  private runBatch(planId: string): Promise<TransferBatchView> {
    return new Promise((resolve) => {
      let batchId: string | null = null;
      const early = new Map<string, TransferBatchView>();
      const stop = this.deps.onBatchFinished((batch) => {
        if (batchId === null) early.set(batch.id, batch);
        else if (batch.id === batchId) {
          stop();
          resolve(batch);
        }
      });
      try {
        batchId = this.deps.transfers.startDownload(planId, 'overwrite').batchId;
      } catch (error) {
        stop();
        throw error;
      }
      const already = early.get(batchId);
      if (already) {
        stop();
        resolve(already);
      }
    });
  }

  /** Drops the least recently used prepared files beyond `maxFiles` (files still on their way stay). */
  private evict(): void {
    const ready = [...this.entries].filter(([, e]) => e.path !== null).sort(([, a], [, b]) => a.usedAt - b.usedAt);
    for (const [id] of ready.slice(0, Math.max(0, this.entries.size - this.options.maxFiles))) this.remove(id);
  }

  private remove(id: string): void {
    const entry = this.entries.get(id);
    this.entries.delete(id);
    if (!entry) return;
    try {
      rmSync(entry.dir, { recursive: true, force: true });
    } catch (error) {
      this.deps.logger.warn('Could not remove a file prepared for dragging out', { dir: entry.dir, error });
    }
  }
}

/** Where every run keeps its folder of prepared files, under the OS temp folder. */
export function dragOutRoot(tempRoot: string): string {
  return join(tempRoot, 'bucket-admin-drag-out');
}

/** Removes run folders under `root` older than `maxAgeMs` (a crash left them; a running app touches its own). */
export function sweepStaleRuns(root: string, maxAgeMs: number, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return; // nothing was ever prepared
  }
  for (const name of names) {
    const dir = join(root, name);
    try {
      if (now - statSync(dir).mtimeMs > maxAgeMs) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
}

function entryId(target: Omit<DragOutInput, 'phase'>): string {
  return JSON.stringify([target.connectionId, target.bucket, target.key]);
}
