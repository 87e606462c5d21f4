import { randomBytes } from 'node:crypto';
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { HeadObjectCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MiB } from '../../../src/main/core/s3/part-size';
import { isUploadPart, partNumberOf, startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { createTestBucket, gatewayFromState, type GatewayHandle, type TestBucket } from '../../support/s3-test-env';
import { makeTree, objectSha256, sha256 } from './support/local-files';
import { startTransferCore, type TransferHarness } from './support/transfer-harness';
import { putTimesBack } from '../../support/file-times';

// A file rewritten in place with its modification time put back (cp -p, rsync -t --inplace)
// looks unchanged by size and mtime. Uploaded in parts, it must never end as a mix of both
// versions reported done.

let gw: GatewayHandle;
let tb: TestBucket;
let proxy: FaultProxy;
const trees: string[] = [];
const size = 15 * MiB;
/** One part at a time, so "between parts" is a well-defined moment. */
const serial = { maxPartsPerFile: 1, maxConcurrentRequests: 1 };

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'transfers-torn');
  proxy = await startFaultProxy(gw.endpoint);
});
afterEach(() => proxy.setRule(() => ({ kind: 'pass' })));
afterAll(async () => {
  await proxy.close();
  await tb.cleanup();
  for (const t of trees) rmSync(t, { recursive: true, force: true });
});

/** Writes new bytes over the whole file (same inode, same size), then restores its times as cp -p does. */
function rewriteKeepingMtime(file: string): string {
  const before = statSync(file);
  const body = randomBytes(before.size);
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, body, 0, body.length, 0);
  } finally {
    closeSync(fd);
  }
  putTimesBack(file, before);
  expect(Math.trunc(statSync(file).mtimeMs)).toBe(Math.trunc(before.mtimeMs));
  return sha256(body);
}

/** Rewrites the file each time part 1's answer arrives (part 1 then holds the old bytes), `times` times. */
function rewriteAfterPartOne(file: string, times: number): { shas: string[] } {
  const out = { shas: [] as string[] };
  proxy.setRule((req) => {
    if (!isUploadPart(req) || partNumberOf(req) !== 1 || out.shas.length >= times) return { kind: 'pass' };
    return {
      kind: 'holdResponse',
      onHeld: (release) => {
        out.shas.push(rewriteKeepingMtime(file));
        release();
      },
    };
  });
  return out;
}

async function upload(core: TransferHarness, file: string, prefix: string) {
  core.drop(file);
  const plan = await core.value('transfers:planUpload', { connectionId: core.connectionId, bucket: tb.bucket, prefix, paths: [file] });
  return core.value('transfers:startUpload', { planId: plan.planId, conflict: 'overwrite' });
}

const uploadsUnder = async (prefix: string) =>
  (await tb.client.send(new ListMultipartUploadsCommand({ Bucket: tb.bucket, Prefix: prefix }))).Uploads ?? [];

describe('a file rewritten in place during its upload, mtime restored', () => {
  for (const compatibility of [true, false]) {
    const mode = compatibility ? 'Content-MD5' : 'CRC32';
    it(`restarts and uploads the new version, and says why (${mode})`, async () => {
      const h = await startTransferCore({ gw, endpoint: proxy.endpoint, transfers: serial, checksumCompatibility: compatibility });
      try {
        const { root } = makeTree({ 'cut.mov': size }, 'torn');
        trees.push(root);
        const file = join(root, 'cut.mov');
        const rewrites = rewriteAfterPartOne(file, 1);
        const prefix = `public/torn-${mode}/`;
        const started = await upload(h, file, prefix);
        const { items } = await h.settled(started.batchId);
        expect(rewrites.shas).toHaveLength(1);
        expect(items[0]).toMatchObject({
          state: 'done',
          notice: expect.stringMatching(/changed while it was being uploaded.*restarted from the beginning/) as string,
        });
        expect(await objectSha256(tb.client, tb.bucket, `${prefix}cut.mov`)).toBe(rewrites.shas[0]);
        expect(await uploadsUnder(prefix)).toEqual([]);
      } finally {
        h.close();
      }
    }, 90_000);
  }

  it('fails with a clear message after a bounded number of restarts when it keeps changing, leaving nothing', async () => {
    const h = await startTransferCore({ gw, endpoint: proxy.endpoint, transfers: serial });
    try {
      const { root } = makeTree({ 'live.mov': size }, 'torn-live');
      trees.push(root);
      const file = join(root, 'live.mov');
      const rewrites = rewriteAfterPartOne(file, 100);
      const started = await upload(h, file, 'public/torn-live/');
      const { items } = await h.settled(started.batchId);
      expect(items[0]).toMatchObject({
        state: 'failed',
        error: { code: 'Conflict', message: expect.stringMatching(/kept changing while it was being uploaded.*Retry once/) as string },
      });
      expect(rewrites.shas.length).toBeGreaterThan(1);
      expect(rewrites.shas.length).toBeLessThan(10);
      expect(await uploadsUnder('public/torn-live/')).toEqual([]);
      await expect(tb.client.send(new HeadObjectCommand({ Bucket: tb.bucket, Key: 'public/torn-live/live.mov' }))).rejects.toMatchObject({
        name: 'NotFound',
      });
    } finally {
      h.close();
    }
  }, 120_000);

  it('rewritten while the app was closed: resume re-checks the parts sent before and restarts', async () => {
    const { root } = makeTree({ 'resume.mov': size }, 'torn-resume');
    trees.push(root);
    const file = join(root, 'resume.mov');
    const first = await startTransferCore({ gw, endpoint: proxy.endpoint, transfers: serial });
    // Part 1 goes through, part 2 stalls: the quit comes with part 1 in the journal.
    proxy.setRule((req) => (isUploadPart(req) && partNumberOf(req) !== 1 ? { kind: 'stall', afterBytes: 1024 } : { kind: 'pass' }));
    const started = await upload(first, file, 'private/torn-resume/');
    await first.until(
      async () => ((await first.value('transfers:list', { batchId: started.batchId })).items[0]?.parts?.done ?? 0) >= 1 || undefined,
      'part 1',
    );
    first.close({ keepData: true });
    proxy.setRule(() => ({ kind: 'pass' }));
    proxy.dropAll();
    const sha = rewriteKeepingMtime(file);

    const second = await startTransferCore({ gw, endpoint: proxy.endpoint, dataDir: first.dataDir, connectionId: first.connectionId });
    try {
      await second.value('transfers:resume', { batchId: started.batchId });
      const { items } = await second.settled(started.batchId);
      expect(items[0]).toMatchObject({ state: 'done', notice: expect.stringMatching(/changed.*restarted from the beginning/) as string });
      expect(await objectSha256(tb.client, tb.bucket, 'private/torn-resume/resume.mov')).toBe(sha);
      expect(await uploadsUnder('private/torn-resume/')).toEqual([]);
    } finally {
      second.close();
    }
  }, 90_000);
});
