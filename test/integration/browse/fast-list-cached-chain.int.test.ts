// Fast listing (fast-list-objects.ts) on the app's clients that reuse the SDK's resolved
// middleware chain (`cacheMiddleware`, with sends that drop their options so the cache is used):
// the bulk job's client and the fast transfer engine's. The SDK resolves that chain once per
// command class, so anything a listing hangs on one command's own middleware stack runs for
// every later ListObjectsV2 on the client. Each page of a prefix listed 3 keys at a time must
// come back, every key exactly once and in order (also with two listings at once on one client);
// a bulk walk over two prefixes (two listings in a row) must list both; and the client's other
// commands must still work after a fast listing.
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listObjectsV2Fast } from '../../../src/main/core/browse/fast-list-objects';
import { walkObjects } from '../../../src/main/core/browse/object-walker';
import type { ConnectionRecord } from '../../../src/main/core/connections/connection-record';
import { silentLogger } from '../../../src/main/core/logger';
import { bulkJobClient } from '../../../src/main/core/objects/bulk/bulk-client';
import { walkScope } from '../../../src/main/core/objects/bulk/bulk-scope';
import { createS3Client } from '../../../src/main/core/s3/client-factory';
import { sendSignalsInContext } from '../../../src/main/core/transfers/client/request-signal';
import { defaultRoots } from '../../../src/shared/model/roots';
import { createTestBucket, gatewayFromState, putObjects, type TestBucket } from '../../support/s3-test-env';

const keysUnder = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}f${String(i).padStart(2, '0')}.txt`);
const pagedKeys = keysUnder('paged/', 10);
const otherKeys = keysUnder('other/', 4);

let tb: TestBucket;
let record: ConnectionRecord;
const clients: S3Client[] = [];

beforeAll(async () => {
  const gw = gatewayFromState();
  tb = await createTestBucket(gw, 'fast-list-cached');
  await putObjects(
    tb.client,
    tb.bucket,
    Object.fromEntries([...pagedKeys, ...otherKeys, 'zz-outside.txt'].map((k) => [k, `bytes of ${k}`])),
  );
  const now = new Date().toISOString();
  record = {
    id: 'fast-list-cached',
    name: 'Gateway',
    credentials: { kind: 'keys', accessKeyId: gw.accessKeyId, hasSessionToken: false },
    region: gw.region,
    endpoint: gw.endpoint,
    forcePathStyle: true,
    checksumCompatibility: true,
    transferEngine: 'fast',
    roots: defaultRoots,
    createdAt: now,
    updatedAt: now,
  };
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await tb.cleanup();
});

/** The bulk job's client, as bulk-edit-service.ts makes it. */
function bulkClient(): S3Client {
  const client = bulkJobClient(record, tb.client, silentLogger);
  clients.push(client);
  return client;
}

/** The fast transfer engine's send path (transfer-client.ts): the middleware cache, signals in async context. */
function transferStyleClient(): S3Client {
  const client = createS3Client(record, tb.client.config.credentials, { cacheMiddleware: true, maxAttempts: 1 });
  sendSignalsInContext(client);
  clients.push(client);
  return client;
}

/** Every key under `prefix`, `maxKeys` a page, with the number of pages it took. */
async function pageThrough(client: S3Client, prefix: string, maxKeys: number): Promise<{ keys: string[]; pages: number }> {
  const keys: string[] = [];
  let pages = 0;
  let token: string | undefined;
  do {
    const page = await listObjectsV2Fast(client, {
      Bucket: tb.bucket,
      Prefix: prefix,
      MaxKeys: maxKeys,
      ...(token ? { ContinuationToken: token } : {}),
    });
    pages += 1;
    keys.push(...page.contents.map((o) => o.key));
    token = page.isTruncated ? page.nextContinuationToken : undefined;
    expect(pages, 'listing does not end').toBeLessThan(20);
  } while (token);
  return { keys, pages };
}

describe.each([
  ['the bulk job client', bulkClient],
  ['a fast-engine transfer client', transferStyleClient],
])('listObjectsV2Fast on %s (cached middleware chain)', (_name, makeClient) => {
  it('pages 10 keys 3 at a time: every key once, in order, in 4 pages', async () => {
    const client = makeClient();
    const { keys, pages } = await pageThrough(client, 'paged/', 3);
    expect(keys).toEqual(pagedKeys);
    expect(pages).toBe(4);
    // A second listing on the same (now warm) client, of another prefix, answers for itself.
    expect((await pageThrough(client, 'other/', 3)).keys).toEqual(otherKeys);
  });

  it('pages two prefixes at once on one client, each call getting its own pages', async () => {
    const client = makeClient();
    const [paged, other] = await Promise.all([pageThrough(client, 'paged/', 3), pageThrough(client, 'other/', 3)]);
    expect(paged.keys).toEqual(pagedKeys);
    expect(other.keys).toEqual(otherKeys);
  });

  it('leaves the client’s other commands alone (GetObject has no throw200ExceptionsMiddleware to sit by)', async () => {
    const client = makeClient();
    await listObjectsV2Fast(client, { Bucket: tb.bucket, Prefix: 'other/' });
    const got = await client.send(new GetObjectCommand({ Bucket: tb.bucket, Key: 'zz-outside.txt' }));
    expect(await got.Body?.transformToString()).toBe('bytes of zz-outside.txt');
  });

  it('lists folders and objects with a delimiter, call after call', async () => {
    const client = makeClient();
    for (let round = 0; round < 3; round += 1) {
      const page = await listObjectsV2Fast(client, { Bucket: tb.bucket, Delimiter: '/' });
      expect(page).toMatchObject({ isTruncated: false, commonPrefixes: ['other/', 'paged/'], contents: [{ key: 'zz-outside.txt' }] });
    }
  });

  it('walks a folder with object-walker after another listing', async () => {
    const client = makeClient();
    await listObjectsV2Fast(client, { Bucket: tb.bucket, Prefix: 'other/' });
    const walked: string[] = [];
    for await (const page of walkObjects(client, tb.bucket, 'paged/')) walked.push(...page.map((o) => o.key));
    expect(walked).toEqual(pagedKeys);
  });
});

describe('a bulk job’s scope walked on the bulk client', () => {
  it('lists every prefix of the scope (one listing after another), each key once, in order', async () => {
    const items: string[] = [];
    for await (const page of walkScope(bulkClient(), tb.bucket, { keys: ['zz-outside.txt'], prefixes: ['other/', 'paged/'] }, undefined))
      items.push(...page.map((i) => i.key));
    expect(items).toEqual(['zz-outside.txt', ...otherKeys, ...pagedKeys]);
  });
});
