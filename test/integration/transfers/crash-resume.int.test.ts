import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateFileName } from '../../../src/main/core/store/state-file';
import { MiB } from '../../../src/main/core/s3/part-size';
import { transferEngineSchema } from '../../../src/shared/model/connection';
import type { TransferProgressEvent } from '../../../src/shared/model/transfer';
import { isUploadPart, partNumberOf, startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { createTestBucket, gatewayFromState, type GatewayHandle, type TestBucket } from '../../support/s3-test-env';
import { makeTree, objectSha256 } from './support/local-files';
import { startTransferCore } from './support/transfer-harness';

let gw: GatewayHandle;
let tb: TestBucket;
let proxy: FaultProxy;
const cleanups: string[] = [];

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'transfers-crash');
  proxy = await startFaultProxy(gw.endpoint);
});
afterAll(async () => {
  await proxy.close();
  await tb.cleanup();
  for (const dir of cleanups) rmSync(dir, { recursive: true, force: true });
});

// In each transfer engine: both keep the upload id and parts in the journal, so both resume.
describe.each(transferEngineSchema.options)('a process killed mid-upload (%s engine)', (transferEngine) => {
  it('resumes in a new core from the parts S3 already has, without sending them again', async () => {
    const { root, sha } = makeTree({ 'interview.mov': 40 * MiB }, `crash-${transferEngine}`);
    const dataDir = mkdtempSync(join(tmpdir(), 'bucket-admin-crash-'));
    cleanups.push(root, dataDir);
    // Parts 1 and 2 go through; every later part stalls, so the child is surely mid-upload.
    proxy.setRule((req) =>
      isUploadPart(req) && (partNumberOf(req) ?? 0) > 2 ? { kind: 'stall', afterBytes: 256 * 1024 } : { kind: 'pass' },
    );

    const child = spawn(process.execPath, ['--import', 'tsx', resolve('test/integration/transfers/support/upload-child.ts')], {
      cwd: resolve('.'),
      env: {
        ...process.env,
        UPLOAD_CHILD_ARGS: JSON.stringify({
          gw,
          endpoint: proxy.endpoint,
          dataDir,
          bucket: tb.bucket,
          prefix: 'public/crash/',
          file: join(root, 'interview.mov'),
          transferEngine,
        }),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, signal) => done(signal)));
    const twoPartsDone = new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error('the child never finished two parts')), 60_000);
      createInterface({ input: child.stdout }).on('line', (line) => {
        const event = JSON.parse(line) as Partial<TransferProgressEvent>;
        if (event.items?.some((i) => (i.parts?.done ?? 0) >= 2)) {
          clearTimeout(timer);
          done();
        }
      });
    });
    await twoPartsDone;
    // The journal, not only the event, must hold the two parts before the kill.
    const db = new Database(join(dataDir, stateFileName), { readonly: true });
    const journaled = db.prepare('SELECT part_number FROM transfer_parts ORDER BY part_number').all() as Array<{ part_number: number }>;
    const saved = db.prepare('SELECT id FROM connections').get() as { id: string };
    db.close();
    expect(journaled.map((p) => p.part_number)).toEqual([1, 2]);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    proxy.setRule(() => ({ kind: 'pass' }));
    proxy.dropAll();
    const before = proxy.requests.length;
    const h = await startTransferCore({ gw, endpoint: proxy.endpoint, dataDir, connectionId: saved.id });
    try {
      const interrupted = await h.value('transfers:interrupted', {});
      // Two of eight parts are in the journal: what is left is what the resume must still send.
      expect(interrupted).toMatchObject({ itemCount: 1, bytesLeft: 30 * MiB });
      expect((await h.value('transfers:list', { batchId: interrupted.batches[0]?.id ?? '' })).items[0]).toMatchObject({
        state: 'interrupted',
        bytesDone: 10 * MiB,
        parts: { done: 2, total: 8 },
      });
      const batchId = interrupted.batches[0]?.id ?? '';
      expect(await h.value('transfers:resume', { all: true })).toEqual({ changed: 1 });
      const { items } = await h.settled(batchId, 60_000);
      expect(items.map((i) => [i.state, i.error?.message])).toEqual([['done', undefined]]);
      const sent = proxy.requests
        .slice(before)
        .filter(isUploadPart)
        .map((r) => partNumberOf(r));
      expect(sent.sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([3, 4, 5, 6, 7, 8]);
      expect(proxy.requests.slice(before).some((r) => r.method === 'GET' && r.target.includes('uploadId='))).toBe(true);
      expect(await objectSha256(tb.client, tb.bucket, 'public/crash/interview.mov')).toBe(sha['interview.mov']);
      const uploads = await tb.client.send(new ListMultipartUploadsCommand({ Bucket: tb.bucket }));
      expect(uploads.Uploads ?? []).toEqual([]);
    } finally {
      h.close({ keepData: true });
    }
  }, 120_000);
});
