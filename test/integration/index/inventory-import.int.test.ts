import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexStore } from '../../../src/main/core/index/index-store';
import { startCore, type CoreHarness } from '../../support/core-harness';
import { createTestBucket, type TestBucket } from '../../support/s3-test-env';
import { scriptedDialogs } from '../transfers/support/scripted-dialogs';
import { putMany, startBrowseEnv, type BrowseEnv } from '../browse/browse-env';
import { listForInventory, makeInventory, putInventory, writeInventoryFolder, type InventoryObject } from './support/inventory-maker';
import { liveRows, openIndexOf, watchSyncs } from './support/index-env';

let env: BrowseEnv;
let destination: TestBucket;
let objects: InventoryObject[];
let synced: Awaited<ReturnType<typeof liveRows>>;
const dirs: string[] = [];
const cores: CoreHarness[] = [];
const indexes: IndexStore[] = [];
const buckets: TestBucket[] = [];

// Keys a URL encoding can get wrong, deep and flat ones, enough for several write batches and merge steps.
const oddKeys = ['public/a b.jpg', 'public/c+d.jpg', 'public/100%.txt', 'private/é/ü ß.pdf', 'private/"quoted",comma.txt', 'top.txt'];
const manyKeys = Array.from({ length: 700 }, (_, i) => `media/album-${i % 7}/photo-${String(i).padStart(4, '0')}.jpg`);

beforeAll(async () => {
  env = await startBrowseEnv('inventory-src');
  destination = await createTestBucket(env.gw, 'inventory-dst');
  await putMany(
    env.client,
    [...oddKeys, ...manyKeys].map((Key, i) => ({ Bucket: env.bucket, Key, Body: 'x'.repeat(1 + (i % 50)) })),
  );
  const syncs = watchSyncs(env.h);
  const { jobId } = await env.h.value('index:sync', { connectionId: env.connectionId, bucket: env.bucket });
  expect(await syncs.end(jobId)).toMatchObject({ state: 'done', objects: oddKeys.length + manyKeys.length });
  const index = openIndexOf(env.h.dataDir);
  indexes.push(index);
  synced = await liveRows(index, env.connectionId, env.bucket);
  objects = await listForInventory(env.client, env.bucket);
}, 300_000);
afterAll(async () => {
  indexes.forEach((i) => i.close());
  cores.forEach((h) => h.close());
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  await destination.cleanup();
  for (const b of buckets) await b.cleanup();
  await env.close();
});

/** A fresh app (its own data folder) with the gateway's connection; `folder` is what its folder dialog answers. */
async function freshCore(folder?: string) {
  const h = startCore({
    ...(folder ? { dialogs: scriptedDialogs({ folder }) } : {}),
    indexImportTuning: { batchRows: 100, mergeRows: 150 },
  });
  cores.push(h);
  const connection = await h.value('connections:add', {
    name: 'Gateway',
    credentials: { kind: 'keys', accessKeyId: env.gw.accessKeyId, secretAccessKey: env.gw.secretAccessKey },
    endpoint: env.gw.endpoint,
    forcePathStyle: true,
    checksumCompatibility: true,
  });
  if (folder) await h.value('dialogs:chooseFolder', {});
  return { h, connectionId: connection.id, syncs: watchSyncs(h) };
}

async function rowsOf(h: CoreHarness, connectionId: string) {
  const index = openIndexOf(h.dataDir);
  indexes.push(index);
  return liveRows(index, connectionId, env.bucket);
}

function folderOf(report: ReturnType<typeof makeInventory>): string {
  const root = mkdtempSync(join(tmpdir(), 'bucket-admin-inventory-'));
  dirs.push(root);
  return writeInventoryFolder(root, report);
}

describe('an S3 Inventory import', () => {
  it('imports a CSV.gz inventory from its destination bucket into the rows a sync gives', async () => {
    const report = makeInventory(env.bucket, destination.bucket, objects, 'CSV', 3);
    await putInventory(destination.client, destination.bucket, report);
    const { h, connectionId, syncs } = await freshCore();
    const started = await h.value('index:importInventory', {
      connectionId,
      bucket: env.bucket,
      location: { kind: 'bucket', bucket: destination.bucket, manifestKey: report.manifestKey },
    });
    const end = await syncs.end(started.jobId);
    expect(end).toMatchObject({
      state: 'done',
      source: 'inventory',
      objects: objects.length,
      added: objects.length,
      ranges: 3,
      rangesDone: 3,
    });
    expect(await rowsOf(h, connectionId)).toEqual(synced);
    const [summary] = await h.value('index:syncs', { connectionId, bucket: env.bucket });
    expect(summary).toMatchObject({ source: 'inventory', state: 'done', objects: objects.length, pages: 3 });
  });

  it('imports a Parquet inventory from a folder into the same rows, and a listing afterwards changes nothing', async () => {
    const folder = folderOf(makeInventory(env.bucket, destination.bucket, objects, 'Parquet', 2));
    const { h, connectionId, syncs } = await freshCore(folder);
    const first = await h.value('index:importInventory', { connectionId, bucket: env.bucket, location: { kind: 'folder', path: folder } });
    expect(await syncs.end(first.jobId)).toMatchObject({ state: 'done', objects: objects.length, added: objects.length });
    expect(await rowsOf(h, connectionId)).toEqual(synced);
    // The same bucket listed afterwards: a snapshot with no changes.
    const listed = await h.value('index:sync', { connectionId, bucket: env.bucket });
    expect(await syncs.end(listed.jobId)).toMatchObject({ state: 'done', added: 0, changed: 0, removed: 0 });
  });

  it('refuses a data file whose MD5 is not the manifest’s, and imports nothing', async () => {
    const report = makeInventory(env.bucket, destination.bucket, objects, 'CSV', 2);
    const manifest = JSON.parse(report.manifest) as { files: { MD5checksum: string }[] };
    const wrong = manifest.files[1] as { MD5checksum: string };
    wrong.MD5checksum = '0123456789abcdef0123456789abcdef';
    const folder = folderOf({ ...report, manifest: JSON.stringify(manifest) });
    const { h, connectionId, syncs } = await freshCore(folder);
    const started = await h.value('index:importInventory', {
      connectionId,
      bucket: env.bucket,
      location: { kind: 'folder', path: folder },
    });
    const end = await syncs.end(started.jobId);
    expect(end.state).toBe('failed');
    expect(end.error?.code).toBe('StorageCorrupt');
    expect(end.error?.message).toMatch(
      /does not match manifest\.json \(MD5 [0-9a-f]{32}, the manifest says 0123456789abcdef0123456789abcdef\)/,
    );
    expect(await rowsOf(h, connectionId)).toEqual([]);
    const index = openIndexOf(h.dataDir);
    indexes.push(index);
    expect(await index.get<{ n: number }>('SELECT count(*) AS n FROM inventory_rows')).toEqual({ n: 0 });
  });

  it('finds the reports in their destination bucket, newest first, and only this bucket’s', async () => {
    // A destination of its own: the other tests' reports are not in it.
    const reports = await createTestBucket(env.gw, 'inventory-find');
    buckets.push(reports);
    const older = makeInventory(env.bucket, reports.bucket, objects.slice(0, 10), 'CSV', 1, '2026-11-30T00-00Z');
    const newer = makeInventory(env.bucket, reports.bucket, objects.slice(0, 10), 'CSV', 1, '2026-12-01T06-15Z');
    const otherBucket = makeInventory('some-other-bucket', reports.bucket, objects.slice(0, 3), 'CSV', 1, '2026-12-02T00-00Z');
    for (const report of [older, newer, otherBucket]) await putInventory(reports.client, reports.bucket, report);
    const { h, connectionId } = await freshCore();
    // Ceph lists no inventory configurations: the answer says so and what to do instead.
    const configured = await h.value('index:findInventories', { connectionId, bucket: env.bucket });
    expect(configured).toMatchObject({ reports: [], source: 'configuration' });
    expect(configured.configurationProblem).toMatch(/name the bucket and prefix the reports are in/);
    for (const destinationGiven of [{ bucket: reports.bucket }, { bucket: reports.bucket, prefix: 'inventory' }]) {
      const found = await h.value('index:findInventories', { connectionId, bucket: env.bucket, destination: destinationGiven });
      expect(found.source).toBe('destination');
      expect(found.reports.map((r) => [r.manifestKey, r.configId, new Date(r.createdMs).toISOString()])).toEqual([
        [newer.manifestKey, 'all-objects', '2026-12-01T06:15:00.000Z'],
        [older.manifestKey, 'all-objects', '2026-11-30T00:00:00.000Z'],
      ]);
    }
    const none = await h.value('index:findInventories', {
      connectionId,
      bucket: env.bucket,
      destination: { bucket: reports.bucket, prefix: 'nothing-here/' },
    });
    expect(none.reports).toEqual([]);
  });

  it('refuses a manifest that does not match its manifest.checksum, before any job starts', async () => {
    const report = makeInventory(env.bucket, destination.bucket, objects, 'CSV', 1, '2026-10-01T00-00Z');
    await putInventory(destination.client, destination.bucket, { ...report, checksum: '0123456789abcdef0123456789abcdef' });
    const { h, connectionId } = await freshCore();
    const refused = await h.call('index:importInventory', {
      connectionId,
      bucket: env.bucket,
      location: { kind: 'bucket', bucket: destination.bucket, manifestKey: report.manifestKey },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'StorageCorrupt' } });
    expect(!refused.ok && refused.error.message).toMatch(/does not match its manifest\.checksum/);
    expect(await rowsOf(h, connectionId)).toEqual([]);
    // The same in a folder; without a checksum file the manifest is read as it is.
    const folder = folderOf({ ...report, checksum: 'ffffffffffffffffffffffffffffffff' });
    const h2 = await freshCore(folder);
    const inFolder = await h2.h.call('index:importInventory', {
      connectionId: h2.connectionId,
      bucket: env.bucket,
      location: { kind: 'folder', path: folder },
    });
    expect(inFolder).toMatchObject({ ok: false, error: { code: 'StorageCorrupt' } });
    const unchecked = folderOf({ ...report, checksum: null });
    const h3 = await freshCore(unchecked);
    const started = await h3.h.value('index:importInventory', {
      connectionId: h3.connectionId,
      bucket: env.bucket,
      location: { kind: 'folder', path: unchecked },
    });
    expect(await h3.syncs.end(started.jobId)).toMatchObject({ state: 'done', objects: objects.length });
  });

  it('refuses ORC, another bucket’s inventory, and a folder nobody picked, before any job starts', async () => {
    const orc = folderOf(makeInventory(env.bucket, destination.bucket, objects, 'ORC', 1));
    const other = folderOf(makeInventory('some-other-bucket', destination.bucket, objects, 'CSV', 1));
    const { h, connectionId } = await freshCore(join(orc, '..', '..', '..', '..'));
    const refused = await h.call('index:importInventory', { connectionId, bucket: env.bucket, location: { kind: 'folder', path: orc } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    expect(!refused.ok && refused.error.message).toMatch(
      /ORC format, which is not supported: choose CSV or Parquet in the inventory configuration/,
    );
    const otherBucket = await h.call('index:importInventory', {
      connectionId,
      bucket: env.bucket,
      location: { kind: 'folder', path: other },
    });
    expect(otherBucket).toMatchObject({ ok: false, error: { code: 'AccessDenied' } });
    const h2 = await freshCore(other);
    const notThisBucket = await h2.h.call('index:importInventory', {
      connectionId: h2.connectionId,
      bucket: env.bucket,
      location: { kind: 'folder', path: other },
    });
    expect(!notThisBucket.ok && notThisBucket.error.message).toMatch(/inventory is of the bucket some-other-bucket/);
    // (without its checksum file, which would refuse it first)
    rmSync(join(other, 'manifest.checksum'));
    writeFileSync(join(other, 'manifest.json'), 'not json');
    const broken = await h2.h.call('index:importInventory', {
      connectionId: h2.connectionId,
      bucket: env.bucket,
      location: { kind: 'folder', path: other },
    });
    expect(!broken.ok && broken.error.message).toMatch(/not JSON/);
  });
});
