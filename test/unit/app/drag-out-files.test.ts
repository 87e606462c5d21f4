import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DragOutFiles, sweepStaleRuns, type DragOutFilesDeps } from '../../../src/main/core/app/drag-out-files';
import { silentLogger } from '../../../src/main/core/logger';
import type { DownloadPlan, TransferBatchView } from '../../../src/shared/model/transfer';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const target = (key: string) => ({ connectionId: 'c', bucket: 'media', key });

/**
 * A transfer engine that "downloads" by writing the file itself and finishing the batch on the
 * next turn, so what is tested is the preparing, keeping and removing around it.
 */
function fakeEngine(sizes: Record<string, number>, outcome: 'done' | 'failed' | 'cancelled' = 'done') {
  const listeners = new Set<(b: TransferBatchView) => void>();
  const plans = new Map<string, { localPath: string }>();
  let batches = 0;
  const transfers: DragOutFilesDeps['transfers'] = {
    planDownload: (req) => {
      const key = req.keys[0] ?? '';
      const size = sizes[key];
      const name = key.slice(key.lastIndexOf('/') + 1);
      const localPath = join(req.destination, name);
      const planId = `plan-${plans.size}`;
      plans.set(planId, { localPath });
      const item = { name, key, localPath, size: size ?? 0 };
      const view = {
        planId,
        fileCount: size === undefined ? 0 : 1,
        totalBytes: size ?? 0,
        sample: size === undefined ? [] : [item],
        problems: size === undefined ? [{ path: key, code: 'NotFound', message: `${key} no longer exists in the bucket.` }] : [],
      } as unknown as DownloadPlan;
      return Promise.resolve(view);
    },
    startDownload: (planId) => {
      const plan = plans.get(planId);
      const batchId = `batch-${(batches += 1)}`;
      setImmediate(() => {
        let wrote = false;
        try {
          if (outcome === 'done' && plan) writeFileSync(plan.localPath, 'bytes');
          wrote = outcome === 'done';
        } catch {
          // The folder went (closed meanwhile): the download fails, as a real one would.
        }
        const counts = {
          done: wrote ? 1 : 0,
          failed: outcome === 'failed' || (outcome === 'done' && !wrote) ? 1 : 0,
          cancelled: outcome === 'cancelled' ? 1 : 0,
        };
        for (const l of listeners) l({ id: batchId, counts } as unknown as TransferBatchView);
      });
      return { batchId, queued: 1, skipped: 0 };
    },
  };
  return {
    transfers,
    onBatchFinished: (l: (b: TransferBatchView) => void) => (listeners.add(l), () => void listeners.delete(l)),
    get batches() {
      return batches;
    },
    get listening() {
      return listeners.size;
    },
  };
}

function make(options: Partial<DragOutFilesDeps> & { sizes?: Record<string, number>; outcome?: 'done' | 'failed' | 'cancelled' } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'bucket-admin-drag-unit-'));
  dirs.push(root);
  const engine = fakeEngine(options.sizes ?? { 'a/photo.jpg': 10, 'a/b.jpg': 10, 'a/c.jpg': 10 }, options.outcome);
  const dragged: string[] = [];
  let clock = 1_000;
  const files = new DragOutFiles({
    transfers: engine.transfers,
    grants: { grantWrite: () => undefined },
    onBatchFinished: engine.onBatchFinished,
    port: { startDrag: (file) => (dragged.push(file), true) },
    tempDir: join(root, 'run'),
    logger: silentLogger,
    now: () => clock,
    ...options,
  });
  return { files, engine, dragged, root, tick: (ms: number) => (clock += ms) };
}

describe('DragOutFiles', () => {
  it('fetches once, drags the prepared file, and stops listening for the batch', async () => {
    const { files, engine, dragged } = make();
    const [one, two] = await Promise.all([files.prepare(target('a/photo.jpg')), files.prepare(target('a/photo.jpg'))]);
    expect([one, two]).toEqual(['photo.jpg', 'photo.jpg']);
    expect(engine.batches).toBe(1);
    expect(engine.listening).toBe(0);
    expect(files.start(target('a/photo.jpg'))).toEqual({ state: 'started', fileName: 'photo.jpg' });
    expect(existsSync(dragged[0] ?? '')).toBe(true);
    files.close();
  });

  it('refuses a file over the size limit, naming both sizes and what to use instead', async () => {
    const { files, engine } = make({ sizes: { 'a/movie.mov': 3 * 1024 ** 3 }, maxBytes: 2 * 1024 ** 3 });
    await expect(files.prepare(target('a/movie.mov'))).rejects.toMatchObject({
      code: 'Unsupported',
      message: expect.stringMatching(/movie\.mov is 3(\.0)? GiB; files over 2(\.0)? GiB .*Use Download instead\./) as string,
    });
    expect(engine.batches).toBe(0);
    files.close();
  });

  it('reports a failed or cancelled fetch, forgets it and removes its folder', async () => {
    for (const outcome of ['failed', 'cancelled'] as const) {
      const { files, root } = make({ outcome });
      await expect(files.prepare(target('a/photo.jpg'))).rejects.toMatchObject({
        code: outcome === 'failed' ? 'ServerError' : 'Cancelled',
        message: expect.stringContaining('photo.jpg could not be fetched to drag out') as string,
      });
      expect(files.start(target('a/photo.jpg'))).toEqual({ state: 'preparing' });
      files.close();
      expect(existsSync(join(root, 'run'))).toBe(false);
    }
  });

  it('removes a prepared file once unused for keepMs, and the least recently used beyond maxFiles', async () => {
    const { files, dragged, tick } = make({ keepMs: 60_000, maxFiles: 2 });
    await files.prepare(target('a/photo.jpg'));
    files.start(target('a/photo.jpg'));
    const first = dragged[0] ?? '';
    tick(59_000);
    files.sweep();
    expect(existsSync(first)).toBe(true);
    tick(2_000);
    files.sweep();
    expect(existsSync(first)).toBe(false);
    expect(files.start(target('a/photo.jpg'))).toEqual({ state: 'preparing' });

    await files.prepare(target('a/b.jpg'));
    tick(1);
    await files.prepare(target('a/c.jpg'));
    tick(1);
    await files.prepare(target('a/photo.jpg')); // the third: b.jpg, used longest ago, goes
    expect(files.start(target('a/c.jpg')).state).toBe('started');
    expect(files.start(target('a/b.jpg'))).toEqual({ state: 'preparing' });
    files.close();
  });

  it('fetches again when the prepared file was deleted behind its back', async () => {
    const { files, engine, dragged } = make();
    await files.prepare(target('a/photo.jpg'));
    files.start(target('a/photo.jpg'));
    rmSync(dragged[0] ?? '');
    expect(files.start(target('a/photo.jpg'))).toEqual({ state: 'preparing' });
    await files.prepare(target('a/photo.jpg'));
    expect(engine.batches).toBe(2);
    files.close();
  });

  it('says when no window could start the drag', async () => {
    const { files } = make({ port: { startDrag: () => false } });
    await files.prepare(target('a/photo.jpg'));
    expect(() => files.start(target('a/photo.jpg'))).toThrow(/no app window is in front/);
    files.close();
  });

  it('without a port, says it is unsupported and why', async () => {
    const { files } = make({ port: undefined });
    expect(files.support).toEqual({ supported: false, reason: expect.stringContaining('Use Download instead') as string });
    expect(() => files.start(target('a/photo.jpg'))).toThrow(/needs the desktop app/);
    await expect(files.prepare(target('a/photo.jpg'))).rejects.toMatchObject({ code: 'Unsupported' });
    files.close();
  });
});

describe('sweepStaleRuns', () => {
  it('removes run folders older than the age, keeps newer ones, and minds a missing root', () => {
    const root = mkdtempSync(join(tmpdir(), 'bucket-admin-drag-sweep-'));
    dirs.push(root);
    mkdirSync(join(root, 'old'));
    mkdirSync(join(root, 'new'));
    const now = Date.now();
    utimesSync(join(root, 'old'), new Date(now - 2 * 86_400_000), new Date(now - 2 * 86_400_000));
    sweepStaleRuns(root, 86_400_000, now);
    expect(existsSync(join(root, 'old'))).toBe(false);
    expect(existsSync(join(root, 'new'))).toBe(true);
    expect(() => sweepStaleRuns(join(root, 'absent'), 1)).not.toThrow();
  });
});
