import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExistence, listThreshold } from '../../../src/main/core/share/existence-check';
import { createTestBucket, gatewayFromState, putObjects, s3ClientFor, type TestBucket } from '../../support/s3-test-env';

let tb: TestBucket;
let client: S3Client;
const calls: string[] = [];
const many = Array.from({ length: 40 }, (_, i) => `private/many/${String(i).padStart(3, '0')}.bin`);

beforeAll(async () => {
  const gw = gatewayFromState();
  tb = await createTestBucket(gw, 'share-exists');
  await putObjects(tb.client, tb.bucket, Object.fromEntries([...many, 'private/few/a.txt', 'private/few/b.txt'].map((k) => [k, 'x'])));
  client = s3ClientFor(gw);
  // Count what the check sends, to show one listing replaces a HEAD per key.
  client.middlewareStack.add(
    (next, context) => (args) => {
      calls.push(context.commandName ?? '?');
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
});
afterAll(async () => {
  client.destroy();
  await tb.cleanup();
});

const count = (name: string) => calls.filter((c) => c === name).length;

describe('existence check for links made in bulk', () => {
  it('lists a busy folder once and HEADs the rest; missing keys warn either way', async () => {
    calls.length = 0;
    const wanted = [...many.slice(0, 30), 'private/many/zzz-missing.bin', 'private/few/a.txt', 'private/few/missing.txt'];
    expect(wanted.filter((k) => k.startsWith('private/many/')).length).toBeGreaterThanOrEqual(listThreshold);
    const result = await checkExistence(client, tb.bucket, wanted);
    expect(count('ListObjectsV2Command')).toBe(1);
    expect(count('HeadObjectCommand')).toBe(2);
    expect(result.get('private/many/000.bin')).toMatchObject({ facts: { size: 1 } });
    expect(result.get('private/few/a.txt')).toMatchObject({ facts: { size: 1 } });
    expect(result.get('private/many/zzz-missing.bin')?.warning?.code).toBe('NoSuchKey');
    expect(result.get('private/few/missing.txt')?.warning?.code).toBe('NoSuchKey');
    expect(result.size).toBe(wanted.length);
  });

  it('stops listing once every wanted key is seen', async () => {
    calls.length = 0;
    const result = await checkExistence(client, tb.bucket, many.slice(0, 25), { pageSize: 10, maxPages: 10 });
    expect(count('ListObjectsV2Command')).toBe(3);
    expect(count('HeadObjectCommand')).toBe(0);
    expect([...result.values()].every((r) => r.facts)).toBe(true);
  });

  it('falls back to HEADs for what a listing within its page budget could not settle', async () => {
    calls.length = 0;
    const wanted = [...many, 'private/many/zzz-missing.bin'];
    const result = await checkExistence(client, tb.bucket, wanted, { pageSize: 10, maxPages: 2 });
    expect(count('ListObjectsV2Command')).toBe(2);
    expect(count('HeadObjectCommand')).toBe(21); // 20 objects past the budget, and the missing key
    expect([...result.entries()].filter(([, r]) => r.facts).length).toBe(40);
    expect(result.get('private/many/zzz-missing.bin')?.warning?.code).toBe('NoSuchKey');
  });

  it('tells a missing bucket from missing keys with one HeadBucket for the whole selection', async () => {
    calls.length = 0;
    const wanted = [...many, 'private/few/a.txt', 'private/other/b.txt'];
    const result = await checkExistence(client, `${tb.bucket}-gone`, wanted);
    expect(count('HeadBucketCommand')).toBe(1);
    expect(new Set([...result.values()].map((r) => r.warning?.code))).toEqual(new Set(['NoSuchBucket']));
    expect(result.size).toBe(wanted.length);
  });
});
