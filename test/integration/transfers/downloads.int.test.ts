import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MiB } from '../../../src/main/core/s3/part-size';
import { transferEngineSchema } from '../../../src/shared/model/connection';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { createTestBucket, gatewayFromState, putObjects, type GatewayHandle, type TestBucket } from '../../support/s3-test-env';
import { sha256 } from './support/local-files';
import { scriptedDialogs } from './support/scripted-dialogs';
import { startTransferCore, type TransferHarness } from './support/transfer-harness';

let gw: GatewayHandle;
let tb: TestBucket;
const big = randomBytes(20 * MiB);
const objects: Record<string, Buffer> = {
  'dl/f/normal.txt': Buffer.from('normal'),
  'dl/f/sub/big.bin': big,
  'dl/f/../escape.txt': Buffer.from('must stay inside'),
  'dl/f//double.txt': Buffer.from('double slash'),
  'dl/f/./dot.txt': Buffer.from('dot segment'),
  'dl/f/empty/': Buffer.alloc(0),
  '/leading.txt': Buffer.from('leading slash'),
  'dl/s/fine.txt': Buffer.from('fine'),
  'dl/s/planted/through-symlink.txt': Buffer.from('must not land outside'),
  'dl/s/planted/marker/': Buffer.alloc(0),
  'dl/s/temp-planted.txt': Buffer.from('must not go through the temp name'),
  'dl/s/final.txt': Buffer.from('replaces the link, not its target'),
};

/** Every file under `dir`, as relative paths. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'transfers-download');
  await putObjects(
    tb.client,
    tb.bucket,
    Object.entries(objects).map(([key, body]) => ({ key, body })),
  );
});
afterAll(async () => {
  await tb.cleanup();
});

// The core cases in each transfer engine: the same downloads through the fast path and the SDK's own.
describe.each(transferEngineSchema.options)('downloads (%s engine)', (engine) => {
  let proxy: FaultProxy;
  let h: TransferHarness;
  let dest: string;

  beforeAll(async () => {
    proxy = await startFaultProxy(gw.endpoint);
    dest = mkdtempSync(join(tmpdir(), 'bucket-admin-dl-'));
    h = await startTransferCore({
      gw,
      endpoint: proxy.endpoint,
      dialogs: scriptedDialogs({ downloadFolder: dest }),
      transferEngine: engine,
    });
  });
  afterAll(async () => {
    h.close();
    await proxy.close();
    rmSync(dest, { recursive: true, force: true });
  });

  it('refuses a destination the user did not choose', async () => {
    const result = await h.call('transfers:planDownload', {
      connectionId: h.connectionId,
      bucket: tb.bucket,
      keys: ['dl/f/normal.txt'],
      prefixes: [],
      destination: tmpdir(),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
  });

  it('downloads a folder with odd keys and a large object through cut and stalled connections, nothing outside the folder', async () => {
    const chosen = await h.value('dialogs:chooseDownloadFolder', {});
    expect(chosen.paths).toEqual([dest]);
    const ranges = new Map<string, number>();
    proxy.setRule((req) => {
      const range = req.headers.range;
      if (req.method !== 'GET' || !range) return { kind: 'pass' };
      const n = (ranges.get(range) ?? 0) + 1;
      ranges.set(range, n);
      if (range.startsWith('bytes=5242880-') && n === 1) return { kind: 'cutResponse', afterBytes: 1 * MiB };
      if (range.startsWith('bytes=10485760-') && n === 1) return { kind: 'stallResponse', afterBytes: 256 * 1024 };
      return { kind: 'pass' };
    });
    const plan = await h.value('transfers:planDownload', {
      connectionId: h.connectionId,
      bucket: tb.bucket,
      keys: ['/leading.txt'],
      prefixes: ['dl/f/'],
      destination: dest,
    });
    expect(plan).toMatchObject({ fileCount: 6, folderCount: 1, conflictCount: 0, problemCount: 0 });
    expect(plan.renamedCount).toBeGreaterThanOrEqual(3);
    const started = await h.value('transfers:startDownload', { planId: plan.planId, conflict: 'skip' });
    const { items } = await h.settled(started.batchId, 90_000);
    expect(items.filter((i) => i.state !== 'done').map((i) => `${i.key}: ${i.error?.message ?? i.state}`)).toEqual([]);
    expect(proxy.stats.cuts + proxy.stats.stalls).toBeGreaterThanOrEqual(2);
    expect(walk(dest)).toEqual(['f/_/dot.txt', 'f/__/escape.txt', 'f/double.txt', 'f/normal.txt', 'f/sub/big.bin', 'leading.txt']);
    expect(existsSync(join(dest, 'f', 'empty'))).toBe(true);
    expect(sha256(readFileSync(join(dest, 'f/sub/big.bin')))).toBe(sha256(big));
    expect(readFileSync(join(dest, 'f/__/escape.txt'), 'utf8')).toBe('must stay inside');
    expect(existsSync(join(dest, 'escape.txt'))).toBe(false);
  }, 120_000);

  it('asks about existing files: keep both numbers the new one, skip and overwrite do what they say', async () => {
    writeFileSync(join(dest, 'leading.txt'), 'mine');
    const plan = await h.value('transfers:planDownload', {
      connectionId: h.connectionId,
      bucket: tb.bucket,
      keys: ['/leading.txt', 'dl/f/normal.txt'],
      prefixes: [],
      destination: dest,
    });
    expect(plan.conflictCount).toBe(1);
    const started = await h.value('transfers:startDownload', {
      planId: plan.planId,
      conflict: 'keepBoth',
      choices: [{ name: join(dest, 'normal.txt'), action: 'overwrite' }],
    });
    const { items } = await h.settled(started.batchId);
    expect(items.map((i) => i.state)).toEqual(['done', 'done']);
    expect(readFileSync(join(dest, 'leading.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(dest, 'leading (1).txt'), 'utf8')).toBe('leading slash');

    const again = await h.value('transfers:planDownload', {
      connectionId: h.connectionId,
      bucket: tb.bucket,
      keys: ['/leading.txt'],
      prefixes: [],
      destination: dest,
    });
    const skipped = await h.value('transfers:startDownload', { planId: again.planId, conflict: 'skip' });
    expect(skipped).toMatchObject({ queued: 0, skipped: 1 });
    expect(readFileSync(join(dest, 'leading.txt'), 'utf8')).toBe('mine');
  });

  it('never writes through a symlink planted in the chosen folder: a folder, a temp name or a final name', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'bucket-admin-outside-'));
    try {
      const precious = join(outside, 'precious.txt');
      writeFileSync(precious, 'precious');
      const mtime = statSync(precious).mtimeMs;
      mkdirSync(join(dest, 's'));
      symlinkSync(outside, join(dest, 's', 'planted'));
      symlinkSync(precious, join(dest, 's', '.temp-planted.txt.part-bucketadmin'));
      symlinkSync(precious, join(dest, 's', 'final.txt'));
      const intoLink = await h.call('transfers:planDownload', {
        connectionId: h.connectionId,
        bucket: tb.bucket,
        keys: ['dl/s/fine.txt'],
        prefixes: [],
        destination: join(dest, 's', 'planted'),
      });
      expect(intoLink).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
      const plan = await h.value('transfers:planDownload', {
        connectionId: h.connectionId,
        bucket: tb.bucket,
        keys: [],
        prefixes: ['dl/s/'],
        destination: dest,
      });
      const started = await h.value('transfers:startDownload', { planId: plan.planId, conflict: 'overwrite' });
      const { items } = await h.settled(started.batchId);
      const byName = Object.fromEntries(items.map((i) => [i.name, i]));
      expect(Object.fromEntries(items.map((i) => [i.name, i.state]))).toEqual({
        's/fine.txt': 'done',
        's/planted/through-symlink.txt': 'failed',
        's/planted/marker': 'failed',
        's/temp-planted.txt': 'failed',
        's/final.txt': 'done',
      });
      for (const name of ['s/planted/through-symlink.txt', 's/planted/marker', 's/temp-planted.txt']) {
        expect(byName[name]?.error).toMatchObject({
          code: 'Forbidden',
          message: expect.stringMatching(
            /is a symbolic link, and downloads never write through links.*Remove or rename the link, then retry\./,
          ) as string,
        });
      }
      // Nothing landed outside, and the file the links point to is untouched.
      expect(readdirSync(outside)).toEqual(['precious.txt']);
      expect(readFileSync(precious, 'utf8')).toBe('precious');
      expect(statSync(precious).mtimeMs).toBe(mtime);
      // Overwrite replaced the link at the final name with the download itself.
      expect(lstatSync(join(dest, 's', 'final.txt')).isFile()).toBe(true);
      expect(readFileSync(join(dest, 's', 'final.txt'), 'utf8')).toBe('replaces the link, not its target');
      expect(readFileSync(join(dest, 's', 'fine.txt'), 'utf8')).toBe('fine');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('pauses a large download and resumes it without fetching finished ranges again', async () => {
    proxy.setRule((req) =>
      req.headers.range && !req.headers.range.startsWith('bytes=0-') ? { kind: 'stallResponse', afterBytes: 0 } : { kind: 'pass' },
    );
    const plan = await h.value('transfers:planDownload', {
      connectionId: h.connectionId,
      bucket: tb.bucket,
      keys: ['dl/f/sub/big.bin'],
      prefixes: [],
      destination: dest,
    });
    const started = await h.value('transfers:startDownload', { planId: plan.planId, conflict: 'keepBoth' });
    await h.until(
      async () => ((await h.value('transfers:list', { batchId: started.batchId })).items[0]?.parts?.done ?? 0) >= 1 || undefined,
      'the first range',
    );
    await h.value('transfers:pause', { batchId: started.batchId });
    await h.until(
      async () => (await h.value('transfers:list', { batchId: started.batchId })).items[0]?.state === 'paused' || undefined,
      'the pause',
    );
    expect(existsSync(join(dest, '.big (1).bin.part-bucketadmin')) || existsSync(join(dest, '.big.bin.part-bucketadmin'))).toBe(true);
    proxy.setRule(() => ({ kind: 'pass' }));
    proxy.dropAll();
    const before = proxy.requests.length;
    await h.value('transfers:resume', { batchId: started.batchId });
    const { items } = await h.settled(started.batchId);
    expect(items[0]?.state).toBe('done');
    const again = proxy.requests.slice(before).filter((r) => r.headers.range?.startsWith('bytes=0-'));
    expect(again).toEqual([]);
    expect(sha256(readFileSync(items[0]?.localPath ?? ''))).toBe(sha256(big));
  }, 90_000);
});
