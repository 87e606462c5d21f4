import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateMultipartUploadCommand, ListMultipartUploadsCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyFileSecretStore } from '../../../src/main/browser-host/key-file-secret-store';
import { silentLogger } from '../../../src/main/core/logger';
import { MiB } from '../../../src/main/core/s3/part-size';
import { closeDatabase, openDatabase } from '../../../src/main/core/store/database';
import { stateMigrations } from '../../../src/main/core/store/migrations';
import { legacyKeptName, legacyStateFileName, stateFileName } from '../../../src/main/core/store/state-file';
import { isUploadPart, partNumberOf, startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { createTestBucket, gatewayFromState, putObjects, type GatewayHandle, type TestBucket } from '../../support/s3-test-env';
import { objectSha256 } from '../transfers/support/local-files';
import { startTransferCore } from '../transfers/support/transfer-harness';

/*
 * A data folder as the last release with schema v3 (commit 6792192) left it: its rows were read
 * from a folder that release wrote (a connection with a secret, its last link expiry, a link in the
 * ledger, an upload stopped after two of its eight parts) and are written here the same way, with
 * this run's gateway, bucket and multipart upload. The schema is v1–v3 of today's list: those steps
 * are append-only and hashed, so they are byte for byte what that release applied.
 */

let gw: GatewayHandle;
let tb: TestBucket;
let proxy: FaultProxy;
const dirs: string[] = [];

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'v3-upgrade');
  await putObjects(tb.client, tb.bucket, { 'private/a.pdf': 'pdf bytes' });
  proxy = await startFaultProxy(gw.endpoint);
});
afterAll(async () => {
  await proxy.close();
  await tb.cleanup();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const partSize = 5 * MiB;
const md5 = (bytes: Buffer) => createHash('md5').update(bytes);

interface V3Folder {
  dataDir: string;
  connectionId: string;
  file: string;
  fileSha: string;
  uploadId: string;
}

/** Writes a v3 `bucket-admin.sqlite` holding what a v3 user had, and the upload's first two parts on the gateway. */
async function writeV3Folder(): Promise<V3Folder> {
  const root = mkdtempSync(join(tmpdir(), 'bucket-admin-v3-'));
  dirs.push(root);
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  const bytes = randomBytes(8 * partSize);
  const file = join(root, 'clip.mov');
  writeFileSync(file, bytes);
  const key = 'private/clip.mov';

  const created = await tb.client.send(
    new CreateMultipartUploadCommand({
      Bucket: tb.bucket,
      Key: key,
      ACL: 'private',
      CacheControl: 'private, no-cache',
      ContentType: 'video/quicktime',
    }),
  );
  const uploadId = created.UploadId ?? '';
  const parts: Array<{ n: number; etag: string; checksum: string }> = [];
  for (const n of [1, 2]) {
    const body = bytes.subarray((n - 1) * partSize, n * partSize);
    const checksum = md5(body).digest('base64');
    const out = await tb.client.send(
      new UploadPartCommand({ Bucket: tb.bucket, Key: key, UploadId: uploadId, PartNumber: n, Body: body, ContentMD5: checksum }),
    );
    parts.push({ n, etag: (out.ETag ?? '').replace(/"/g, ''), checksum });
  }

  const db = openDatabase({
    file: join(dataDir, legacyStateFileName),
    migrations: stateMigrations.filter((m) => m.version <= 3),
    logger: silentLogger,
  });
  const connectionId = randomUUID();
  const batchId = randomUUID();
  const at = '2026-11-02T07:10:52.066Z';
  const settings = {
    region: gw.region,
    endpoint: proxy.endpoint,
    forcePathStyle: true,
    checksumCompatibility: true,
    roots: { public: 'public/', private: 'private/' },
    credentials: { kind: 'keys', accessKeyId: gw.accessKeyId, hasSessionToken: false },
  };
  const secret = new KeyFileSecretStore(join(dataDir, 'dev-secret.key')).encrypt(JSON.stringify({ secretAccessKey: gw.secretAccessKey }));
  db.prepare('INSERT INTO connections VALUES (?, ?, ?, ?, ?)').run(connectionId, 'Media bucket', JSON.stringify(settings), at, at);
  db.prepare('INSERT INTO secrets VALUES (?, ?, ?)').run(connectionId, secret, at);
  db.prepare('INSERT INTO app_settings VALUES (?, ?)').run(`share.lastExpirySeconds.download.${connectionId}`, '86400');
  db.prepare(
    `INSERT INTO share_links (created_at, connection_id, connection_name, bucket, object_key, target, kind, expires_at, os_user, note, options_json, resource)
     VALUES (?, ?, 'Media bucket', ?, 'private/a.pdf', 'object', 'get', ?, 'support', 'ticket 42', ?, ?)`,
  ).run(
    at,
    connectionId,
    tb.bucket,
    '2026-11-03T07:10:52.000Z',
    JSON.stringify({ route: 'presigned', requestedSeconds: 86_400, seconds: 86_400, cap: 'requested' }),
    `${proxy.endpoint}/${tb.bucket}/private/a.pdf`,
  );
  db.prepare('INSERT INTO transfer_batches VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    batchId,
    'upload',
    connectionId,
    tb.bucket,
    'private/',
    'clip.mov',
    at,
  );
  const transferId = randomUUID();
  db.prepare(
    `INSERT INTO transfers (id, batch_id, seq, direction, connection_id, bucket, object_key, local_path, name, size, source_mtime_ms,
       remote_etag, state, options_json, upload_id, part_size, error_json, notice, attempts, created_at, updated_at)
     VALUES (?, ?, 0, 'upload', ?, ?, ?, ?, 'clip.mov', ?, ?, NULL, 'paused', ?, ?, ?, NULL, NULL, 0, ?, ?)`,
  ).run(
    transferId,
    batchId,
    connectionId,
    tb.bucket,
    key,
    file,
    bytes.length,
    Math.trunc(statSync(file).mtimeMs),
    JSON.stringify({ kind: 'upload', mode: 'create', acl: 'private', cacheControl: 'private, no-cache', contentType: 'video/quicktime' }),
    uploadId,
    partSize,
    at,
    at,
  );
  for (const p of parts) db.prepare('INSERT INTO transfer_parts VALUES (?, ?, ?, ?, ?)').run(transferId, p.n, partSize, p.etag, p.checksum);
  closeDatabase(db);
  return { dataDir, connectionId, file, fileSha: createHash('sha256').update(bytes).digest('hex'), uploadId };
}

describe('a data folder written by the v3 release', () => {
  it('opens with its connection, secret, ledger and settings, and its paused upload resumes from part 3', async () => {
    const v3 = await writeV3Folder();
    const partsSent: number[] = [];
    proxy.setRule((request) => {
      if (isUploadPart(request)) partsSent.push(partNumberOf(request) ?? 0);
      return { kind: 'pass' };
    });
    const h = await startTransferCore({ gw, dataDir: v3.dataDir, connectionId: v3.connectionId });
    try {
      // The file moved to state.sqlite; the old one is kept beside it, as the move promises.
      expect(existsSync(join(v3.dataDir, stateFileName))).toBe(true);
      expect(existsSync(join(v3.dataDir, legacyStateFileName))).toBe(false);
      expect(existsSync(join(v3.dataDir, legacyKeptName))).toBe(true);

      const [connection] = await h.value('connections:list', {});
      expect(connection).toMatchObject({ id: v3.connectionId, name: 'Media bucket', endpoint: proxy.endpoint });
      // The secret still decrypts: the bucket lists through the connection.
      const listing = await h.value('browse:list', { connectionId: v3.connectionId, bucket: tb.bucket, prefix: 'private/' });
      expect(listing.entries.map((e) => e.key)).toContain('private/a.pdf');

      const ledger = await h.value('share:ledger', { state: 'any', offset: 0, limit: 10 });
      expect(ledger.entries).toEqual([expect.objectContaining({ key: 'private/a.pdf', note: 'ticket 42' })]);
      // The last expiry the user picked (an app_settings row in v3) is still the dialog's default.
      expect((await h.value('share:defaults', { connectionId: v3.connectionId })).expirySeconds).toBe(86_400);

      // The user had paused it: it is still paused, with the two parts its journal holds counted.
      const before = await h.value('transfers:list', {});
      expect(before.items).toEqual([
        expect.objectContaining({ key: 'private/clip.mov', state: 'paused', bytesDone: 10 * MiB, parts: { done: 2, total: 8 } }),
      ]);
      const batchId = before.batches[0]?.id ?? '';
      await h.value('transfers:resume', { batchId });
      const { items } = await h.settled(batchId);
      expect(items.map((i) => i.state)).toEqual(['done']);
      // Only the parts S3 did not have yet were sent, into the same multipart upload.
      expect(partsSent.sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8]);
      expect(await objectSha256(tb.client, tb.bucket, 'private/clip.mov')).toBe(v3.fileSha);
      const open = await tb.client.send(new ListMultipartUploadsCommand({ Bucket: tb.bucket }));
      expect(open.Uploads ?? []).toEqual([]);
    } finally {
      h.close();
      proxy.setRule(() => ({ kind: 'pass' }));
    }
  });
});
