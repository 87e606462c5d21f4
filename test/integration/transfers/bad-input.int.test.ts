import { execFileSync } from 'node:child_process';
import { appendFileSync, readdirSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { HeadObjectCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MiB } from '../../../src/main/core/s3/part-size';
import { isUploadPart, partNumberOf, startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { createTestBucket, gatewayFromState, putObjects, type GatewayHandle, type TestBucket } from '../../support/s3-test-env';
import { makeTree, objectSha256 } from './support/local-files';
import { scriptedDialogs } from './support/scripted-dialogs';
import { mountSmallDisk } from './support/small-disk';
import { startTransferCore, type TransferHarness } from './support/transfer-harness';

let gw: GatewayHandle;
let tb: TestBucket;
let proxy: FaultProxy;
let h: TransferHarness;
const cleanups: string[] = [];

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'transfers-bad');
  proxy = await startFaultProxy(gw.endpoint);
  h = await startTransferCore({ gw, endpoint: proxy.endpoint });
});
afterAll(async () => {
  h.close();
  await proxy.close();
  await tb.cleanup();
  for (const dir of cleanups) rmSync(dir, { recursive: true, force: true });
});

async function plan(paths: string[], prefix: string) {
  h.drop(...paths);
  return h.value('transfers:planUpload', { connectionId: h.connectionId, bucket: tb.bucket, prefix, paths });
}

async function uploadNow(paths: string[], prefix: string) {
  const p = await plan(paths, prefix);
  const started = await h.value('transfers:startUpload', { planId: p.planId, conflict: 'overwrite' });
  return h.settled(started.batchId, 90_000);
}

describe('bad input gets a clear message and loses nothing else', () => {
  it('reports pipes, symlinks inside the folder (not followed: loops, broken links), missing paths and over-long keys per item; uploads the rest, a zero-byte file included', async () => {
    const long = Array.from({ length: 5 }, (_, i) => `${String(i)}${'x'.repeat(220)}`).join('/');
    const { root } = makeTree(
      { 'drop/ok.txt': 'fine', 'drop/zero.bin': '', 'drop/.DS_Store': 'finder', [`drop/${long}/deep.txt`]: 'too deep' },
      'bad',
    );
    cleanups.push(root);
    execFileSync('mkfifo', [join(root, 'drop', 'pipe')]);
    symlinkSync('..', join(root, 'drop', 'loop'));
    symlinkSync(join(root, 'drop', 'self'), join(root, 'drop', 'self'));
    symlinkSync(join(root, 'nowhere'), join(root, 'drop', 'broken'));
    const p = await plan([join(root, 'drop'), join(root, 'missing.mov')], 'public/bad/');
    const byCode = Object.fromEntries(p.problems.map((x) => [x.path.slice(root.length + 1), x.code]));
    expect(byCode).toEqual({
      'drop/pipe': 'NotAFile',
      'drop/loop': 'Symlink',
      'drop/self': 'Symlink',
      'drop/broken': 'Symlink',
      [`drop/${long}/deep.txt`]: 'KeyTooLong',
      'missing.mov': 'NotFound',
    });
    for (const problem of p.problems) expect(problem.message).toMatch(/\w{4,}.*\./);
    expect(p.ignoredCount).toBe(1);
    expect(p.sample.map((s) => s.name)).toEqual(['drop/ok.txt', 'drop/zero.bin']);
    const started = await h.value('transfers:startUpload', { planId: p.planId, conflict: 'overwrite' });
    const { items } = await h.settled(started.batchId);
    expect(items.map((i) => [i.name, i.state])).toEqual([
      ['drop/ok.txt', 'done'],
      ['drop/zero.bin', 'done'],
    ]);
    const zero = await tb.client.send(new HeadObjectCommand({ Bucket: tb.bucket, Key: 'public/bad/drop/zero.bin' }));
    expect(zero.ContentLength).toBe(0);
  });

  it('fails only the file deleted between plan and upload', async () => {
    const { root } = makeTree({ 'a.txt': 'a', 'b.txt': 'b', 'c.txt': 'c' }, 'deleted');
    cleanups.push(root);
    const p = await plan([join(root, 'a.txt'), join(root, 'b.txt'), join(root, 'c.txt')], 'private/deleted/');
    unlinkSync(join(root, 'b.txt'));
    const started = await h.value('transfers:startUpload', { planId: p.planId, conflict: 'overwrite' });
    const { items } = await h.settled(started.batchId);
    expect(items.map((i) => [i.name, i.state])).toEqual([
      ['a.txt', 'done'],
      ['b.txt', 'failed'],
      ['c.txt', 'done'],
    ]);
    expect(items[1]?.error).toMatchObject({ code: 'NotFound', message: expect.stringMatching(/no longer exists/) as string });
  });

  it('a file growing during a multipart upload fails with a reason and leaves nothing; a retry uploads the finished file', async () => {
    const { root } = makeTree({ 'recording.mov': 12 * MiB }, 'growing');
    cleanups.push(root);
    const file = join(root, 'recording.mov');
    let grown = false;
    proxy.setRule((req) => {
      if (isUploadPart(req) && partNumberOf(req) === 2 && !grown) {
        grown = true;
        appendFileSync(file, Buffer.alloc(MiB, 7));
        return { kind: 'stall', afterBytes: 1024 };
      }
      return { kind: 'pass' };
    });
    const { items, batch } = await uploadNow([file], 'public/growing/');
    proxy.setRule(() => ({ kind: 'pass' }));
    expect(items[0]).toMatchObject({
      state: 'failed',
      error: { code: 'Conflict', message: expect.stringMatching(/changed while it was being uploaded/) as string },
    });
    const uploads = await tb.client.send(new ListMultipartUploadsCommand({ Bucket: tb.bucket, Prefix: 'public/growing/' }));
    expect(uploads.Uploads ?? []).toEqual([]);
    await expect(tb.client.send(new HeadObjectCommand({ Bucket: tb.bucket, Key: 'public/growing/recording.mov' }))).rejects.toMatchObject({
      name: 'NotFound',
    });
    await h.value('transfers:retry', { target: { batchId: batch.id } });
    const retried = await h.settled(batch.id);
    expect(retried.items[0]).toMatchObject({ state: 'done', bytesTotal: 13 * MiB, notice: expect.stringMatching(/changed/) as string });
    const head = await tb.client.send(new HeadObjectCommand({ Bucket: tb.bucket, Key: 'public/growing/recording.mov' }));
    expect(head.ContentLength).toBe(13 * MiB);
  }, 90_000);

  it('a file deleted during its upload still arrives whole, and the item says what happened', async () => {
    const { root, sha } = makeTree({ 'gone.bin': 3 * MiB }, 'gone');
    cleanups.push(root);
    const file = join(root, 'gone.bin');
    let deleted = false;
    proxy.setRule((req) => {
      if (req.method === 'PUT' && req.target.includes('gone.bin') && !deleted) {
        deleted = true;
        unlinkSync(file);
      }
      return { kind: 'pass' };
    });
    const { items } = await uploadNow([file], 'private/gone/');
    proxy.setRule(() => ({ kind: 'pass' }));
    expect(items[0]).toMatchObject({ state: 'done', notice: expect.stringMatching(/deleted from its folder/) as string });
    expect(await objectSha256(tb.client, tb.bucket, 'private/gone/gone.bin')).toBe(sha['gone.bin']);
  });

  it('a quoted tab, é, NUL, vertical tab or ☃ in Content-Type is refused at the channel, naming the character, before any request', async () => {
    const { root } = makeTree({ 'note.txt': 'hello' }, 'header-chars');
    cleanups.push(root);
    const paths = [join(root, 'note.txt')];
    const sent = proxy.requests.length;
    const cases = [
      ['\t', 'a tab character (U+0009)'],
      ['é', '“é” (U+00E9)'],
      ['\u0000', 'a NUL character (U+0000)'],
      ['\u000b', 'a vertical tab (U+000B)'],
      ['☃', '“☃” (U+2603)'],
    ] as const;
    for (const [char, named] of cases) {
      const contentType = `text/plain; charset="a${char}b"`;
      const planned = await h.call('transfers:planUpload', {
        connectionId: h.connectionId,
        bucket: tb.bucket,
        prefix: 'private/chars/',
        paths,
        overrides: { contentType },
      });
      expect(planned).toMatchObject({
        ok: false,
        error: {
          code: 'InvalidInput',
          message: expect.stringContaining(`Content-Type contains ${named}; header values may only contain printable ASCII`) as string,
        },
      });
    }
    const p = await plan(paths, 'private/chars/');
    const started = await h.call('transfers:startUpload', {
      planId: p.planId,
      conflict: 'overwrite',
      overrides: { contentType: 'text/plain; charset="a\tb"' },
    });
    expect(started).toMatchObject({
      ok: false,
      error: { code: 'InvalidInput', message: expect.stringMatching(/tab character/) as string },
    });
    const defaults = await h.call('transfers:setDefaults', {
      connectionId: h.connectionId,
      settings: {
        public: { acl: 'public-read', cacheControl: 'public,\tmax-age=60' },
        private: { acl: 'private', cacheControl: null },
        other: { acl: 'private', cacheControl: null },
      },
    });
    expect(defaults).toMatchObject({
      ok: false,
      error: { code: 'InvalidInput', message: expect.stringMatching(/Cache-Control contains a tab character/) as string },
    });
    // Only the plan's own existence check went out: never an upload.
    expect(proxy.requests.slice(sent).filter((r) => r.method === 'PUT' || r.method === 'POST')).toEqual([]);
  });

  it('a signature the server refuses on an upload names the header value, not a wrong secret; Test connection still says the secret is fine', async () => {
    const { root } = makeTree({ 'refused.txt': 'hello' }, 'refused');
    cleanups.push(root);
    proxy.setRule((req) =>
      req.method === 'PUT' && req.target.includes('refused.txt')
        ? {
            kind: 'respond',
            status: 403,
            body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message></Error>',
          }
        : { kind: 'pass' },
    );
    try {
      h.drop(join(root, 'refused.txt'));
      const p = await h.value('transfers:planUpload', {
        connectionId: h.connectionId,
        bucket: tb.bucket,
        prefix: 'private/refused/',
        paths: [join(root, 'refused.txt')],
        overrides: { contentType: 'text/plain; charset=utf-8' },
      });
      const started = await h.value('transfers:startUpload', {
        planId: p.planId,
        conflict: 'overwrite',
        overrides: { contentType: 'text/plain; charset=utf-8' },
      });
      const { items } = await h.settled(started.batchId);
      expect(items[0]).toMatchObject({ state: 'failed', error: { code: 'SignatureRejected' } });
      expect(items[0]?.error?.message).toMatch(
        /refused the request's signature.*Content-Type “text\/plain; charset=utf-8”.*Use Test connection/,
      );
      expect(items[0]?.error?.message).not.toMatch(/secret access key is wrong/);
      expect(await h.value('connections:test', { id: h.connectionId })).toMatchObject({ ok: true });
    } finally {
      proxy.setRule(() => ({ kind: 'pass' }));
    }
  });

  it('a bucket with ACLs disabled: uploads go ahead without an ACL, say so, and the bucket is remembered', async () => {
    // RGW 16.2 cannot disable ACLs (PutBucketOwnershipControls answers InvalidArgument), so the
    // proxy gives AWS's own answer for a bucket with Object Ownership "bucket owner enforced".
    const refused: string[] = [];
    proxy.setRule((req) => {
      if (!req.headers['x-amz-acl']) return { kind: 'pass' };
      refused.push(req.target);
      return {
        kind: 'respond',
        status: 400,
        body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessControlListNotSupported</Code><Message>The bucket does not allow ACLs</Message><RequestId>1</RequestId><HostId>1</HostId></Error>',
      };
    });
    const acl = await createTestBucket(gw, 'transfers-noacl', { client: tb.client });
    try {
      const { root } = makeTree({ 'poster.jpg': 2000, 'trailer.mp4': 10 * MiB }, 'noacl');
      cleanups.push(root);
      h.drop(join(root, 'poster.jpg'), join(root, 'trailer.mp4'));
      const p = await h.value('transfers:planUpload', {
        connectionId: h.connectionId,
        bucket: acl.bucket,
        prefix: 'public/',
        paths: [join(root, 'poster.jpg'), join(root, 'trailer.mp4')],
      });
      const started = await h.value('transfers:startUpload', { planId: p.planId, conflict: 'overwrite' });
      const { items } = await h.settled(started.batchId);
      expect(items.map((i) => [i.state, i.notice])).toEqual([
        ['done', expect.stringMatching(/ACLs disabled.*bucket policy or the CDN/) as string],
        ['done', expect.stringMatching(/ACLs disabled.*bucket policy or the CDN/) as string],
      ]);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      const defaults = await h.value('transfers:defaults', { connectionId: h.connectionId, bucket: acl.bucket, prefix: 'public/' });
      expect(defaults).toMatchObject({ aclSupport: 'disabled', acl: 'bucket-default', requestedAcl: 'public-read' });
      expect(defaults.notes.join(' ')).toMatch(/bucket policy or the CDN/);
      const before = refused.length;
      const again = await h.value('transfers:planUpload', {
        connectionId: h.connectionId,
        bucket: acl.bucket,
        prefix: 'public/',
        paths: [join(root, 'poster.jpg')],
      });
      await h.settled((await h.value('transfers:startUpload', { planId: again.planId, conflict: 'overwrite' })).batchId);
      expect(refused.length).toBe(before);
      const head = await tb.client.send(new HeadObjectCommand({ Bucket: acl.bucket, Key: 'public/trailer.mp4' }));
      expect(head).toMatchObject({ ContentLength: 10 * MiB, CacheControl: 'public, max-age=86400' });
    } finally {
      proxy.setRule(() => ({ kind: 'pass' }));
      await acl.cleanup();
    }
  }, 90_000);

  it('a full disk fails that download with a plain message, frees its space, and the others still arrive', async () => {
    const disk = mountSmallDisk('2m');
    const mount = disk.path;
    const dh = await startTransferCore({ gw, dialogs: scriptedDialogs({ downloadFolder: mount }), transfers: { maxActiveFiles: 1 } });
    try {
      await putObjects(tb.client, tb.bucket, [
        { key: 'full/a-small.txt', body: 'x'.repeat(10_000) },
        { key: 'full/b-big.bin', body: Buffer.alloc(3 * MiB, 1) },
        { key: 'full/c-small.txt', body: 'y'.repeat(10_000) },
      ]);
      await dh.value('dialogs:chooseDownloadFolder', {});
      const p = await dh.value('transfers:planDownload', {
        connectionId: dh.connectionId,
        bucket: tb.bucket,
        keys: [],
        prefixes: ['full/'],
        destination: mount,
      });
      const started = await dh.value('transfers:startDownload', { planId: p.planId, conflict: 'overwrite' });
      const { items } = await dh.settled(started.batchId);
      expect(items.map((i) => [i.name, i.state])).toEqual([
        ['full/a-small.txt', 'done'],
        ['full/b-big.bin', 'failed'],
        ['full/c-small.txt', 'done'],
      ]);
      expect(items[1]?.error?.message).toMatch(/The disk is full.*partial download was removed.*Free some space, then retry/);
      expect(readdirSync(join(mount, 'full')).sort()).toEqual(['a-small.txt', 'c-small.txt']);
    } finally {
      dh.close();
      disk.remove();
    }
  });
});
