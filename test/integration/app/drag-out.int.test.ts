// Dragging a file row out (issue 12): `app:dragOut` prepares the object through the transfer
// engine into this run's temp folder, then hands the finished file to the host's startDrag at
// once; the browser host (no port) refuses with a reason. Real core, real gateway.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DragOutPort } from '../../../src/main/core/app/drag-out-files';
import { putObjects, createTestBucket, gatewayFromState, type GatewayHandle, type TestBucket } from '../../support/s3-test-env';
import { startCore, type CoreHarness } from '../../support/core-harness';

let gw: GatewayHandle;
let tb: TestBucket;
const photo = randomBytes(300_000);

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'drag-out');
  await putObjects(tb.client, tb.bucket, { 'private/shoot/photo one.jpg': photo });
});
afterAll(async () => {
  await tb.cleanup();
});

const open: Array<{ h: CoreHarness; dir: string }> = [];
afterEach(() => {
  for (const { h, dir } of open.splice(0)) {
    h.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function start(port?: DragOutPort) {
  const dir = mkdtempSync(join(tmpdir(), 'bucket-admin-drag-int-'));
  const runDir = join(dir, 'run');
  const h = startCore({ host: port ? 'electron' : 'browser', dragOutDir: runDir, ...(port ? { dragOut: port } : {}) });
  open.push({ h, dir });
  const { id } = await h.value('connections:add', {
    name: 'Gateway',
    credentials: { kind: 'keys', accessKeyId: gw.accessKeyId, secretAccessKey: gw.secretAccessKey },
    endpoint: gw.endpoint,
    forcePathStyle: true,
    checksumCompatibility: true,
  });
  const target = { connectionId: id, bucket: tb.bucket, key: 'private/shoot/photo one.jpg' };
  return { h, runDir, target };
}

describe('app:dragOut in Electron (a startDrag port)', () => {
  it('prepares through the transfer engine, then starts the drag at once with the finished file', async () => {
    const dragged: string[] = [];
    const { h, runDir, target } = await start({ startDrag: (file) => (dragged.push(file), true) });
    expect((await h.value('app:info', {})).dragOut).toEqual({ supported: true, maxBytes: 2 * 1024 ** 3 });

    // A drag before the file is on disk does not wait: it says so and fetches it meanwhile.
    expect(await h.value('app:dragOut', { ...target, phase: 'start' })).toEqual({ state: 'preparing' });
    expect(await h.value('app:dragOut', { ...target, phase: 'prepare' })).toEqual({ state: 'ready', fileName: 'photo one.jpg' });
    expect(dragged).toEqual([]);

    expect(await h.value('app:dragOut', { ...target, phase: 'start' })).toEqual({ state: 'started', fileName: 'photo one.jpg' });
    expect(dragged).toHaveLength(1);
    const file = dragged[0] ?? '';
    expect(file.startsWith(runDir)).toBe(true);
    expect(readFileSync(file).equals(photo)).toBe(true);

    // It was a download batch like any other (the Transfers panel shows it), fetched once.
    const list = await h.value('transfers:list', {});
    expect(list.batches.filter((b) => b.direction === 'download').map((b) => b.counts.done)).toEqual([1]);
    await h.value('app:dragOut', { ...target, phase: 'prepare' });
    expect((await h.value('transfers:list', {})).batches).toHaveLength(1);

    // Quitting removes the run's folder.
    open.pop()?.h.close();
    expect(existsSync(runDir)).toBe(false);
    rmSync(join(runDir, '..'), { recursive: true, force: true });
  });

  it('says what is wrong when the object is gone, and tries again next time', async () => {
    const { h, target } = await start({ startDrag: () => true });
    const missing = await h.call('app:dragOut', { ...target, key: 'private/shoot/gone.jpg', phase: 'prepare' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error).toMatchObject({ code: 'NotFound', message: expect.stringContaining('gone.jpg') as string });
    // The failure is not remembered: once the object exists, the same drag prepares it.
    await putObjects(tb.client, tb.bucket, { 'private/shoot/gone.jpg': 'back' });
    expect(await h.value('app:dragOut', { ...target, key: 'private/shoot/gone.jpg', phase: 'prepare' })).toEqual({
      state: 'ready',
      fileName: 'gone.jpg',
    });
  });

  it('refuses a folder key and a key that is not a key, before anything runs', async () => {
    const { h, target } = await start({ startDrag: () => true });
    for (const key of ['private/shoot/', '', 'a\u0000b']) {
      const result = await h.call('app:dragOut', { ...target, key, phase: 'prepare' });
      expect(result.ok ? null : result.error.code).toBe('InvalidInput');
    }
    const phase = await h.call('app:dragOut', { ...target, phase: 'drop' as 'start' });
    expect(phase.ok ? null : phase.error.code).toBe('InvalidInput');
  });
});

describe('app:dragOut in the browser host (no startDrag)', () => {
  it('says so up front in app:info and refuses both phases with the reason, fetching nothing', async () => {
    const { h, runDir, target } = await start();
    const info = await h.value('app:info', {});
    expect(info.dragOut).toEqual({ supported: false, reason: expect.stringContaining('desktop app') as string });
    for (const phase of ['prepare', 'start'] as const) {
      const result = await h.call('app:dragOut', { ...target, phase });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toEqual({ code: 'Unsupported', message: info.dragOut.supported ? '' : info.dragOut.reason });
    }
    expect((await h.value('transfers:list', {})).batches).toEqual([]);
    expect(existsSync(runDir)).toBe(false);
  });
});
