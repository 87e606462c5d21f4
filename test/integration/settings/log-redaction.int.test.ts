// The log file records S3 requests (method, bucket, key, status, ms) and failures, and never a
// secret: after a run that signed requests with a secret key, sent a session token and issued a
// presigned link, neither the secret, the token nor the link's X-Amz-Signature is in the file.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../../src/main/core/logger';
import { openRotatingLog } from '../../../src/main/core/rotating-log-file';
import { startCore } from '../../support/core-harness';
import { createTestBucket, gatewayFromState, putObjects, type GatewayHandle, type TestBucket } from '../../support/s3-test-env';

let gw: GatewayHandle;
let tb: TestBucket;
let root: string;
const sessionToken = `FwoGZXIvYXdzEXAMPLE${Date.now()}SESSIONTOKENNEVERLOGGED`;

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'settings-logs');
  await putObjects(tb.client, tb.bucket, { 'private/report.txt': 'quarterly numbers' });
  root = mkdtempSync(join(tmpdir(), 'bucket-admin-logs-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the log file', () => {
  it('has the request lines and no secret, session token or link signature', async () => {
    const logFile = join(root, 'logs', 'main.log');
    const sink = openRotatingLog({ file: logFile });
    const h = startCore({ dataDir: join(root, 'data'), logger: createJsonLogger(sink.write) });
    let signature: string;
    try {
      const conn = await h.value('connections:add', {
        name: 'Gateway',
        credentials: { kind: 'keys', accessKeyId: gw.accessKeyId, secretAccessKey: gw.secretAccessKey },
        endpoint: gw.endpoint,
        forcePathStyle: true,
        checksumCompatibility: true,
      });
      const ref = { connectionId: conn.id, bucket: tb.bucket };
      await h.value('browse:list', { ...ref, prefix: 'private/' });
      writeFileSync(join(root, 'up.txt'), 'uploaded');
      h.core.localFiles.grantDropped(join(root, 'up.txt'));
      const plan = await h.value('transfers:planUpload', { ...ref, prefix: 'private/up/', paths: [join(root, 'up.txt')] });
      await h.value('transfers:startUpload', { planId: plan.planId, conflict: 'overwrite' });
      for (let i = 0; i < 200; i += 1) {
        const page = await h.value('transfers:list', { limit: 10 });
        if (page.items.every((item) => item.state === 'done')) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const link = await h.value('share:link', { ...ref, key: 'private/report.txt', expiresInSeconds: 900 });
      signature = new URL(link.url).searchParams.get('X-Amz-Signature') ?? '';
      expect(signature).toMatch(/^[0-9a-f]{64}$/);
      expect((await fetch(link.url)).status).toBe(200);
      // The same keys with a session token the gateway does not know: sent, refused, logged.
      const withToken = await h.value('connections:test', {
        draft: {
          name: 'Temporary keys',
          credentials: { kind: 'keys', accessKeyId: gw.accessKeyId, secretAccessKey: gw.secretAccessKey, sessionToken },
          endpoint: gw.endpoint,
          forcePathStyle: true,
          checksumCompatibility: true,
          bucket: tb.bucket,
        },
      });
      expect(withToken).toBeDefined();
    } finally {
      h.close();
      await sink.close();
    }
    const text = readdirSync(join(root, 'logs'))
      .map((name) => readFileSync(join(root, 'logs', name), 'utf8'))
      .join('');
    expect(text).not.toContain(gw.secretAccessKey);
    expect(text).not.toContain(sessionToken);
    expect(text).not.toContain(signature);
    expect(text).not.toContain('X-Amz-Signature');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { level: string; message: string; extra?: Record<string, unknown> });
    const requests = lines.filter((l) => l.message === 's3').map((l) => l.extra ?? {});
    expect(requests).toContainEqual(expect.objectContaining({ op: 'ListObjectsV2', method: 'GET', bucket: tb.bucket, status: 200 }));
    expect(requests).toContainEqual(
      expect.objectContaining({ op: 'PutObject', method: 'PUT', bucket: tb.bucket, key: 'private/up/up.txt', status: 200 }),
    );
    for (const r of requests) expect(typeof r.ms).toBe('number');
    // The token's requests were refused, and that is in the log as a failure with its status.
    expect(requests.some((r) => typeof r.status === 'number' && r.status >= 400)).toBe(true);
  }, 60_000);
});
