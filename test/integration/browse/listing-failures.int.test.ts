import { DeleteBucketCommand, DeleteObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../../src/main/core/logger';
import { createTestBucket } from '../../support/s3-test-env';
import { denyPolicy, putMany, startBrowseEnv, type BrowseEnv } from './browse-env';
import { startFaultProxy } from '../../support/fault-proxy';
import { startTcpProxy } from './tcp-proxy';

let env: BrowseEnv;
/** The S3 requests the core sent (one log line each, answered or not), to count attempts. */
const s3Requests: { op?: unknown; status?: unknown; error?: unknown }[] = [];
const log: Logger = {
  info: (message, fields) => (message === 's3' && fields ? s3Requests.push(fields) : undefined),
  warn: (message, fields) => (message === 's3' && fields ? s3Requests.push(fields) : undefined),
  error: () => undefined,
};
const ref = () => ({ connectionId: env.connectionId, bucket: env.bucket });

beforeAll(async () => {
  env = await startBrowseEnv('failures', { logger: log });
  await putMany(
    env.client,
    ['open/a.txt', 'secret/b.txt', 'secret/c.txt', ...Array.from({ length: 30 }, (_, i) => `many/${i}.txt`)].map((Key) => ({
      Bucket: env.bucket,
      Key,
      Body: 'x',
    })),
  );
});
afterAll(() => env.close());

describe('failures a user meets while browsing', () => {
  it('access denied on one folder: that listing says so in plain words, the others still work', async () => {
    await denyPolicy(env.client, env.bucket, [
      { actions: ['s3:ListBucket'], resource: `arn:aws:s3:::${env.bucket}`, prefixCondition: 'secret/*' },
    ]);
    const denied = await env.h.call('browse:list', { ...ref(), prefix: 'secret/' });
    expect(denied).toMatchObject({
      ok: false,
      error: {
        code: 'AccessDenied',
        message: expect.stringMatching(/may not list the folder “secret\/”.*Other folders may still open/) as string,
      },
    });
    expect(await env.h.value('browse:list', { ...ref(), prefix: 'open/' })).toMatchObject({ entries: [{ key: 'open/a.txt' }] });
    expect((await env.h.value('browse:list', { ...ref(), prefix: '' })).entries.map((e) => e.key)).toEqual(['many/', 'open/', 'secret/']);
    // Objects in the denied folder can still be inspected and previewed by key.
    expect(await env.h.value('browse:details', { ...ref(), key: 'secret/b.txt' })).toMatchObject({ size: 1 });
  });

  it('bucket deleted meanwhile: listing, details and previews say the bucket is gone', async () => {
    const doomed = await createTestBucket(env.gw, 'doomed');
    await putMany(doomed.client, [{ Bucket: doomed.bucket, Key: 'f/x.txt', Body: 'x' }]);
    const target = { connectionId: env.connectionId, bucket: doomed.bucket };
    expect(await env.h.value('browse:list', { ...target, prefix: 'f/' })).toMatchObject({ entries: [{ key: 'f/x.txt' }] });
    await doomed.client.send(new DeleteObjectCommand({ Bucket: doomed.bucket, Key: 'f/x.txt' }));
    await doomed.client.send(new DeleteBucketCommand({ Bucket: doomed.bucket }));
    doomed.client.destroy();
    const list = await env.h.call('browse:list', { ...target, prefix: 'f/' });
    expect(list).toMatchObject({ ok: false, error: { code: 'NoSuchBucket', message: expect.stringMatching(/no bucket/) as string } });
    expect(await env.h.call('browse:details', { ...target, key: 'f/x.txt' })).toMatchObject({ ok: false });
    const preview = await env.h.core.objects.open({
      method: 'GET',
      query: new URLSearchParams({ c: env.connectionId, b: doomed.bucket, k: 'f/x.txt' }),
    });
    expect(preview.status).toBe(404);
    // The rest of the app is fine.
    expect(await env.h.value('browse:list', { ...ref(), prefix: 'open/' })).toMatchObject({ entries: [{ key: 'open/a.txt' }] });
  });

  it('network gone mid-listing: the next page fails as unreachable, and Retry resumes when it is back', async () => {
    const proxy = await startTcpProxy(env.gw.endpoint);
    const viaProxy = await env.h.value('connections:add', {
      name: 'Through a cable we cut',
      credentials: { kind: 'keys', accessKeyId: env.gw.accessKeyId, secretAccessKey: env.gw.secretAccessKey },
      endpoint: proxy.endpoint,
      forcePathStyle: true,
      checksumCompatibility: true,
    });
    const req = { connectionId: viaProxy.id, bucket: env.bucket, prefix: 'many/', pageSize: 10 };
    const first = await env.h.value('browse:list', req);
    expect(first.entries).toHaveLength(10);
    expect(first.continuationToken).toBeTruthy();
    await proxy.cut();
    const sentBefore = s3Requests.length;
    const second = await env.h.call('browse:list', { ...req, continuationToken: first.continuationToken ?? '' });
    expect(second).toMatchObject({
      ok: false,
      error: {
        code: 'EndpointUnreachable',
        message: expect.stringMatching(
          /Could not reach the server at http:\/\/127\.0\.0\.1:\d+ .*Check the endpoint address and your network/,
        ) as string,
      },
    });
    // It gave up after a fixed few attempts, none answered: the fast page reader's and then the
    // SDK's, each the client's 3 (6 seen), rather than retrying on while the server is gone.
    // Attempts are counted, not seconds, so a loaded machine cannot fail it.
    const attempts = s3Requests.slice(sentBefore);
    expect(attempts.length).toBeGreaterThanOrEqual(1);
    expect(attempts.length).toBeLessThanOrEqual(6);
    for (const attempt of attempts) expect(attempt).toMatchObject({ op: 'ListObjectsV2', status: null });
    // Other connections keep working while this one is cut off.
    expect(await env.h.value('browse:list', { ...ref(), prefix: 'open/' })).toMatchObject({ entries: [{ key: 'open/a.txt' }] });
    await proxy.restore();
    const resumed = await env.h.value('browse:list', { ...req, continuationToken: first.continuationToken ?? '' });
    expect(resumed.entries[0]?.key).not.toBe(first.entries[0]?.key);
    expect(resumed.entries).toHaveLength(10);
    await proxy.cut();
  });

  it('a listing body the fast reader cannot read exactly is read by the SDK instead: no error, nothing dropped', async () => {
    const proxy = await startFaultProxy(env.gw.endpoint);
    try {
      const viaProxy = await env.h.value('connections:add', {
        name: 'Through an odd server',
        credentials: { kind: 'keys', accessKeyId: env.gw.accessKeyId, secretAccessKey: env.gw.secretAccessKey },
        endpoint: proxy.endpoint,
        forcePathStyle: true,
        checksumCompatibility: true,
      });
      const listing = (contents: string) =>
        `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${env.bucket}</Name><Prefix>odd/</Prefix><IsTruncated>false</IsTruncated>${contents}</ListBucketResult>`;
      const bodies = [
        // Legal XML the fast reader used to throw on ("unclosed <Key>") …
        listing('<Contents><Key>odd/a.txt</Key ><Size>3</Size></Contents>'),
        // … and one it used to misread silently (the object vanished from the listing).
        listing('<Contents><Key xml:space="preserve">odd/a.txt</Key><Size>3</Size></Contents>'),
      ];
      for (const body of bodies) {
        proxy.setRule((req) =>
          req.method === 'GET' && req.target.includes('list-type=2')
            ? { kind: 'respond', status: 200, headers: { 'content-type': 'application/xml' }, body }
            : { kind: 'pass' },
        );
        const page = await env.h.call('browse:list', { connectionId: viaProxy.id, bucket: env.bucket, prefix: 'odd/' });
        expect(page, body).toMatchObject({ ok: true, value: { entries: [{ kind: 'object', key: 'odd/a.txt', size: 3 }] } });
      }
    } finally {
      await proxy.close();
    }
  });
});
