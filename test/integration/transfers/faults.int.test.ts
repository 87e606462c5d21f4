import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MiB } from '../../../src/main/core/s3/part-size';
import { transferEngineSchema } from '../../../src/shared/model/connection';
import { isUploadPart, partNumberOf, startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { createTestBucket, gatewayFromState, type GatewayHandle, type TestBucket } from '../../support/s3-test-env';
import { makeTree, objectSha256 } from './support/local-files';
import { startTransferCore, type TransferHarness } from './support/transfer-harness';

const trees: string[] = [];

afterAll(() => {
  for (const t of trees) rmSync(t, { recursive: true, force: true });
});

// The core cases in each transfer engine: cuts, stalls, throttling, pause and resume, cancel.
describe.each(transferEngineSchema.options)('uploads through a failing network (%s engine)', (engine) => {
  let gw: GatewayHandle;
  let tb: TestBucket;
  let proxy: FaultProxy;
  let h: TransferHarness;

  beforeAll(async () => {
    gw = gatewayFromState();
    tb = await createTestBucket(gw, `transfers-faults-${engine}`);
    proxy = await startFaultProxy(gw.endpoint);
    h = await startTransferCore({ gw, endpoint: proxy.endpoint, transferEngine: engine });
  });
  afterEach(() => proxy.setRule(() => ({ kind: 'pass' })));
  afterAll(async () => {
    h.close();
    await proxy.close();
    await tb.cleanup();
  });

  async function upload(paths: string[], prefix: string) {
    h.drop(...paths);
    const plan = await h.value('transfers:planUpload', { connectionId: h.connectionId, bucket: tb.bucket, prefix, paths });
    return h.value('transfers:startUpload', { planId: plan.planId, conflict: 'overwrite' });
  }

  it('completes with identical bytes when connections are cut mid-part and stalled', async () => {
    const { root, sha } = makeTree({ 'big.bin': 40 * MiB, 'small.txt': 300_000 }, 'faults');
    trees.push(root);
    const tries = new Map<string, number>();
    proxy.setRule((req) => {
      const part = isUploadPart(req)
        ? `part${partNumberOf(req) ?? 0}`
        : req.method === 'PUT' && req.target.includes('small.txt')
          ? 'small'
          : '';
      const n = (tries.get(part) ?? 0) + 1;
      tries.set(part, n);
      if ((part === 'part2' || part === 'part6') && n === 1) return { kind: 'cut', afterBytes: 1 * MiB };
      if (part === 'part3' && n <= 2) return { kind: 'stall', afterBytes: 512 * 1024 };
      if (part === 'small' && n === 1) return { kind: 'cut', afterBytes: 100_000 };
      return { kind: 'pass' };
    });
    const started = await upload([join(root, 'big.bin'), join(root, 'small.txt')], 'public/faults/');
    const { items } = await h.settled(started.batchId, 90_000);
    expect(items.map((i) => [i.name, i.state, i.error?.message])).toEqual([
      ['big.bin', 'done', undefined],
      ['small.txt', 'done', undefined],
    ]);
    expect(proxy.stats.cuts).toBeGreaterThanOrEqual(3);
    expect(proxy.stats.stalls).toBeGreaterThanOrEqual(2);
    expect(items[0]?.attempts).toBeGreaterThanOrEqual(4);
    expect(await objectSha256(tb.client, tb.bucket, 'public/faults/big.bin')).toBe(sha['big.bin']);
    expect(await objectSha256(tb.client, tb.bucket, 'public/faults/small.txt')).toBe(sha['small.txt']);
  }, 120_000);

  it('retries throttling (503 SlowDown) and server errors with backoff', async () => {
    const { root, sha } = makeTree({ 'slow.bin': 12 * MiB }, 'slowdown');
    trees.push(root);
    let refusals = 0;
    proxy.setRule((req) => {
      if (isUploadPart(req) && refusals < 3) {
        refusals += 1;
        const code = refusals === 2 ? 'InternalError' : 'SlowDown';
        return {
          kind: 'respond',
          status: refusals === 2 ? 500 : 503,
          body: `<Error><Code>${code}</Code><Message>Please reduce your request rate.</Message></Error>`,
          headers: { connection: 'close' },
        };
      }
      return { kind: 'pass' };
    });
    const started = await upload([join(root, 'slow.bin')], 'public/slow/');
    const { items } = await h.settled(started.batchId);
    expect(items[0]).toMatchObject({ state: 'done' });
    expect(items[0]?.attempts).toBeGreaterThanOrEqual(3);
    expect(await objectSha256(tb.client, tb.bucket, 'public/slow/slow.bin')).toBe(sha['slow.bin']);
  });

  it('pause keeps the multipart upload; resume sends only the missing parts', async () => {
    const { root, sha } = makeTree({ 'pause.bin': 20 * MiB }, 'pause');
    trees.push(root);
    proxy.setRule((req) => (isUploadPart(req) && partNumberOf(req) !== 1 ? { kind: 'stall', afterBytes: 1024 } : { kind: 'pass' }));
    const started = await upload([join(root, 'pause.bin')], 'private/pause/');
    await h.until(
      async () => ((await h.value('transfers:list', { batchId: started.batchId })).items[0]?.parts?.done ?? 0) >= 1 || undefined,
      'part 1',
    );
    expect(await h.value('transfers:pause', { batchId: started.batchId })).toEqual({ changed: 1 });
    await h.until(
      async () => (await h.value('transfers:list', { batchId: started.batchId })).items[0]?.state === 'paused' || undefined,
      'the pause',
    );
    const listed = await tb.client.send(new ListMultipartUploadsCommand({ Bucket: tb.bucket, Prefix: 'private/pause/' }));
    expect(listed.Uploads?.length).toBe(1);
    proxy.setRule(() => ({ kind: 'pass' }));
    proxy.dropAll();
    const before = proxy.requests.length;
    expect(await h.value('transfers:resume', { all: true })).toEqual({ changed: 1 });
    const { items } = await h.settled(started.batchId);
    expect(items[0]?.state).toBe('done');
    expect(proxy.requests.slice(before).filter(isUploadPart).map(partNumberOf).sort()).toEqual([2, 3, 4]);
    expect(await objectSha256(tb.client, tb.bucket, 'private/pause/pause.bin')).toBe(sha['pause.bin']);
    expect(await h.value('transfers:clear', { batchId: started.batchId })).toEqual({ changed: 1 });
    expect((await h.value('transfers:list', { batchId: started.batchId })).items).toEqual([]);
  });

  it('a paused upload is still paused after a restart, with the parts it sent counted', async () => {
    const { root, sha } = makeTree({ 'restart.bin': 20 * MiB }, 'restart');
    trees.push(root);
    proxy.setRule((req) => (isUploadPart(req) && partNumberOf(req) !== 1 ? { kind: 'stall', afterBytes: 1024 } : { kind: 'pass' }));
    const started = await upload([join(root, 'restart.bin')], 'private/restart/');
    const one = async () => (await h.value('transfers:list', { batchId: started.batchId })).items[0];
    await h.until(async () => ((await one())?.parts?.done ?? 0) >= 1 || undefined, 'part 1');
    await h.value('transfers:pause', { batchId: started.batchId });
    await h.until(async () => (await one())?.state === 'paused' || undefined, 'the pause');
    const partSize = (await one())?.bytesDone ?? 0;
    expect(partSize).toBeGreaterThan(0);

    // The app quits and starts again on the same data folder.
    h.close({ keepData: true });
    proxy.setRule(() => ({ kind: 'pass' }));
    proxy.dropAll();
    h = await startTransferCore({ gw, endpoint: proxy.endpoint, transferEngine: engine, dataDir: h.dataDir, connectionId: h.connectionId });
    const restored = await one();
    expect(restored).toMatchObject({ state: 'paused', bytesDone: partSize, parts: { done: 1, total: Math.ceil((20 * MiB) / partSize) } });
    // Paused by the user is not "interrupted": the restart banner does not offer it again.
    expect(await h.value('transfers:interrupted', {})).toMatchObject({ itemCount: 0 });

    const before = proxy.requests.length;
    expect(await h.value('transfers:resume', { batchId: started.batchId })).toEqual({ changed: 1 });
    const { items } = await h.settled(started.batchId);
    expect(items[0]?.state).toBe('done');
    expect(proxy.requests.slice(before).filter(isUploadPart).map(partNumberOf)).not.toContain(1);
    expect(await objectSha256(tb.client, tb.bucket, 'private/restart/restart.bin')).toBe(sha['restart.bin']);
  });

  it('cancel aborts the multipart upload: nothing is left on the server', async () => {
    const { root } = makeTree({ 'cancel-me.bin': 30 * MiB }, 'cancel');
    trees.push(root);
    // Part 1 goes through; every other part stalls, so the upload is surely mid-way when cancelled.
    proxy.setRule((req) => (isUploadPart(req) && partNumberOf(req) !== 1 ? { kind: 'stall', afterBytes: 64 * 1024 } : { kind: 'pass' }));
    const started = await upload([join(root, 'cancel-me.bin')], 'private/cancel/');
    await h.until(async () => {
      const page = await h.value('transfers:list', { batchId: started.batchId });
      return (page.items[0]?.parts?.done ?? 0) >= 1 ? true : undefined;
    }, 'the first part to finish');
    const listed = await tb.client.send(new ListMultipartUploadsCommand({ Bucket: tb.bucket, Prefix: 'private/cancel/' }));
    expect(listed.Uploads?.length).toBe(1);
    expect(await h.value('transfers:cancel', { batchId: started.batchId })).toEqual({ changed: 1 });
    const { items } = await h.settled(started.batchId);
    expect(items[0]?.state).toBe('cancelled');
    await h.until(
      async () => {
        const after = await tb.client.send(new ListMultipartUploadsCommand({ Bucket: tb.bucket, Prefix: 'private/cancel/' }));
        return (after.Uploads ?? []).length === 0 ? true : undefined;
      },
      'ListMultipartUploads to be empty',
      30_000,
    );
  }, 90_000);
});
