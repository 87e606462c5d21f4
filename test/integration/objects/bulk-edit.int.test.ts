// Bulk header and ACL edits on the real gateway, through the router as the renderer calls them.
// 5,000 objects under one prefix (made once, with high parallelism, and reused by every case):
// a bulk Cache-Control change run by a child process that is SIGKILLed after its first
// checkpoint and resumed by a new core, writing each object exactly once (copies counted at the
// loopback proxy) and keeping every other header, metadata entry, tag and ACL grant (each object
// checked); the undo job puts every object back as it was; an ACL change skips objects already
// at the target; and a bucket with ACLs disabled (AccessControlListNotSupported injected by the
// proxy) refuses a bulk ACL job before anything is written.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import {
  GetObjectAclCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type ObjectCannedACL,
  type S3Client,
} from '@aws-sdk/client-s3';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noDialogs } from '../../../src/main/core/dialogs/dialog-port';
import { stateFileName } from '../../../src/main/core/store/state-file';
import { mapLimit } from '../../../src/shared/concurrency';
import type { BulkStatus, UndoExport } from '../../../src/shared/model/bulk-edit';
import type { JobProgress } from '../../../src/shared/model/job';
import { startCore, type CoreHarness } from '../../support/core-harness';
import { addGatewayConnection } from '../../support/gateway-connection';
import { aclsDisabled, isAclCall, startFaultProxy, type FaultProxy, type ProxiedRequest } from '../../support/fault-proxy';
import { createTestBucket, gatewayFromState, type TestBucket } from '../../support/s3-test-env';

const objectCount = 5_000;
const prefix = 'public/bulk/';
const keyOf = (i: number) => `${prefix}${String(Math.floor(i / 500)).padStart(2, '0')}/f${String(i).padStart(5, '0')}.txt`;
const aclOf = (i: number): ObjectCannedACL => (i % 7 === 0 ? 'authenticated-read' : i % 2 === 0 ? 'public-read' : 'private');
const tagged = (i: number) => i % 1000 === 3;

let tb: TestBucket;
let proxy: FaultProxy;
let dataDir: string;
let connectionId: string;
const exportDir = mkdtempSync(join(tmpdir(), 'bucket-admin-undo-export-'));

/** What must survive an edit: every header but Cache-Control, metadata, tags and grants, as comparable text. */
interface ObjectState {
  cacheControl: string | undefined;
  rest: string;
}

async function stateOf(client: S3Client, key: string): Promise<ObjectState> {
  const [head, acl, tags] = await Promise.all([
    client.send(new HeadObjectCommand({ Bucket: tb.bucket, Key: key })),
    client.send(new GetObjectAclCommand({ Bucket: tb.bucket, Key: key })),
    client.send(new GetObjectTaggingCommand({ Bucket: tb.bucket, Key: key })),
  ]);
  const grants = (acl.Grants ?? []).map((g) => `${g.Grantee?.ID ?? g.Grantee?.URI ?? ''}/${g.Permission ?? ''}`).sort();
  return {
    cacheControl: head.CacheControl,
    rest: JSON.stringify({
      type: head.ContentType,
      language: head.ContentLanguage,
      disposition: head.ContentDisposition,
      size: head.ContentLength,
      etag: head.ETag,
      metadata: Object.entries(head.Metadata ?? {}).sort(),
      storageClass: head.StorageClass,
      tags: (tags.TagSet ?? []).map((t) => `${t.Key}=${t.Value}`).sort(),
      grants,
    }),
  };
}

async function snapshot(): Promise<Map<string, ObjectState>> {
  const keys = Array.from({ length: objectCount }, (_, i) => keyOf(i));
  const states = await mapLimit(keys, 24, (key) => stateOf(tb.client, key));
  return new Map(keys.map((key, i) => [key, states[i] as ObjectState]));
}

/** The keys of the CopyObject requests the app sent through the proxy since `from`. */
function copiedKeys(from: number): string[] {
  const path = `/${tb.bucket}/`;
  return proxy.requests
    .slice(from)
    .filter((r: ProxiedRequest) => r.method === 'PUT' && r.headers['x-amz-copy-source'] !== undefined)
    .map((r) => decodeURIComponent((r.target.split('?')[0] ?? '').slice(path.length)));
}

/** Resolves with the end event of `jobId` (finished, failed or cancelled). */
function endOf(h: CoreHarness, jobId: string): Promise<JobProgress> {
  return new Promise((done) => {
    const stop = h.core.onEvent((event, payload) => {
      const p = payload as JobProgress;
      if (event === 'jobs:progress' && p.jobId === jobId && (p.kind === 'finished' || p.kind === 'failed' || p.kind === 'cancelled')) {
        stop();
        done(p);
      }
    });
  });
}

function journaledState(): string | null | undefined {
  const db = new Database(join(dataDir, stateFileName), { readonly: true });
  try {
    return (db.prepare('SELECT state_json FROM job_checkpoints').get() as { state_json: string | null } | undefined)?.state_json;
  } finally {
    db.close();
  }
}

let before: Map<string, ObjectState>;

beforeAll(async () => {
  const gw = gatewayFromState();
  tb = await createTestBucket(gw, 'bulk-edit');
  proxy = await startFaultProxy(gw.endpoint);
  await mapLimit(
    Array.from({ length: objectCount }, (_, i) => i),
    96,
    (i) =>
      tb.client.send(
        new PutObjectCommand({
          Bucket: tb.bucket,
          Key: keyOf(i),
          Body: `object ${i}`,
          ContentType: 'text/plain; charset=utf-8',
          ContentLanguage: 'en',
          Metadata: { seq: String(i), team: 'media' },
          ACL: aclOf(i),
          ...(tagged(i) ? { Tagging: 'kept=yes' } : {}),
        }),
      ),
  );
  before = await snapshot();
  const h = startCore();
  dataDir = h.dataDir;
  connectionId = await addGatewayConnection(h, gw, 'Bulk', proxy.endpoint);
  h.close({ keepData: true });
}, 300_000);

afterAll(async () => {
  await proxy.close();
  await tb.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(exportDir, { recursive: true, force: true });
}, 300_000);

describe('a bulk edit of 5,000 objects', () => {
  const change = { headers: { cacheControl: 'public, max-age=600' } };
  let jobId: string;

  it('dry run: every object would change, a sample shows before and after, nothing is written', async () => {
    const h = startCore({ dataDir });
    try {
      const from = proxy.requests.length;
      const dry = await h.value('objects:bulkDryRun', { connectionId, bucket: tb.bucket, scope: { keys: [], prefixes: [prefix] }, change });
      expect(dry).toMatchObject({ total: objectCount, change: objectCount, skip: 0, unreadable: [], truncated: false });
      expect(dry.sample[0]).toMatchObject({
        key: keyOf(0),
        before: { headers: { contentType: 'text/plain; charset=utf-8', metadata: { seq: '0', team: 'media' } } },
        after: { headers: { cacheControl: 'public, max-age=600', metadata: { seq: '0', team: 'media' } } },
      });
      expect(dry.sample[0]?.before.headers.cacheControl).toBeUndefined();
      expect(proxy.requests.slice(from).filter((r) => r.method !== 'GET' && r.method !== 'HEAD')).toEqual([]);
    } finally {
      h.close({ keepData: true });
    }
  }, 120_000);

  it('survives SIGKILL after its first checkpoint, resumes in a new process, writes each object once and keeps everything else', async () => {
    const from = proxy.requests.length;
    const child = spawn(process.execPath, ['--import', 'tsx', resolve('test/integration/objects/support/bulk-child.ts')], {
      cwd: resolve('.'),
      env: {
        ...process.env,
        BULK_CHILD_ARGS: JSON.stringify({
          dataDir,
          concurrency: 32,
          request: { connectionId, bucket: tb.bucket, scope: { keys: [], prefixes: [prefix] }, change },
        }),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, signal) => done(signal)));
    jobId = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error('the child never started its job')), 60_000);
      createInterface({ input: child.stdout }).once('line', (line) => {
        clearTimeout(timer);
        done((JSON.parse(line) as { jobId: string }).jobId);
      });
    });
    await expect.poll(() => journaledState() ?? null, { timeout: 60_000, interval: 20 }).not.toBeNull();
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const copiedByChild = copiedKeys(from).length;
    expect(copiedByChild).toBeGreaterThan(0);
    expect(copiedByChild).toBeLessThan(objectCount);

    const h = startCore({ dataDir, bulk: { concurrency: 32 } });
    try {
      const waiting = await h.value('objects:bulkInterrupted', {});
      expect(waiting.map((j) => j.jobId)).toEqual([jobId]);
      const end = endOf(h, jobId);
      await h.value('objects:bulkResume', { jobId });
      expect(await end).toMatchObject({ kind: 'finished', outcome: { done: objectCount, failedTotal: 0 } });
      const status = (await h.value('objects:bulkStatus', { jobId })) as BulkStatus;
      expect(status.changed + status.skipped).toBe(objectCount);
      expect(status.failed).toBe(0);
    } finally {
      h.close({ keepData: true });
    }

    // Each object copied exactly once, across both processes.
    const copies = copiedKeys(from);
    const perKey = new Map<string, number>();
    for (const key of copies) perKey.set(key, (perKey.get(key) ?? 0) + 1);
    expect(perKey.size).toBe(objectCount);
    expect([...perKey.entries()].filter(([, n]) => n !== 1)).toEqual([]);

    const after = await snapshot();
    const lost = [...after.entries()].filter(([key, s]) => s.cacheControl !== 'public, max-age=600' || s.rest !== before.get(key)?.rest);
    expect(lost.slice(0, 3)).toEqual([]);
  }, 600_000);

  it('exports its undo record as JSON, and the undo job restores every object as it was', async () => {
    const file = join(exportDir, 'undo.json');
    const dialogs = { ...noDialogs, chooseSaveFile: () => Promise.resolve({ canceled: false, paths: [file] }) };
    const h = startCore({ dataDir, dialogs, bulk: { concurrency: 32 } });
    try {
      expect(await h.value('objects:bulkExportUndo', { jobId })).toMatchObject({ saved: true, objects: objectCount });
      const exported = JSON.parse(readFileSync(file, 'utf8')) as UndoExport;
      expect(exported).toMatchObject({ format: 'bucket-admin/bulk-undo', jobId, bucket: tb.bucket });
      expect(exported.objects.find((o) => o.key === keyOf(7))).toMatchObject({
        headers: { contentLanguage: 'en', metadata: { seq: '7', team: 'media' } },
        grants: expect.arrayContaining([{ grantee: { kind: 'authenticated-users' }, permission: 'READ' }]) as unknown,
      });

      const { jobId: undoId } = await h.value('objects:bulkUndo', { jobId });
      const end = endOf(h, undoId);
      expect(await end).toMatchObject({ kind: 'finished', outcome: { done: objectCount, failedTotal: 0 } });
    } finally {
      h.close({ keepData: true });
    }
    const restored = await snapshot();
    const differ = [...restored.entries()].filter(([key, s]) => JSON.stringify(s) !== JSON.stringify(before.get(key)));
    expect(differ.slice(0, 3)).toEqual([]);
  }, 600_000);

  it('an ACL change skips objects already at the target (no write) and writes the rest', async () => {
    const keys = Array.from({ length: 20 }, (_, i) => keyOf(i + 1));
    const expectedChange = keys.filter((_, i) => aclOf(i + 1) !== 'public-read').length;
    const h = startCore({ dataDir });
    try {
      const scope = { keys, prefixes: [] };
      const acl = { acl: { kind: 'canned' as const, acl: 'public-read' as const } };
      const dry = await h.value('objects:bulkDryRun', { connectionId, bucket: tb.bucket, scope, change: acl });
      expect(dry).toMatchObject({ total: 20, change: expectedChange, skip: 20 - expectedChange });
      const from = proxy.requests.length;
      const { jobId: aclJob } = await h.value('objects:bulkStart', { connectionId, bucket: tb.bucket, scope, change: acl });
      expect(await endOf(h, aclJob)).toMatchObject({ kind: 'finished', outcome: { done: 20 } });
      expect(await h.value('objects:bulkStatus', { jobId: aclJob })).toMatchObject({
        changed: expectedChange,
        skipped: 20 - expectedChange,
      });
      expect(proxy.requests.slice(from).filter((r) => r.method === 'PUT' && isAclCall(r)).length).toBe(expectedChange);
      // Put them back with the job's own undo.
      const { jobId: undoId } = await h.value('objects:bulkUndo', { jobId: aclJob });
      expect(await endOf(h, undoId)).toMatchObject({ kind: 'finished' });
    } finally {
      h.close({ keepData: true });
    }
    for (const key of keys) expect((await stateOf(tb.client, key)).rest).toBe(before.get(key)?.rest);
  }, 120_000);

  it('on a bucket with ACLs disabled, a bulk ACL job is refused before it starts and nothing is written', async () => {
    proxy.setRule(aclsDisabled);
    const h = startCore({ dataDir });
    try {
      const from = proxy.requests.length;
      const request = {
        connectionId,
        bucket: tb.bucket,
        scope: { keys: [], prefixes: [prefix] },
        change: { acl: { kind: 'canned' as const, acl: 'public-read' as const }, headers: { cacheControl: 'no-cache' } },
      };
      expect(await h.call('objects:bulkStart', request)).toMatchObject({
        ok: false,
        error: { code: 'AclsDisabled', message: expect.stringMatching(/ACLs disabled.*bucket policy/) as string },
      });
      // Remembered: the dry run refuses without asking the bucket again.
      const asked = proxy.requests.length;
      expect(await h.call('objects:bulkDryRun', request)).toMatchObject({ ok: false, error: { code: 'AclsDisabled' } });
      expect(proxy.requests.length).toBe(asked);
      expect(proxy.requests.slice(from).filter((r) => r.method === 'PUT')).toEqual([]);
      expect(await h.value('objects:bulkInterrupted', {})).toEqual([]);
    } finally {
      proxy.setRule(() => ({ kind: 'pass' }));
      h.close({ keepData: true });
    }
  }, 60_000);
});
