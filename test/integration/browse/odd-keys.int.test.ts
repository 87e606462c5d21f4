import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseListObjectsV2 } from '../../../src/main/core/browse/list-xml';
import type { ListEntry } from '../../../src/shared/model/bucket';
import { bodyBytes, putMany, startBrowseEnv, type BrowseEnv } from './browse-env';

const dir = 'public/odd/';
const long = `${dir}${'L'.repeat(1024 - dir.length - 4)}.txt`;
const oddNames = [
  'a b.txt',
  'plus+sign.txt',
  'percent%20literal.txt',
  'hash#q?amp&.txt',
  'é-nfc.txt'.normalize('NFC'),
  'é-nfc.txt'.normalize('NFD'),
  'trailing space ',
  ' leading space',
  '日本語 ファイル.txt',
];
const body = (key: string) => `bytes of ${key}`;

let env: BrowseEnv;
beforeAll(async () => {
  env = await startBrowseEnv('odd-keys');
  const keys = [
    ...oddNames.map((n) => `${dir}${n}`),
    long,
    `${dir}/double-slash.txt`,
    '/leading-slash.txt',
    `${dir}sub/`,
    `${dir}sub/inner.txt`,
  ];
  await putMany(
    env.client,
    keys.map((Key) => ({ Bucket: env.bucket, Key, Body: body(Key), ContentType: 'text/plain; charset=utf-8' })),
  );
});
afterAll(() => env.close());

async function listAll(prefix: string, pageSize?: number): Promise<ListEntry[]> {
  const entries: ListEntry[] = [];
  let token: string | undefined;
  do {
    const page = await env.h.value('browse:list', {
      connectionId: env.connectionId,
      bucket: env.bucket,
      prefix,
      ...(token ? { continuationToken: token } : {}),
      ...(pageSize ? { pageSize } : {}),
    });
    entries.push(...page.entries);
    token = page.continuationToken;
  } while (token);
  return entries;
}

describe('odd keys round-trip: list → details → bytes', () => {
  it('lists every odd name exactly once, NFC and NFD apart, the placeholder folder once', async () => {
    const entries = await listAll(dir);
    const names = entries.map((e) => e.name);
    for (const n of oddNames) expect(names.filter((x) => x === n)).toHaveLength(1);
    expect(names).toContain(long.slice(dir.length));
    expect(entries.filter((e) => e.key === `${dir}sub/`)).toEqual([{ kind: 'folder', key: `${dir}sub/`, name: 'sub/' }]);
    expect(entries.filter((e) => e.key === `${dir}/`)).toEqual([{ kind: 'folder', key: `${dir}/`, name: '/' }]);
    expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
    // Small pages give the same rows: nothing lost or repeated across continuation tokens.
    expect((await listAll(dir, 2)).map((e) => e.key).sort()).toEqual(entries.map((e) => e.key).sort());
    const top = await listAll('');
    expect(top.map((e) => e.key)).toEqual(['/', 'public/']);
  });

  it('gives details and the exact bytes for each odd key', async () => {
    const keys = [...oddNames.map((n) => `${dir}${n}`), long, `${dir}/double-slash.txt`, '/leading-slash.txt'];
    for (const key of keys) {
      const details = await env.h.value('browse:details', { connectionId: env.connectionId, bucket: env.bucket, key });
      expect(details.key).toBe(key);
      expect(details.size).toBe(Buffer.byteLength(body(key)));
      const response = await env.h.core.objects.open({
        method: 'GET',
        query: new URLSearchParams({ c: env.connectionId, b: env.bucket, k: key }),
      });
      expect(response.status).toBe(200);
      expect((await bodyBytes(response.body)).toString()).toBe(body(key));
    }
  });

  it('public URLs of odd keys reach the same object anonymously', async () => {
    const key = `${dir}hash#q?amp&.txt`;
    const details = await env.h.value('browse:details', { connectionId: env.connectionId, bucket: env.bucket, key });
    expect(details.publicUrl).toBe(`${env.gw.endpoint}/${env.bucket}/public/odd/hash%23q%3Famp%26.txt`);
    expect(details.underRoot).toBe('public');
  });
});

describe("fast listing reader on the gateway's own XML", () => {
  it('reads exactly what the SDK reads, odd keys included', async () => {
    for (const input of [{ Prefix: dir, Delimiter: '/' }, { Prefix: '' }, { Prefix: dir, MaxKeys: 3 }]) {
      const command = { Bucket: env.bucket, ...input };
      const url = await getSignedUrl(env.client, new ListObjectsV2Command(command));
      const xml = await (await fetch(url, { signal: AbortSignal.timeout(10_000) })).text();
      const fast = parseListObjectsV2(xml);
      const sdk = await env.client.send(new ListObjectsV2Command(command));
      expect(fast).toBeDefined();
      expect(fast?.contents.map((o) => [o.key, o.size, o.etag, o.lastModified?.toISOString(), o.storageClass])).toEqual(
        (sdk.Contents ?? []).map((o) => [o.Key, o.Size, o.ETag, o.LastModified?.toISOString(), o.StorageClass]),
      );
      expect(fast?.commonPrefixes).toEqual((sdk.CommonPrefixes ?? []).map((p) => p.Prefix));
      expect(fast?.isTruncated).toBe(sdk.IsTruncated ?? false);
      expect(fast?.nextContinuationToken).toBe(sdk.NextContinuationToken);
    }
  });
});
