import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { AbortMultipartUploadCommand, CreateMultipartUploadCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MiB } from '../../../src/main/core/s3/part-size';
import {
  isCompleteMultipart,
  isCreateMultipart,
  isUploadPart,
  partNumberOf,
  startFaultProxy,
  type FaultProxy,
} from '../../support/fault-proxy';
import { createTestBucket, gatewayFromState, type GatewayHandle, type TestBucket } from '../../support/s3-test-env';
import { makeTree, objectSha256 } from './support/local-files';
import { startTransferCore, type TransferHarness } from './support/transfer-harness';

// Incomplete multipart uploads cost storage until aborted, and nothing lists them in the app.
// These tests lose or hold the CreateMultipartUpload answer (the server made the upload, the
// client never learns its id) and check that no upload is left behind in any state.

let gw: GatewayHandle;
let tb: TestBucket;
let proxy: FaultProxy;
let h: TransferHarness;
const trees: string[] = [];

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'transfers-orphans');
  proxy = await startFaultProxy(gw.endpoint);
  h = await startTransferCore({ gw, endpoint: proxy.endpoint });
});
afterEach(() => proxy.setRule(() => ({ kind: 'pass' })));
afterAll(async () => {
  h.close();
  await proxy.close();
  await tb.cleanup();
  for (const t of trees) rmSync(t, { recursive: true, force: true });
});

async function upload(core: TransferHarness, paths: string[], prefix: string) {
  core.drop(...paths);
  const plan = await core.value('transfers:planUpload', { connectionId: core.connectionId, bucket: tb.bucket, prefix, paths });
  return core.value('transfers:startUpload', { planId: plan.planId, conflict: 'overwrite' });
}

/** Upload ids in progress for exactly `key` (the listing also returns longer keys). */
async function uploadsOf(key: string): Promise<string[]> {
  const out = await tb.client.send(new ListMultipartUploadsCommand({ Bucket: tb.bucket, Prefix: key }));
  return (out.Uploads ?? []).filter((u) => u.Key === key).map((u) => u.UploadId ?? '');
}

const noUploadsLeft = (core: TransferHarness, key: string) =>
  core.until(async () => ((await uploadsOf(key)).length === 0 ? true : undefined), `no multipart upload left for ${key}`, 20_000);

/** A rule that holds the first CreateMultipartUpload answer; resolves once the server has made the upload. */
function holdFirstCreate(): Promise<() => void> {
  return new Promise((held) => {
    let seen = false;
    proxy.setRule((req) => {
      if (!isCreateMultipart(req) || seen) return { kind: 'pass' };
      seen = true;
      return { kind: 'holdResponse', onHeld: held };
    });
  });
}

const stateOf = async (core: TransferHarness, batchId: string) => (await core.value('transfers:list', { batchId })).items[0]?.state;

describe('a lost CreateMultipartUpload answer', () => {
  it('the retry completes and the first upload is aborted; another item’s upload and longer keys are left alone', async () => {
    const key = 'private/orphans/lost.bin';
    const { root, sha } = makeTree({ 'a/lost.bin': 12 * MiB, 'b/lost.bin': 12 * MiB }, 'orphan-lost');
    trees.push(root);
    // Someone else's upload of a longer key: ListMultipartUploads with the key as prefix returns it.
    const longer = await tb.client.send(new CreateMultipartUploadCommand({ Bucket: tb.bucket, Key: `${key}.bak` }));
    try {
      // Another item of ours, paused after its first part, holds an upload of the same key.
      proxy.setRule((req) => (isUploadPart(req) && partNumberOf(req) !== 1 ? { kind: 'stall', afterBytes: 1024 } : { kind: 'pass' }));
      const other = await upload(h, [join(root, 'b/lost.bin')], 'private/orphans/');
      await h.until(
        async () => ((await h.value('transfers:list', { batchId: other.batchId })).items[0]?.parts?.done ?? 0) >= 1 || undefined,
        'the other item’s first part',
      );
      await h.value('transfers:pause', { batchId: other.batchId });
      await h.until(async () => ((await stateOf(h, other.batchId)) === 'paused' ? true : undefined), 'the pause');
      const othersUpload = await uploadsOf(key);
      expect(othersUpload).toHaveLength(1);

      let creates = 0;
      proxy.setRule((req) => {
        if (!isCreateMultipart(req)) return { kind: 'pass' };
        creates += 1;
        // The server makes the upload; its answer is cut after one byte.
        return creates === 1 ? { kind: 'cutResponse', afterBytes: 1 } : { kind: 'pass' };
      });
      proxy.dropAll();
      const started = await upload(h, [join(root, 'a/lost.bin')], 'private/orphans/');
      const { items } = await h.settled(started.batchId);
      expect(items.map((i) => [i.state, i.error?.message])).toEqual([['done', undefined]]);
      expect(creates).toBe(2);
      expect(await objectSha256(tb.client, tb.bucket, key)).toBe(sha['a/lost.bin']);
      // The stray of the lost answer is gone; the paused item's upload and the longer key are not.
      expect(await uploadsOf(key)).toEqual(othersUpload);
      expect(await uploadsOf(`${key}.bak`)).toEqual([longer.UploadId]);

      expect(await h.value('transfers:cancel', { batchId: other.batchId })).toEqual({ changed: 1 });
      await noUploadsLeft(h, key);
      expect(await uploadsOf(`${key}.bak`)).toEqual([longer.UploadId]);
    } finally {
      await tb.client.send(new AbortMultipartUploadCommand({ Bucket: tb.bucket, Key: `${key}.bak`, UploadId: longer.UploadId }));
    }
  }, 90_000);
});

describe('cancel leaves no multipart upload behind', () => {
  it('while the CreateMultipartUpload answer is pending', async () => {
    const key = 'private/orphans/creating.bin';
    const { root } = makeTree({ 'creating.bin': 12 * MiB }, 'orphan-creating');
    trees.push(root);
    const held = holdFirstCreate();
    const started = await upload(h, [join(root, 'creating.bin')], 'private/orphans/');
    const release = await held;
    expect(await uploadsOf(key)).toHaveLength(1);
    expect(await h.value('transfers:cancel', { batchId: started.batchId })).toEqual({ changed: 1 });
    const { items } = await h.settled(started.batchId);
    expect(items[0]?.state).toBe('cancelled');
    release();
    await noUploadsLeft(h, key);
  }, 60_000);

  it('when paused while the answer was pending', async () => {
    const key = 'private/orphans/paused.bin';
    const { root } = makeTree({ 'paused.bin': 12 * MiB }, 'orphan-paused');
    trees.push(root);
    const held = holdFirstCreate();
    const started = await upload(h, [join(root, 'paused.bin')], 'private/orphans/');
    const release = await held;
    expect(await h.value('transfers:pause', { batchId: started.batchId })).toEqual({ changed: 1 });
    await h.until(async () => ((await stateOf(h, started.batchId)) === 'paused' ? true : undefined), 'the pause');
    release();
    expect(await uploadsOf(key)).toHaveLength(1);
    expect(await h.value('transfers:cancel', { batchId: started.batchId })).toEqual({ changed: 1 });
    await noUploadsLeft(h, key);
  }, 60_000);

  it('while completing', async () => {
    const key = 'private/orphans/completing.bin';
    const { root } = makeTree({ 'completing.bin': 12 * MiB }, 'orphan-completing');
    trees.push(root);
    // The CompleteMultipartUpload body never reaches the server.
    proxy.setRule((req) => (isCompleteMultipart(req) ? { kind: 'stall', afterBytes: 0 } : { kind: 'pass' }));
    const started = await upload(h, [join(root, 'completing.bin')], 'private/orphans/');
    await h.until(
      () => Promise.resolve(proxy.requests.some((r) => isCompleteMultipart(r) && r.target.includes('completing.bin')) ? true : undefined),
      'the complete request',
    );
    expect(await uploadsOf(key)).toHaveLength(1);
    expect(await h.value('transfers:cancel', { batchId: started.batchId })).toEqual({ changed: 1 });
    expect((await h.settled(started.batchId)).items[0]?.state).toBe('cancelled');
    await noUploadsLeft(h, key);
  }, 60_000);
});

describe('quit while the CreateMultipartUpload answer was pending', () => {
  for (const then of ['resume', 'cancel'] as const) {
    it(`at the next start, ${then} leaves no stray upload`, async () => {
      const key = `private/orphans/quit-${then}.bin`;
      const { root, sha } = makeTree({ [`quit-${then}.bin`]: 12 * MiB }, `orphan-quit-${then}`);
      trees.push(root);
      const first = await startTransferCore({ gw, endpoint: proxy.endpoint });
      const held = holdFirstCreate();
      const started = await upload(first, [join(root, `quit-${then}.bin`)], 'private/orphans/');
      const release = await held;
      first.close({ keepData: true });
      release();
      proxy.setRule(() => ({ kind: 'pass' }));
      expect(await uploadsOf(key)).toHaveLength(1);

      const second = await startTransferCore({ gw, endpoint: proxy.endpoint, dataDir: first.dataDir, connectionId: first.connectionId });
      try {
        expect(await stateOf(second, started.batchId)).toBe('interrupted');
        if (then === 'resume') {
          expect(await second.value('transfers:resume', { batchId: started.batchId })).toEqual({ changed: 1 });
          const { items } = await second.settled(started.batchId);
          expect(items.map((i) => [i.state, i.error?.message])).toEqual([['done', undefined]]);
          expect(await objectSha256(tb.client, tb.bucket, key)).toBe(sha[`quit-${then}.bin`]);
          expect(await uploadsOf(key)).toEqual([]);
        } else {
          expect(await second.value('transfers:cancel', { batchId: started.batchId })).toEqual({ changed: 1 });
          await noUploadsLeft(second, key);
        }
      } finally {
        second.close();
      }
    }, 60_000);
  }
});
