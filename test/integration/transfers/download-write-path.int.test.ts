// The download write path's speed-ups (issue 14) keep their guarantees, in each transfer engine:
// bodies up to 1 MiB are read whole into one pooled buffer (buffered-body.ts), larger ones
// streamed in 64 KiB writes, and a whole GET's size is the write path's own count, so odd sizes
// around those buffers (both paths) and bodies cut at odd offsets must still arrive whole or be
// fetched again; a ranged object with a short last range likewise.
// The containment check of a folder is remembered after its first file, so a folder swapped for a
// link, or removed, between two downloads must still be refused, or created again. The bytes are
// written on the main thread on a local disk, or through the thread pool: both paths are driven.
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MiB } from '../../../src/main/core/s3/part-size';
import { diskWrites } from '../../../src/main/core/transfers/local/disk-writes';
import { transferEngineSchema } from '../../../src/shared/model/connection';
import type { FaultProxy } from '../../support/fault-proxy';
import { createTestBucket, gatewayFromState, putObjects, type GatewayHandle, type TestBucket } from '../../support/s3-test-env';
import { sha256 } from './support/local-files';
import { downloadCore } from './support/download-core';
import type { TransferHarness } from './support/transfer-harness';

let gw: GatewayHandle;
let tb: TestBucket;
const KiB = 1024;
// Around the pool's buffer classes (64 KiB … 1 MiB, the buffered limit) and the socket's read buffer (1 MiB).
const oddSizes = [1, 64 * KiB - 1, 64 * KiB, 64 * KiB + 1, 256 * KiB - 1, 256 * KiB + 1, 512 * KiB + 7, MiB + 3, 3 * MiB + 12_345];
const odd = oddSizes.map((size) => ({ key: `odd/s${size}.bin`, body: randomBytes(size) }));
// Ranged in the tests' settings (above 8 MiB, 5 MiB ranges): the last range is 1 MiB + 1 byte.
const ranged = randomBytes(11 * MiB + 1);
// Each under its own prefix, so each download (prefix `fN/fold/`) writes one file into `fold/`.
const folderFiles = ['a', 'b', 'c'].map((n, i) => ({ key: `f${i}/fold/${n}.txt`, body: Buffer.from(`file ${n}`) }));

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'transfers-download-write');
  await putObjects(tb.client, tb.bucket, [...odd, { key: 'ranged/odd.bin', body: ranged }, ...folderFiles]);
});
afterAll(async () => {
  await tb.cleanup();
});

// Each engine with the bytes written inline (a local disk: `local/disk-writes.ts`), and the fast
// engine once more with every write through the thread pool (a network share, a slow disk).
const writePaths = [
  ...transferEngineSchema.options.map((engine) => ({ engine, inlineDiskWrites: true, name: `${engine} engine` })),
  { engine: 'fast' as const, inlineDiskWrites: false, name: 'fast engine, writes through the thread pool' },
];

describe.each(writePaths)('download write path ($name)', ({ engine, inlineDiskWrites }) => {
  const core = downloadCore(() => gw, engine, 'dlwrite', { inlineDiskWrites });
  let proxy: FaultProxy;
  let h: TransferHarness;
  let dest: string;
  let outside: string;

  beforeAll(() => {
    ({ proxy, h, dest } = core);
    outside = mkdtempSync(join(tmpdir(), 'bucket-admin-dlwrite-outside-'));
  });
  afterAll(() => {
    rmSync(outside, { recursive: true, force: true });
  });

  const download = async (keys: string[], prefixes: string[]) => {
    const plan = await h.value('transfers:planDownload', {
      connectionId: h.connectionId,
      bucket: tb.bucket,
      keys,
      prefixes,
      destination: dest,
    });
    const started = await h.value('transfers:startDownload', { planId: plan.planId, conflict: 'overwrite' });
    return h.settled(started.batchId, 90_000);
  };
  const intoFold = (i: number) => download([], [`f${i}/fold/`]);
  const failures = (items: Array<{ key: string; state: string; error?: { message: string } | null }>) =>
    items.filter((i) => i.state !== 'done').map((i) => `${i.key}: ${i.error?.message ?? i.state}`);

  it('writes bodies of odd sizes around its buffers whole, and fetches again each one cut at an odd offset', async () => {
    const gets = new Map<string, number>();
    proxy.setRule((req) => {
      if (req.method !== 'GET' || !req.target.includes('/odd/s')) return { kind: 'pass' };
      const n = (gets.get(req.target) ?? 0) + 1;
      gets.set(req.target, n);
      const size = Number(/s(\d+)\.bin/.exec(req.target)?.[1] ?? 0);
      // Cut inside the body (the head is a few hundred bytes), past a buffer's worth where there is one.
      return size > 2 && n === 1 ? { kind: 'cutResponse', afterBytes: Math.min(size - 1, 256 * KiB + 333) } : { kind: 'pass' };
    });
    const before = diskWrites.written();
    const { items } = await download([], ['odd/']);
    proxy.setRule(() => ({ kind: 'pass' }));
    expect(failures(items)).toEqual([]);
    // The path this block is about was the one taken (the core runs in this process).
    const inline = diskWrites.written().inline - before.inline;
    if (inlineDiskWrites) expect(inline).toBeGreaterThanOrEqual(oddSizes.length);
    else expect(inline).toBe(0);
    expect(proxy.stats.cuts).toBeGreaterThanOrEqual(oddSizes.length - 1);
    for (const { key, body } of odd) expect(sha256(readFileSync(join(dest, key))), key).toBe(sha256(body));
    expect(readdirSync(join(dest, 'odd')).filter((n) => n.includes('part-bucketadmin'))).toEqual([]);
  }, 120_000);

  it('writes a ranged object whose last range is short, with a range cut at an odd offset fetched again', async () => {
    let cut = false;
    proxy.setRule((req) => {
      if (req.method !== 'GET' || !req.headers.range?.startsWith(`bytes=${10 * MiB}-`) || cut) return { kind: 'pass' };
      cut = true;
      return { kind: 'cutResponse', afterBytes: 512 * KiB + 77 };
    });
    const { items } = await download(['ranged/odd.bin'], []);
    proxy.setRule(() => ({ kind: 'pass' }));
    expect(failures(items)).toEqual([]);
    expect(cut).toBe(true);
    expect(sha256(readFileSync(join(dest, 'odd.bin')))).toBe(sha256(ranged));
  }, 120_000);

  it('checks a folder again after its first file: swapped for a link to outside it is refused, removed it is made again', async () => {
    const folder = join(dest, 'fold');
    const first = await intoFold(0);
    expect(failures(first.items)).toEqual([]);
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('file a');

    // The checked folder becomes a link to a folder outside the chosen one.
    renameSync(folder, join(dest, 'fold-moved'));
    symlinkSync(outside, folder);
    const second = await intoFold(1);
    expect(second.items[0]).toMatchObject({ state: 'failed', error: { code: 'Forbidden' } });
    expect(readdirSync(outside)).toEqual([]);

    // Gone altogether: created again, not assumed to be there.
    rmSync(folder);
    rmSync(join(dest, 'fold-moved'), { recursive: true });
    const third = await intoFold(2);
    expect(failures(third.items)).toEqual([]);
    expect(readFileSync(join(folder, 'c.txt'), 'utf8')).toBe('file c');
    expect(existsSync(join(folder, 'a.txt'))).toBe(false);

    // A real folder in the link's place again: the next file goes into it.
    const fourth = await intoFold(1);
    expect(failures(fourth.items)).toEqual([]);
    expect(readFileSync(join(folder, 'b.txt'), 'utf8')).toBe('file b');
    expect(readdirSync(outside)).toEqual([]);
  }, 120_000);
});
