import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBucket, gatewayFromState, putObjects, type GatewayHandle, type TestBucket } from '../../support/s3-test-env';
import { makeTree, objectSha256, sha256 } from './support/local-files';
import { startTransferCore, type TransferHarness } from './support/transfer-harness';

let gw: GatewayHandle;
let tb: TestBucket;
let h: TransferHarness;
const cleanups: string[] = [];

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'transfers-conflicts');
  h = await startTransferCore({ gw });
});
afterAll(async () => {
  h.close();
  await tb.cleanup();
  for (const dir of cleanups) rmSync(dir, { recursive: true, force: true });
});

const planIn = (paths: string[], prefix: string) => {
  h.drop(...paths);
  return h.value('transfers:planUpload', { connectionId: h.connectionId, bucket: tb.bucket, prefix, paths });
};

describe('upload conflicts: never overwrite silently', () => {
  it('finds existing keys at plan time; skip, overwrite and keep both apply per item and to the rest', async () => {
    await putObjects(tb.client, tb.bucket, {
      'public/c/one.jpg': 'old one',
      'public/c/two.jpg': 'old two',
      'public/c/three.jpg': 'old three',
    });
    const { root, sha } = makeTree(
      { 'one.jpg': 'new one', 'two.jpg': 'new two', 'three.jpg': 'new three', 'four.jpg': 'new four' },
      'conflicts',
    );
    cleanups.push(root);
    const plan = await planIn(
      ['one.jpg', 'two.jpg', 'three.jpg', 'four.jpg'].map((n) => join(root, n)),
      'public/c/',
    );
    expect(plan.conflictCount).toBe(3);
    expect(plan.conflicts.map((c) => [c.key, c.existing?.size])).toEqual([
      ['public/c/one.jpg', 7],
      ['public/c/two.jpg', 7],
      ['public/c/three.jpg', 9],
    ]);
    const started = await h.value('transfers:startUpload', {
      planId: plan.planId,
      conflict: 'keepBoth',
      choices: [
        { name: 'public/c/one.jpg', action: 'skip' },
        { name: 'public/c/two.jpg', action: 'overwrite' },
      ],
    });
    expect(started).toMatchObject({ queued: 3, skipped: 1 });
    const { items } = await h.settled(started.batchId);
    expect(items.map((i) => [i.key, i.state])).toEqual([
      ['public/c/one.jpg', 'skipped'],
      ['public/c/two.jpg', 'done'],
      ['public/c/three (1).jpg', 'done'],
      ['public/c/four.jpg', 'done'],
    ]);
    expect(await objectSha256(tb.client, tb.bucket, 'public/c/one.jpg')).toBe(sha256(Buffer.from('old one')));
    expect(await objectSha256(tb.client, tb.bucket, 'public/c/two.jpg')).toBe(sha['two.jpg']);
    expect(await objectSha256(tb.client, tb.bucket, 'public/c/three.jpg')).toBe(sha256(Buffer.from('old three')));
    expect(await objectSha256(tb.client, tb.bucket, 'public/c/three (1).jpg')).toBe(sha['three.jpg']);
  });

  it('a key created by someone else after the plan is not overwritten (conditional PUT); retry with overwrite replaces it', async () => {
    const { root, sha } = makeTree({ 'race.txt': 'mine' }, 'race');
    cleanups.push(root);
    const plan = await planIn([join(root, 'race.txt')], 'private/race/');
    expect(plan.conflictCount).toBe(0);
    await putObjects(tb.client, tb.bucket, { 'private/race/race.txt': 'theirs' });
    const started = await h.value('transfers:startUpload', { planId: plan.planId, conflict: 'skip' });
    const { items, batch } = await h.settled(started.batchId);
    expect(items[0]).toMatchObject({
      state: 'failed',
      error: { code: 'Conflict', message: expect.stringMatching(/already exists.*Overwrite or Keep both/) as string },
    });
    expect(await objectSha256(tb.client, tb.bucket, 'private/race/race.txt')).toBe(sha256(Buffer.from('theirs')));
    await h.value('transfers:retry', { target: { batchId: batch.id }, conflict: 'overwrite' });
    const retried = await h.settled(batch.id);
    expect(retried.items[0]?.state).toBe('done');
    expect(await objectSha256(tb.client, tb.bucket, 'private/race/race.txt')).toBe(sha['race.txt']);
  });

  it('a multipart upload whose key was taken after the plan is not overwritten; keep-both moves it to a free name', async () => {
    const { root, sha } = makeTree({ 'film.mov': 12 * 1024 * 1024 }, 'race-mp');
    cleanups.push(root);
    const plan = await planIn([join(root, 'film.mov')], 'public/race/');
    await putObjects(tb.client, tb.bucket, { 'public/race/film.mov': 'theirs', 'public/race/film (1).mov': 'also theirs' });
    const started = await h.value('transfers:startUpload', { planId: plan.planId, conflict: 'skip' });
    const first = await h.settled(started.batchId);
    expect(first.items[0]).toMatchObject({ state: 'failed', error: { code: 'Conflict' } });
    await h.value('transfers:retry', { target: { batchId: started.batchId }, conflict: 'keepBoth' });
    const { items } = await h.settled(started.batchId);
    expect(items[0]).toMatchObject({ state: 'done', key: 'public/race/film (2).mov' });
    expect(await objectSha256(tb.client, tb.bucket, 'public/race/film (2).mov')).toBe(sha['film.mov']);
    expect(await objectSha256(tb.client, tb.bucket, 'public/race/film.mov')).toBe(sha256(Buffer.from('theirs')));
  });
});

describe('upload: two local files that would become one key', () => {
  it('reports the second, naming both files and the key, instead of skipping it silently; the first still goes up', async () => {
    const first = makeTree({ 'photos/a.txt': 'from the first folder', 'photos/only-first.txt': 'one' }, 'same-key-1');
    const second = makeTree({ 'photos/a.txt': 'from the second folder', 'photos/only-second.txt': 'two' }, 'same-key-2');
    cleanups.push(first.root, second.root);
    const firstA = join(first.root, 'photos', 'a.txt');
    const secondA = join(second.root, 'photos', 'a.txt');
    const plan = await planIn([join(first.root, 'photos'), join(second.root, 'photos')], 'public/same/');
    expect(plan.fileCount).toBe(3);
    expect(plan.problemCount).toBe(1);
    expect(plan.problems).toEqual([
      {
        path: secondA,
        code: 'SameKey',
        message: expect.stringContaining(`${secondA} and ${firstA} would both be uploaded as “public/same/photos/a.txt”`) as string,
      },
    ]);
    expect(plan.sample.map((f) => [f.key, f.localPath])).toEqual([
      ['public/same/photos/a.txt', firstA],
      ['public/same/photos/only-first.txt', join(first.root, 'photos', 'only-first.txt')],
      ['public/same/photos/only-second.txt', join(second.root, 'photos', 'only-second.txt')],
    ]);
    const started = await h.value('transfers:startUpload', { planId: plan.planId, conflict: 'skip' });
    const { items } = await h.settled(started.batchId);
    expect(items.map((i) => [i.key, i.state])).toEqual([
      ['public/same/photos/a.txt', 'done'],
      ['public/same/photos/only-first.txt', 'done'],
      ['public/same/photos/only-second.txt', 'done'],
    ]);
    expect(await objectSha256(tb.client, tb.bucket, 'public/same/photos/a.txt')).toBe(first.sha['photos/a.txt']);
  });

  it('the same file dropped twice is one file, not a problem', async () => {
    const { root } = makeTree({ 'twice.txt': 'once' }, 'same-file');
    cleanups.push(root);
    const plan = await planIn([join(root, 'twice.txt'), join(root, 'twice.txt')], 'public/twice/');
    expect(plan).toMatchObject({ fileCount: 1, problemCount: 0 });
  });
});

describe('quitting mid-upload', () => {
  it('offers the unfinished upload at the next start; a file changed meanwhile restarts from scratch and says so', async () => {
    const { root } = makeTree({ 'long.mov': 30 * 1024 * 1024 }, 'quit');
    cleanups.push(root);
    const first = await startTransferCore({ gw, transfers: { maxPartsPerFile: 1, maxConcurrentRequests: 1 } });
    first.drop(join(root, 'long.mov'));
    const plan = await first.value('transfers:planUpload', {
      connectionId: first.connectionId,
      bucket: tb.bucket,
      prefix: 'public/quit/',
      paths: [join(root, 'long.mov')],
    });
    const started = await first.value('transfers:startUpload', { planId: plan.planId, conflict: 'overwrite' });
    await first.until(
      async () => ((await first.value('transfers:list', { batchId: started.batchId })).items[0]?.parts?.done ?? 0) >= 1 || undefined,
      'a part',
    );
    first.close({ keepData: true });
    writeFileSync(join(root, 'long.mov'), 'now a short file');

    const h2 = await startTransferCore({ gw, dataDir: first.dataDir, connectionId: first.connectionId });
    try {
      const interrupted = await h2.value('transfers:interrupted', {});
      expect(interrupted.itemCount).toBe(1);
      await h2.value('transfers:resume', { batchId: started.batchId });
      const { items } = await h2.settled(started.batchId);
      expect(items[0]).toMatchObject({
        state: 'done',
        bytesTotal: 16,
        notice: expect.stringMatching(/changed on disk.*restarted from the beginning/) as string,
      });
      expect(await objectSha256(tb.client, tb.bucket, 'public/quit/long.mov')).toBe(sha256(Buffer.from('now a short file')));
      // The old version's parts were aborted, not left to cost storage.
      const uploads = await tb.client.send(new ListMultipartUploadsCommand({ Bucket: tb.bucket, Prefix: 'public/quit/' }));
      expect(uploads.Uploads ?? []).toEqual([]);
    } finally {
      h2.close();
    }
  }, 90_000);

  it('an interrupted upload the user cancels at the next start is aborted on the server', async () => {
    const { root } = makeTree({ 'abandon.mov': 20 * 1024 * 1024 }, 'abandon');
    cleanups.push(root);
    const first = await startTransferCore({ gw, transfers: { maxPartsPerFile: 1, maxConcurrentRequests: 1 } });
    first.drop(join(root, 'abandon.mov'));
    const plan = await first.value('transfers:planUpload', {
      connectionId: first.connectionId,
      bucket: tb.bucket,
      prefix: 'private/abandon/',
      paths: [join(root, 'abandon.mov')],
    });
    const started = await first.value('transfers:startUpload', { planId: plan.planId, conflict: 'overwrite' });
    await first.until(
      async () => ((await first.value('transfers:list', { batchId: started.batchId })).items[0]?.parts?.done ?? 0) >= 1 || undefined,
      'a part',
    );
    first.close({ keepData: true });
    const h2 = await startTransferCore({ gw, dataDir: first.dataDir, connectionId: first.connectionId });
    try {
      expect((await h2.value('transfers:list', {})).items.map((i) => i.state)).toEqual(['interrupted']);
      expect(await h2.value('transfers:cancel', { all: true })).toEqual({ changed: 1 });
      await h2.until(
        async () => {
          const uploads = await tb.client.send(new ListMultipartUploadsCommand({ Bucket: tb.bucket, Prefix: 'private/abandon/' }));
          return (uploads.Uploads ?? []).length === 0 ? true : undefined;
        },
        'the multipart upload to be aborted',
        30_000,
      );
      expect(await h2.value('transfers:interrupted', {})).toMatchObject({ itemCount: 0 });
    } finally {
      h2.close();
    }
  }, 60_000);
});
