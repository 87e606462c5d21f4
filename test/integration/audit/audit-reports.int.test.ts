import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateMultipartUploadCommand, PutObjectCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../src/shared/model/job';
import { startCore, type CoreHarness } from '../../support/core-harness';
import { fillIndexFromBucket } from '../../support/index-fill';
import { createTestBucket, gatewayFromState, type TestBucket } from '../../support/s3-test-env';
import { gatewayDraft } from '../share/share-fixture';

let tb: TestBucket;
let h: CoreHarness;
let connectionId: string;
let exportDir: string;
let uploadId: string;
const longCache = 'public, max-age=31536000';
const dupBytes = 'the same bytes, stored twice '.repeat(40);

beforeAll(async () => {
  const gw = gatewayFromState();
  tb = await createTestBucket(gw, 'audit-reports');
  const put = (Key: string, Body: string, extra: Partial<ConstructorParameters<typeof PutObjectCommand>[0]> = {}) =>
    tb.client.send(new PutObjectCommand({ Bucket: tb.bucket, Key, Body, ContentType: 'text/plain', ...extra }));
  await Promise.all([
    // Planted: a private object anyone can read.
    put('private/contracts/leak.pdf', 'leaked', { ACL: 'public-read' }),
    put('private/contracts/fine.pdf', 'fine'),
    // Planted: a public object without Cache-Control.
    put('public/site/page.html', '<p>hi</p>', { ACL: 'public-read', ContentType: 'text/html' }),
    put('public/img/logo.png', 'png', { ACL: 'public-read', CacheControl: longCache, ContentType: 'image/png' }),
    // Planted: duplicates (same bytes under two keys).
    put('public/media/clip.bin', dupBytes, { ACL: 'public-read', CacheControl: longCache }),
    put('private/backup/clip-copy.bin', dupBytes),
  ]);
  // Planted: an abandoned multipart upload (one part, never completed).
  const created = await tb.client.send(new CreateMultipartUploadCommand({ Bucket: tb.bucket, Key: 'private/uploads/huge.mov' }));
  uploadId = created.UploadId ?? '';
  await tb.client.send(
    new UploadPartCommand({
      Bucket: tb.bucket,
      Key: 'private/uploads/huge.mov',
      UploadId: uploadId,
      PartNumber: 1,
      Body: Buffer.alloc(5 * 1024 * 1024, 7),
    }),
  );
  exportDir = mkdtempSync(join(tmpdir(), 'audit-export-'));
  let exportName = 'export.csv';
  h = startCore({
    dialogs: {
      chooseFiles: () => Promise.resolve({ canceled: true, paths: [] }),
      chooseFolder: () => Promise.resolve({ canceled: true, paths: [] }),
      chooseDownloadFolder: () => Promise.resolve({ canceled: true, paths: [] }),
      chooseSaveFile: (options) => {
        exportName = options.defaultName;
        return Promise.resolve({ canceled: false, paths: [join(exportDir, exportName)] });
      },
    },
  });
  await h.value('app:info', {});
  ({ id: connectionId } = await h.value('connections:add', gatewayDraft(gw)));
  await fillIndexFromBucket(h.dataDir, connectionId, tb.client, tb.bucket);
}, 120_000);

afterAll(async () => {
  h.close();
  rmSync(exportDir, { recursive: true, force: true });
  await tb.cleanup();
});

/** Runs a job to its end and returns its last event. */
async function untilDone(start: () => Promise<{ jobId: string }>): Promise<JobProgress> {
  const seen: JobProgress[] = [];
  let settle: (p: JobProgress) => void = () => {};
  const finished = new Promise<JobProgress>((resolve) => (settle = resolve));
  const off = h.core.onEvent((event, payload) => {
    if (event !== 'jobs:progress') return;
    const p = payload as JobProgress;
    seen.push(p);
    if (p.kind === 'finished' || p.kind === 'failed' || p.kind === 'cancelled') settle(p);
  });
  try {
    const { jobId } = await start();
    const last = await finished;
    expect(last.jobId).toBe(jobId);
    return last;
  } finally {
    off();
  }
}

const report = (name: Parameters<typeof h.value<'audit:report'>>[1]['report']) =>
  h.value('audit:report', { connectionId, bucket: tb.bucket, report: name });

describe('the audit on the real gateway', () => {
  it('says how many requests a deep scan makes before it starts, then scans every object', async () => {
    const plan = await h.value('audit:deepScanPlan', { connectionId, bucket: tb.bucket });
    // Six objects, HEAD + GetObjectAcl each, plus GetBucketPolicy and GetPublicAccessBlock.
    expect(plan).toMatchObject({ objects: 6, requests: 14, cappedAt: null });
    const capped = await h.value('audit:deepScanPlan', { connectionId, bucket: tb.bucket, budget: 8 });
    expect(capped).toMatchObject({ objects: 3, requests: 8, cappedAt: 3 });
    const last = await untilDone(() => h.value('audit:deepScan', { connectionId, bucket: tb.bucket }));
    expect(last).toMatchObject({ kind: 'finished' });
    expect((await h.value('audit:deepScanPlan', { connectionId, bucket: tb.bucket })).objects).toBe(0);
  }, 60_000);

  it('exposure finds the public-read object under private/ and nothing else', async () => {
    const page = await report('exposure');
    expect(page.rows.map((r) => [r.key, r.finding])).toEqual([['private/contracts/leak.pdf', 'private, readable by anyone']]);
    expect(page.notes).toEqual([]);
  });

  it('cache headers finds the public object without Cache-Control and nothing else', async () => {
    const page = await report('cacheHeaders');
    expect(page.rows.map((r) => [r.key, r.issue])).toEqual([['public/site/page.html', 'No Cache-Control']]);
  });

  it('duplicates finds the two copies of the same bytes and nothing else', async () => {
    const page = await report('duplicates');
    expect(page.rows.map((r) => [r.key, r.lastKey, r.copies, r.wasted])).toEqual([
      ['private/backup/clip-copy.bin', 'public/media/clip.bin', 2, Buffer.byteLength(dupBytes)],
    ]);
  });

  it('lists the abandoned multipart upload with its part and bytes, and aborts it', async () => {
    const page = await report('multipartUploads');
    expect(page.rows.map((r) => [r.key, r.uploadId, r.parts, r.bytes])).toEqual([
      ['private/uploads/huge.mov', uploadId, 1, 5 * 1024 * 1024],
    ]);
    const out = await h.value('audit:abortUploads', {
      connectionId,
      bucket: tb.bucket,
      uploads: [{ key: 'private/uploads/huge.mov', uploadId }],
    });
    expect(out).toEqual({ aborted: 1, failed: [] });
    expect((await report('multipartUploads')).rows).toEqual([]);
  });

  it('searches the index and exports a report as formula-safe CSV and as JSON', async () => {
    const found = await h.value('audit:search', { connectionId, bucket: tb.bucket, query: { name: 'leak' } });
    expect(found.rows.map((r) => r.key)).toEqual(['private/contracts/leak.pdf']);
    const csv = await h.value('audit:export', {
      connectionId,
      bucket: tb.bucket,
      view: { kind: 'report', report: 'duplicates' },
      format: 'csv',
    });
    expect(csv).toMatchObject({ saved: true, rows: 1, truncated: false });
    const text = readFileSync(csv.saved ? csv.path : '', 'utf8');
    expect(text.split('\r\n')[0]).toBe('First copy,Last copy,Copies,Size,Wasted,ETag');
    const json = await h.value('audit:export', {
      connectionId,
      bucket: tb.bucket,
      view: { kind: 'search', query: { prefix: 'public/' } },
      format: 'json',
    });
    expect((JSON.parse(readFileSync(json.saved ? json.path : '', 'utf8')) as Array<{ key: string }>).map((r) => r.key)).toEqual([
      'public/img/logo.png',
      'public/media/clip.bin',
      'public/site/page.html',
    ]);
  });

  it('browses the snapshot as folders', async () => {
    const root = await h.value('audit:folder', { connectionId, bucket: tb.bucket, prefix: '' });
    expect(root.folders).toEqual(['private/', 'public/']);
    const pub = await h.value('audit:folder', { connectionId, bucket: tb.bucket, prefix: 'public/' });
    expect(pub.folders).toEqual(['public/img/', 'public/media/', 'public/site/']);
  });
});

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('offline: the server cannot be reached', () => {
  it('says so and since when, reads the index as before, and refuses S3 actions with the reason', async () => {
    const gw = gatewayFromState();
    const { id: offline } = await h.value(
      'connections:add',
      gatewayDraft(gw, { name: 'Unreachable', endpoint: `http://127.0.0.1:${await closedPort()}` }),
    );
    await fillIndexFromBucket(h.dataDir, offline, tb.client, tb.bucket);
    const status = await h.value('audit:status', { connectionId: offline, bucket: tb.bucket });
    expect(status.online).toBe(false);
    expect(Date.parse(status.offlineSince ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(status.offlineReason).toMatch(/Could not reach the server/);
    expect(status.buckets.map((b) => [b.bucket, b.objectCount])).toEqual([[tb.bucket, 6]]);

    const found = await h.value('audit:search', { connectionId: offline, bucket: tb.bucket, query: { name: 'clip' } });
    expect(found.rows.map((r) => r.key)).toEqual(['private/backup/clip-copy.bin', 'public/media/clip.bin']);
    expect((await h.value('audit:report', { connectionId: offline, bucket: tb.bucket, report: 'duplicates' })).total).toBe(1);
    expect((await h.value('audit:folder', { connectionId: offline, bucket: tb.bucket, prefix: '' })).folders).toEqual([
      'private/',
      'public/',
    ]);
    const saved = await h.value('audit:export', {
      connectionId: offline,
      bucket: tb.bucket,
      view: { kind: 'report', report: 'largest' },
      format: 'csv',
    });
    expect(saved).toMatchObject({ saved: true, rows: 6 });

    for (const result of [
      await h.call('audit:report', { connectionId: offline, bucket: tb.bucket, report: 'multipartUploads' }),
      await h.call('audit:deepScan', { connectionId: offline, bucket: tb.bucket }),
      await h.call('audit:abortUploads', { connectionId: offline, bucket: tb.bucket, uploads: [{ key: 'a', uploadId: 'b' }] }),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'Offline' } });
      expect(result.ok ? '' : result.error.message).toMatch(/has not answered since .* still work/);
    }
    // The online connection to the same bucket is not affected.
    expect((await h.value('audit:status', { connectionId, bucket: tb.bucket })).online).toBe(true);
  }, 60_000);
});
