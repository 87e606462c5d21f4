// A bulk edit killed between an object's copy and the request that puts its tags back (Ceph RGW
// drops tags on a copy onto the same key): the resumed job finds the object's headers at the
// target and skips its copy, and must still put back the tags it journaled before the write; an
// undo puts back the tags an object had before the job. Driven object by object, on the real gateway.
import { GetObjectTaggingCommand, PutObjectCommand, PutObjectTaggingCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBulkChange, type BulkObjectEnv } from '../../../src/main/core/objects/bulk/bulk-object';
import { defaultCopyTuning } from '../../../src/main/core/objects/object-copier';
import type { UndoEntry } from '../../../src/shared/model/bulk-edit';
import { createTestBucket, gatewayFromState, type TestBucket } from '../../support/s3-test-env';

let tb: TestBucket;
let endpoint: string;
beforeAll(async () => {
  const gw = gatewayFromState();
  endpoint = gw.endpoint;
  tb = await createTestBucket(gw, 'objects-bulk-interrupted');
});
afterAll(async () => {
  await tb.cleanup();
});

const tagsOf = async (key: string) =>
  ((await tb.client.send(new GetObjectTaggingCommand({ Bucket: tb.bucket, Key: key }))).TagSet ?? []).map((t) => `${t.Key}=${t.Value}`);

function envWith(entries: Map<string, UndoEntry>, extra: Partial<BulkObjectEnv> = {}): BulkObjectEnv {
  return {
    client: tb.client,
    bucket: tb.bucket,
    endpoint,
    acl: { enabled: true, disable: () => undefined },
    tuning: defaultCopyTuning,
    onAclsDisabled: () => undefined,
    record: (entry) => entries.set(entry.key, entry),
    ...extra,
  };
}

describe('an object whose copy landed and whose tags did not', () => {
  it('gets the journaled tags back when the resumed job skips its copy, and only then', async () => {
    const key = 'media/clip.txt';
    await tb.client.send(
      new PutObjectCommand({ Bucket: tb.bucket, Key: key, Body: 'clip', CacheControl: 'max-age=60', Tagging: 'team=media&kept=yes' }),
    );
    const journal = new Map<string, UndoEntry>();
    const change = { headers: { cacheControl: 'public, max-age=600' } };
    expect(await applyBulkChange(envWith(journal), key, change)).toBe('changed');
    expect(
      journal
        .get(key)
        ?.tags?.map((t) => `${t.key}=${t.value}`)
        .sort(),
    ).toEqual(['kept=yes', 'team=media']);
    expect((await tagsOf(key)).sort()).toEqual(['kept=yes', 'team=media']);

    // What a kill right after the copy leaves: headers at the target, the tags gone.
    await tb.client.send(new PutObjectTaggingCommand({ Bucket: tb.bucket, Key: key, Tagging: { TagSet: [] } }));
    const resumed = envWith(new Map(), { journaledBefore: (k) => journal.get(k) });
    expect(await applyBulkChange(resumed, key, change)).toBe('skipped');
    expect((await tagsOf(key)).sort()).toEqual(['kept=yes', 'team=media']);
  });

  it('an undo puts back the tags the object had before the job', async () => {
    const key = 'media/undo.txt';
    await tb.client.send(new PutObjectCommand({ Bucket: tb.bucket, Key: key, Body: 'undo', CacheControl: 'max-age=60', Tagging: 'a=1' }));
    const journal = new Map<string, UndoEntry>();
    await applyBulkChange(envWith(journal), key, { headers: { cacheControl: 'no-cache' } });
    await tb.client.send(new PutObjectTaggingCommand({ Bucket: tb.bucket, Key: key, Tagging: { TagSet: [] } }));
    const undo = envWith(new Map(), { restoreTagsOf: (k) => journal.get(k)?.tags });
    await applyBulkChange(undo, key, { headers: { cacheControl: 'max-age=60' } });
    expect(await tagsOf(key)).toEqual(['a=1']);
  });
});
