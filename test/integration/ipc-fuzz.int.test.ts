import { randomUUID } from 'node:crypto';
// Fuzzes every contract channel with hostile values in every string field (absolute paths to
// files the user never granted, `..` out of granted folders, CR/LF and NUL, oversized text),
// driven from the contract's own schemas, against a real core and the real gateway. Whatever
// the renderer sends, nothing outside the user's grants is read or written.
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels, type Channel } from '../../src/shared/contract';
import type { DialogPort } from '../../src/main/core/dialogs/dialog-port';
import { indexFileName } from '../../src/main/core/index/index-file';
import { stateFileName } from '../../src/main/core/store/state-file';
import { startCore, type CoreHarness } from '../support/core-harness';
import { samples, stringPaths, withLeaf, type Seeds } from '../support/schema-samples';
import { createTestBucket, gatewayFromState, putObjects, type TestBucket } from '../support/s3-test-env';

let tb: TestBucket;
let root: string;
let h: CoreHarness;
let seeds: Seeds;
const canary = `canary-${Date.now()}-never-upload-me`;

/** Every file under `dir` with its size and mtime, for a before/after comparison. */
function snapshot(dir: string, skip: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = join(at, name);
      if (skip.includes(full)) continue;
      const s = statSync(full);
      if (s.isDirectory()) walk(full);
      else out[relative(dir, full)] = `${s.size}:${s.mtimeMs}`;
    }
  };
  walk(dir);
  return out;
}

beforeAll(async () => {
  tb = await createTestBucket(gatewayFromState(), 'ipc-fuzz');
  await putObjects(tb.client, tb.bucket, { 'private/a.txt': 'a', 'public/b.txt': 'b' });
  root = mkdtempSync(join(tmpdir(), 'bucket-admin-fuzz-'));
  for (const dir of ['granted', 'downloads', 'outside']) mkdirSync(join(root, dir));
  writeFileSync(join(root, 'granted', 'ok.txt'), 'granted bytes');
  writeFileSync(join(root, 'outside', 'canary.txt'), canary);
  const chosen =
    (folder: string): DialogPort['chooseFiles'] =>
    () =>
      Promise.resolve({ canceled: false, paths: [join(root, folder)] });
  h = startCore({
    dataDir: join(root, 'data'),
    dialogs: {
      chooseFiles: chosen('granted'),
      chooseFolder: chosen('granted'),
      chooseDownloadFolder: chosen('downloads'),
      chooseSaveFile: () => Promise.resolve({ canceled: false, paths: [join(root, 'downloads', 'export.csv')] }),
    },
  });
  const gw = gatewayFromState();
  const { id } = await h.value('connections:add', {
    name: 'Fuzz',
    credentials: { kind: 'keys', accessKeyId: gw.accessKeyId, secretAccessKey: gw.secretAccessKey },
    endpoint: gw.endpoint,
    region: gw.region,
    forcePathStyle: true,
    checksumCompatibility: true,
  });
  await h.value('dialogs:chooseFolder', {});
  await h.value('dialogs:chooseDownloadFolder', {});
  const plan = await h.value('transfers:planUpload', {
    connectionId: id,
    bucket: tb.bucket,
    prefix: 'private/fuzz/',
    paths: [join(root, 'granted')],
  });
  seeds = {
    connectionId: id,
    id,
    bucket: tb.bucket,
    key: 'private/a.txt',
    keys: ['private/a.txt'],
    prefix: 'private/',
    prefixes: ['private/'],
    parentPrefix: 'private/',
    destinationPrefix: 'private/fuzz-copies/',
    roots: { public: 'public/', private: 'private/' },
    paths: [join(root, 'granted', 'ok.txt')],
    destination: join(root, 'downloads'),
    planId: plan.planId,
    // Well formed, held by no shelf: the channel answers NotFound, and each hostile value is refused first.
    snippetId: randomUUID(),
    // The health panel's CORS fix: a valid origin, so each hostile value is the only thing wrong.
    origins: ['https://upload.example.org'],
    // An audit search (its ETag, storage class and dates have formats of their own): each hostile value replaces a field.
    query: { name: 'a', extension: 'txt', storageClass: 'STANDARD', etag: 'abc', prefix: 'private/' },
    // Bulk edits: one object and one header, so each hostile value is the only thing wrong.
    scope: { keys: ['private/a.txt'], prefixes: [] },
    change: { headers: { cacheControl: 'no-cache' } },
    // Well formed, run by no bulk job: the channel answers NotFound (or null).
    jobId: 'job-not-running',
    // An inventory import: a granted folder (it holds no manifest) and a key that is no manifest; each hostile value is refused first.
    path: join(root, 'granted'),
    manifestKey: 'private/a.txt',
  };
});

afterAll(async () => {
  h.close();
  rmSync(root, { recursive: true, force: true });
  await tb.cleanup();
});

/** What a compromised renderer would try in a string field. */
function hostileStrings(): string[] {
  const data = join(root, 'data');
  return [
    '/etc/passwd',
    join(root, 'outside', 'canary.txt'),
    join(root, 'outside'),
    join(root, 'granted', '..', 'outside', 'canary.txt'),
    join(root, 'downloads', '..', 'outside'),
    join(data, 'dev-secret.key'),
    join(data, stateFileName),
    join(data, indexFileName),
    '../../../../etc/passwd',
    'private/a.txt\r\nX-Injected: yes',
    'text/plain\r\nSet-Cookie: x=1',
    'a\u0000b',
    'x'.repeat(300_000),
  ];
}

/** Waits until the queue has nothing queued or running. */
async function settled(core: CoreHarness): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const page = await core.value('transfers:list', { states: ['queued', 'active'], limit: 1 });
    if (page.totalItems === 0) return;
    if (Date.now() > deadline) throw new Error(`${page.totalItems} transfers still running after 2 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Channels that change what later cases need go last. */
const order = (c: Channel) => (c === 'connections:remove' ? 2 : c === 'connections:update' ? 1 : 0);

describe('every channel, every string field, hostile values', () => {
  it('answers with an envelope, never Internal, and reads or writes nothing outside the grants', async () => {
    const before = snapshot(root, [join(root, 'data'), join(root, 'downloads')]);
    const unexpected: string[] = [];
    let calls = 0;
    const withoutValidBase: string[] = [];
    for (const channel of [...channelNames].sort((a, b) => order(a) - order(b))) {
      // Start from inputs the schema accepts, so each hostile value is the only thing wrong.
      const bases = samples(channels[channel].input, seeds).filter((base) => channels[channel].input.safeParse(base).success);
      if (bases.length === 0) withoutValidBase.push(channel);
      for (const base of bases) {
        for (const path of stringPaths(base)) {
          for (const hostile of hostileStrings()) {
            const input = withLeaf(base, path, hostile);
            const result = await h.core.router.handle(channel, input);
            calls += 1;
            expect(typeof result.ok, channel).toBe('boolean');
            if (!result.ok && result.error.code === 'Internal')
              unexpected.push(`${channel} ${path.join('.')}=${hostile.slice(0, 40)}: ${result.error.message}`);
            // An attacker who got a plan through would start it at once: do the same.
            if (result.ok && (channel === 'transfers:planUpload' || channel === 'transfers:planDownload')) {
              const { planId } = result.value as { planId: string };
              const start = channel === 'transfers:planUpload' ? 'transfers:startUpload' : 'transfers:startDownload';
              await h.core.router.handle(start, { planId, conflict: 'overwrite' });
            }
          }
        }
      }
    }
    // Let everything that was started finish (or fail) before looking at the disk and the bucket.
    await settled(h);
    expect(unexpected).toEqual([]);
    // A new channel whose fields need a seed shows up here: add a valid value for the field to `seeds`.
    expect(withoutValidBase, 'channels with no valid input to fuzz from: give their fields a seed').toEqual([]);
    expect(calls).toBeGreaterThan(1000);

    // Nothing was written outside the data folder and the granted download folder.
    expect(snapshot(root, [join(root, 'data'), join(root, 'downloads')])).toEqual(before);
    expect(readFileSync(join(root, 'outside', 'canary.txt'), 'utf8')).toBe(canary);

    // Nothing the user did not grant reached the bucket.
    const secrets = [
      canary,
      readFileSync(join(root, 'data', 'dev-secret.key'))
        .toString('utf8')
        .slice(0, 32),
      'SQLite format 3',
      'root:x:0:0',
    ];
    const listed = await tb.client.send(new ListObjectsV2Command({ Bucket: tb.bucket }));
    for (const object of listed.Contents ?? []) {
      const body = await (
        await tb.client.send(new GetObjectCommand({ Bucket: tb.bucket, Key: object.Key }))
      ).Body?.transformToString('latin1');
      for (const secret of secrets) expect(body?.includes(secret), `${object.Key ?? ''} holds ${secret.slice(0, 20)}`).toBe(false);
    }
  }, 600_000);
});
