import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { HeadObjectCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MiB } from '../../../src/main/core/s3/part-size';
import { transferEngineSchema } from '../../../src/shared/model/connection';
import { createTestBucket, gatewayFromState, type GatewayHandle, type TestBucket } from '../../support/s3-test-env';
import { makeTree, objectSha256 } from './support/local-files';
import { startTransferCore, type TransferHarness } from './support/transfer-harness';

const trees: string[] = [];

afterAll(() => {
  for (const t of trees) rmSync(t, { recursive: true, force: true });
});

// The core cases in each transfer engine: the same uploads through the fast path and the SDK's own.
describe.each(transferEngineSchema.options)('uploads to the real gateway (%s engine)', (engine) => {
  let gw: GatewayHandle;
  let tb: TestBucket;
  let h: TransferHarness;

  beforeAll(async () => {
    gw = gatewayFromState();
    tb = await createTestBucket(gw, `transfers-upload-${engine}`);
    h = await startTransferCore({ gw, transferEngine: engine });
  });
  afterAll(async () => {
    h.close();
    await tb.cleanup();
  });

  /** Anonymous GET of a key, path-style, as a browser or CDN would fetch it. */
  async function anonymousGet(key: string): Promise<Response> {
    const path = key.split('/').map(encodeURIComponent).join('/');
    return fetch(`${gw.endpoint}/${tb.bucket}/${path}`, { signal: AbortSignal.timeout(10_000) });
  }

  it('uploads a nested folder with a large file and many small ones, bytes identical, headers by root', async () => {
    const files: Record<string, number | string> = { 'Shoot/big/clip.mov': 40 * MiB, 'Shoot/empty.txt': '' };
    for (let i = 0; i < 60; i += 1) files[`Shoot/stills/${String(i).padStart(3, '0')}.jpg`] = 3000 + i;
    const { root, sha } = makeTree(files, 'upload');
    trees.push(root);

    const defaults = await h.value('transfers:defaults', { connectionId: h.connectionId, bucket: tb.bucket, prefix: 'public/media/' });
    expect(defaults).toMatchObject({ root: 'public', acl: 'public-read', cacheControl: 'public, max-age=86400' });

    h.drop(join(root, 'Shoot'));
    const plan = await h.value('transfers:planUpload', {
      connectionId: h.connectionId,
      bucket: tb.bucket,
      prefix: 'public/media/',
      paths: [join(root, 'Shoot')],
    });
    expect(plan.fileCount).toBe(62);
    expect(plan.conflictCount).toBe(0);
    expect(plan.multipartCount).toBe(1);
    expect(plan.options).toMatchObject({ acl: 'public-read', cacheControl: 'public, max-age=86400' });
    expect(plan.sample.find((s) => s.name === 'Shoot/big/clip.mov')?.contentType).toBe('video/quicktime');

    const started = await h.value('transfers:startUpload', { planId: plan.planId, conflict: 'skip' });
    expect(started.queued).toBe(62);
    const { batch, items } = await h.settled(started.batchId);
    expect(items.filter((i) => i.state !== 'done').map((i) => `${i.name}: ${i.error?.message ?? i.state}`)).toEqual([]);
    expect(batch).toMatchObject({ state: 'done', percent: 100 });
    expect(items.find((i) => i.name === 'Shoot/big/clip.mov')?.parts).toEqual({ done: 8, total: 8 });

    for (const [rel, hash] of Object.entries(sha)) {
      expect(await objectSha256(tb.client, tb.bucket, `public/media/${rel}`), rel).toBe(hash);
    }
    const head = await tb.client.send(new HeadObjectCommand({ Bucket: tb.bucket, Key: 'public/media/Shoot/big/clip.mov' }));
    expect(head).toMatchObject({ CacheControl: 'public, max-age=86400', ContentType: 'video/quicktime', ContentLength: 40 * MiB });
    expect((await anonymousGet('public/media/Shoot/stills/000.jpg')).status).toBe(200);
    expect((await anonymousGet('public/media/Shoot/big/clip.mov')).status).toBe(200);
    const uploads = await tb.client.send(new ListMultipartUploadsCommand({ Bucket: tb.bucket }));
    expect(uploads.Uploads ?? []).toEqual([]);
    const progress = h.events.filter((e) => e.event === 'transfers:progress');
    expect(progress.length).toBeGreaterThan(1);
    // Throttled: the harness asks for an event at most every 50 ms (the app: 100 ms, ≈10 Hz). Judged
    // by the rate over the run, not the least gap: a pause on a loaded machine between one event's
    // start and its emit shortens the next gap without making the events any more frequent.
    const span = (progress.at(-1)?.at ?? 0) - (progress[0]?.at ?? 0);
    expect(progress.length).toBeLessThanOrEqual(Math.floor(span / 50) + 2);
    const gaps = progress
      .slice(1)
      .map((e, i) => e.at - (progress[i]?.at ?? 0))
      .sort((a, b) => a - b);
    expect(gaps[Math.floor(gaps.length / 2)]).toBeGreaterThanOrEqual(45);
    const last = progress.at(-1)?.payload as { batches: Array<{ id: string; percent: number }> } | undefined;
    expect(last?.batches.find((b) => b.id === started.batchId)?.percent).toBe(100);
    expect(h.events.some((e) => e.event === 'transfers:batchFinished')).toBe(true);
  });

  it('uploads files whose names need encoding, under exactly their names', async () => {
    const names = [
      'a b.txt',
      'ünï cödé.txt',
      'plus+and&amp.txt',
      'per%cent#hash?q.txt',
      "quote'(paren)*star!.txt",
      'trailing space ',
      '~tilde=eq;semi,comma@at$.txt',
    ];
    const { root, sha } = makeTree(Object.fromEntries(names.map((n) => [`odd/${n}`, `content of ${n}`])), 'odd');
    trees.push(root);
    h.drop(join(root, 'odd'));
    const plan = await h.value('transfers:planUpload', {
      connectionId: h.connectionId,
      bucket: tb.bucket,
      prefix: 'private/odd dir/',
      paths: [join(root, 'odd')],
    });
    const started = await h.value('transfers:startUpload', { planId: plan.planId, conflict: 'overwrite' });
    const { items } = await h.settled(started.batchId);
    expect(items.filter((i) => i.state !== 'done').map((i) => `${i.name}: ${i.error?.message ?? ''}`)).toEqual([]);
    for (const n of names) expect(await objectSha256(tb.client, tb.bucket, `private/odd dir/odd/${n}`), n).toBe(sha[`odd/${n}`]);
  });

  it('uses the connection’s own defaults, editable, and per-upload overrides', async () => {
    const custom = {
      public: { acl: 'public-read' as const, cacheControl: 'public, max-age=31536000, immutable' },
      private: { acl: 'private' as const, cacheControl: null },
      other: { acl: 'bucket-default' as const, cacheControl: null },
    };
    expect(await h.value('transfers:setDefaults', { connectionId: h.connectionId, settings: custom })).toEqual(custom);
    expect(await h.value('transfers:getDefaults', { connectionId: h.connectionId })).toEqual(custom);
    const { root } = makeTree({ 'logo.svg': '<svg/>', 'doc.txt': 'words' }, 'defaults');
    trees.push(root);
    h.drop(join(root, 'logo.svg'));
    const plan = await h.value('transfers:planUpload', {
      connectionId: h.connectionId,
      bucket: tb.bucket,
      prefix: 'public/defaults/',
      paths: [join(root, 'logo.svg')],
    });
    expect(plan.options.cacheControl).toBe('public, max-age=31536000, immutable');
    await h.settled((await h.value('transfers:startUpload', { planId: plan.planId, conflict: 'overwrite' })).batchId);
    const head = await tb.client.send(new HeadObjectCommand({ Bucket: tb.bucket, Key: 'public/defaults/logo.svg' }));
    expect(head).toMatchObject({ CacheControl: 'public, max-age=31536000, immutable', ContentType: 'image/svg+xml' });
    // Per upload: no ACL and a given content type, whatever the defaults say.
    h.drop(join(root, 'doc.txt'));
    const second = await h.value('transfers:planUpload', {
      connectionId: h.connectionId,
      bucket: tb.bucket,
      prefix: 'public/defaults/',
      paths: [join(root, 'doc.txt')],
    });
    const done = await h.settled(
      (
        await h.value('transfers:startUpload', {
          planId: second.planId,
          conflict: 'overwrite',
          overrides: { acl: 'private', contentType: 'text/markdown' },
        })
      ).batchId,
    );
    expect(done.items[0]?.upload).toMatchObject({ acl: 'private', contentType: 'text/markdown' });
    expect((await anonymousGet('public/defaults/doc.txt')).status).toBe(403);
    await h.value('transfers:setDefaults', {
      connectionId: h.connectionId,
      settings: {
        public: { acl: 'public-read', cacheControl: 'public, max-age=86400' },
        private: { acl: 'private', cacheControl: 'private, no-cache' },
        other: { acl: 'bucket-default', cacheControl: null },
      },
    });
  });

  it('keeps private uploads private, with no public caching', async () => {
    const { root, sha } = makeTree({ 'contract.pdf': '%PDF-1.7 test', notes: 'plain words' }, 'private');
    trees.push(root);
    h.drop(join(root, 'contract.pdf'), join(root, 'notes'));
    const plan = await h.value('transfers:planUpload', {
      connectionId: h.connectionId,
      bucket: tb.bucket,
      prefix: 'private/legal/',
      paths: [join(root, 'contract.pdf'), join(root, 'notes')],
    });
    expect(plan.options).toMatchObject({ root: 'private', acl: 'private', cacheControl: 'private, no-cache' });
    const started = await h.value('transfers:startUpload', { planId: plan.planId, conflict: 'skip' });
    const { items } = await h.settled(started.batchId);
    expect(items.map((i) => i.state)).toEqual(['done', 'done']);
    expect((await anonymousGet('private/legal/contract.pdf')).status).toBe(403);
    const head = await tb.client.send(new HeadObjectCommand({ Bucket: tb.bucket, Key: 'private/legal/notes' }));
    // No extension: sniffed as text from its first bytes.
    expect(head).toMatchObject({ CacheControl: 'private, no-cache', ContentType: 'text/plain; charset=utf-8' });
    expect(await objectSha256(tb.client, tb.bucket, 'private/legal/contract.pdf')).toBe(sha['contract.pdf']);
  });
});
