// Small whole GETs (issue 14) are read into memory, checked there, and written with one call:
// a damaged body (same length, wrong bytes) or a cut one is fetched again and never written, a
// small download paused while its answer is on the way leaves nothing behind and resumes whole,
// the file gets the object's Last-Modified as its mtime like a streamed one, and a full disk
// fails it with the plain message. A plan finds existing files by listing their folder once.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MiB } from '../../../src/main/core/s3/part-size';
import { transferEngineSchema } from '../../../src/shared/model/connection';
import type { FaultProxy } from '../../support/fault-proxy';
import { createTestBucket, gatewayFromState, putObjects, type GatewayHandle, type TestBucket } from '../../support/s3-test-env';
import { sha256 } from './support/local-files';
import { downloadCore } from './support/download-core';
import { mountSmallDisk } from './support/small-disk';
import { scriptedDialogs } from './support/scripted-dialogs';
import { startTransferCore, type TransferHarness } from './support/transfer-harness';

let gw: GatewayHandle;
let tb: TestBucket;
const text = 'small body, checked in memory before it is written\n'.repeat(400);
const small = { key: 'buf/small.txt', body: Buffer.from(text) };
// Above the buffered limit (1 MiB) and below the tests' ranged threshold (8 MiB): streamed.
const streamed = { key: 'buf/streamed.bin', body: randomBytes(2 * MiB + 5) };
const paused = { key: 'hold/paused.bin', body: randomBytes(300 * 1024) };
// Exactly the buffered limit: read into memory, so the bandwidth limit must apply while it is.
const limited = { key: 'limit/one-mib.bin', body: randomBytes(MiB) };
const md5 = (b: Buffer | string) => createHash('md5').update(b).digest('hex');

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'transfers-download-buffered');
  await putObjects(tb.client, tb.bucket, [small, streamed, paused, limited]);
});
afterAll(async () => {
  await tb.cleanup();
});

describe.each(transferEngineSchema.options)('buffered small downloads (%s engine)', (engine) => {
  const core = downloadCore(() => gw, engine, 'dlbuf');
  let proxy: FaultProxy;
  let h: TransferHarness;
  let dest: string;

  beforeAll(() => {
    ({ proxy, h, dest } = core);
  });

  const start = async (keys: string[]) => {
    const plan = await h.value('transfers:planDownload', {
      connectionId: h.connectionId,
      bucket: tb.bucket,
      keys,
      prefixes: [],
      destination: dest,
    });
    return h.value('transfers:startDownload', { planId: plan.planId, conflict: 'overwrite' });
  };
  const leftovers = () => readdirSync(dest).filter((n) => n.includes('part-bucketadmin'));

  it('fetches again a body that arrives damaged (right length, wrong bytes) and one cut short, and writes only the whole one', async () => {
    let gets = 0;
    proxy.setRule((req) => {
      if (req.method !== 'GET' || !req.target.includes('/buf/small.txt')) return { kind: 'pass' };
      gets += 1;
      // First a body of the same length with other bytes under the real ETag, then a cut one, then the real one.
      if (gets === 1)
        return {
          kind: 'respond',
          status: 200,
          headers: { etag: `"${md5(text)}"`, 'content-type': 'text/plain' },
          body: text.replace(/s/g, 'z'),
        };
      if (gets === 2) return { kind: 'cutResponse', afterBytes: 4000 };
      return { kind: 'pass' };
    });
    const { batchId } = await start([small.key]);
    const { items } = await h.settled(batchId);
    proxy.setRule(() => ({ kind: 'pass' }));
    expect(items[0]?.state).toBe('done');
    expect(gets).toBe(3);
    expect(readFileSync(join(dest, 'small.txt'), 'utf8')).toBe(text);
    expect(items[0]?.bytesDone).toBe(small.body.length);
    expect(leftovers()).toEqual([]);
  });

  it('gives a buffered file and a streamed one the object’s Last-Modified as their mtime', async () => {
    const { batchId } = await start([small.key, streamed.key]);
    const { items } = await h.settled(batchId);
    expect(items.map((i) => i.state)).toEqual(['done', 'done']);
    expect(sha256(readFileSync(join(dest, 'streamed.bin')))).toBe(sha256(streamed.body));
    for (const [key, name] of [
      [small.key, 'small.txt'],
      [streamed.key, 'streamed.bin'],
    ] as const) {
      const head = await tb.client.send(new HeadObjectCommand({ Bucket: tb.bucket, Key: key }));
      expect(statSync(join(dest, name)).mtimeMs, name).toBe(head.LastModified?.getTime());
    }
  });

  it('holds a buffered body to the bandwidth limit while it is read into memory', async () => {
    await h.value('settings:set', { patch: { bandwidthLimitMiBps: 1 } });
    try {
      const started = performance.now();
      const { batchId } = await start([limited.key]);
      const { items } = await h.settled(batchId);
      const seconds = (performance.now() - started) / 1000;
      expect(items[0]?.state).toBe('done');
      // 1 MiB at 1 MiB/s, less the bucket's 50 ms of burst.
      expect(seconds).toBeGreaterThanOrEqual(0.9);
      expect(sha256(readFileSync(join(dest, 'one-mib.bin')))).toBe(sha256(limited.body));
    } finally {
      await h.value('settings:set', { patch: { bandwidthLimitMiBps: null } });
    }
  });

  it('pauses a small download while its answer is on the way, leaving nothing on disk, and resumes it whole', async () => {
    let held = false;
    proxy.setRule((req) => {
      if (req.method !== 'GET' || !req.target.includes('/hold/paused.bin') || held) return { kind: 'pass' };
      held = true;
      // Never released: the paused request is aborted, and the resumed one passes.
      return { kind: 'holdResponse', onHeld: () => undefined };
    });
    const { batchId } = await start([paused.key]);
    await h.until(() => Promise.resolve(held || undefined), 'the held answer');
    await h.value('transfers:pause', { batchId });
    await h.until(async () => (await h.value('transfers:list', { batchId })).items[0]?.state === 'paused' || undefined, 'the pause');
    expect(existsSync(join(dest, 'paused.bin'))).toBe(false);
    expect(leftovers()).toEqual([]);
    await h.value('transfers:resume', { batchId });
    const { items } = await h.settled(batchId);
    proxy.setRule(() => ({ kind: 'pass' }));
    expect(items[0]?.state).toBe('done');
    expect(sha256(readFileSync(join(dest, 'paused.bin')))).toBe(sha256(paused.body));
  });
});

describe('buffered downloads and the local disk', () => {
  it('a plan lists a folder of many planned files once and reports exactly the files that exist there', async () => {
    const dest = mkdtempSync(join(tmpdir(), 'bucket-admin-dlbuf-plan-'));
    const keys = Array.from({ length: 6 }, (_, i) => `plan/f${i}.txt`);
    await putObjects(
      tb.client,
      tb.bucket,
      keys.map((key) => ({ key, body: key })),
    );
    const h = await startTransferCore({ gw, dialogs: scriptedDialogs({ downloadFolder: dest }) });
    try {
      await h.value('dialogs:chooseDownloadFolder', {});
      mkdirSync(join(dest, 'plan'));
      writeFileSync(join(dest, 'plan', 'f1.txt'), 'mine');
      writeFileSync(join(dest, 'plan', 'f4.txt'), 'mine too');
      // Another file on a case-sensitive disk: a candidate by name, not a conflict.
      writeFileSync(join(dest, 'plan', 'F2.TXT'), 'not f2');
      const plan = await h.value('transfers:planDownload', {
        connectionId: h.connectionId,
        bucket: tb.bucket,
        keys: [],
        prefixes: ['plan/'],
        destination: dest,
      });
      expect(plan.conflicts.map((c) => [c.name, c.existing?.size])).toEqual([
        ['plan/f1.txt', 4],
        ['plan/f4.txt', 8],
      ]);
      const { batchId } = await h.value('transfers:startDownload', { planId: plan.planId, conflict: 'skip' });
      const { items } = await h.settled(batchId);
      expect(items.map((i) => i.state)).toEqual(['done', 'skipped', 'done', 'done', 'skipped', 'done']);
      expect(readFileSync(join(dest, 'plan', 'F2.TXT'), 'utf8')).toBe('not f2');
      expect(readFileSync(join(dest, 'plan', 'f2.txt'), 'utf8')).toBe('plan/f2.txt');
    } finally {
      h.close();
      rmSync(dest, { recursive: true, force: true });
    }
  });

  it('a full disk fails a buffered download with the plain message and removes its partial file; the next file still arrives', async () => {
    const disk = mountSmallDisk('1536k');
    const mount = disk.path;
    const h = await startTransferCore({ gw, dialogs: scriptedDialogs({ downloadFolder: mount }), transfers: { maxActiveFiles: 1 } });
    try {
      // Both 1 MiB bodies are buffered (at most 1 MiB); the second finds only half a MiB free.
      await putObjects(tb.client, tb.bucket, [
        { key: 'full/a.bin', body: Buffer.alloc(MiB, 1) },
        { key: 'full/b.bin', body: Buffer.alloc(MiB, 2) },
        { key: 'full/c.txt', body: 'z'.repeat(10_000) },
      ]);
      await h.value('dialogs:chooseDownloadFolder', {});
      const plan = await h.value('transfers:planDownload', {
        connectionId: h.connectionId,
        bucket: tb.bucket,
        keys: [],
        prefixes: ['full/'],
        destination: mount,
      });
      const { batchId } = await h.value('transfers:startDownload', { planId: plan.planId, conflict: 'overwrite' });
      const { items } = await h.settled(batchId);
      expect(items.map((i) => [i.name, i.state])).toEqual([
        ['full/a.bin', 'done'],
        ['full/b.bin', 'failed'],
        ['full/c.txt', 'done'],
      ]);
      expect(items[1]?.error?.message).toMatch(/The disk is full.*partial download was removed.*Free some space, then retry/);
      expect(readdirSync(join(mount, 'full')).sort()).toEqual(['a.bin', 'c.txt']);
    } finally {
      h.close();
      disk.remove();
    }
  });
});
