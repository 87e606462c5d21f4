// Header edits as the inspector saves them (a copy onto the object's own key with REPLACE), on the
// real gateway: the one header changed, everything else the object carries checked field by field
// afterwards (headers, metadata, tags, ACL grant for grant, storage class), in one CopyObject and
// by multipart copy; a stale edit refused; a no-op edit not written; a versioned bucket told.
import {
  GetObjectAclCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectAclCommand,
  PutObjectCommand,
  type Grant,
  type HeadObjectCommandOutput,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobAclState } from '../../../src/main/core/access/capabilities';
import { editObjectHeaders } from '../../../src/main/core/objects/header-editor';
import { defaultCopyTuning } from '../../../src/main/core/objects/object-copier';
import { MiB } from '../../../src/main/core/s3/part-size';
import type { HeaderPatch } from '../../../src/shared/model/object-edit';
import { objectOperationOf, startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { createTestBucket, gatewayFromState, s3ClientFor, type GatewayHandle, type TestBucket } from '../../support/s3-test-env';

let gw: GatewayHandle;
let tb: TestBucket;
let versioned: TestBucket;
let ownerId: string;
let proxy: FaultProxy;

beforeAll(async () => {
  gw = gatewayFromState();
  proxy = await startFaultProxy(gw.endpoint);
  tb = await createTestBucket(gw, 'objects-headers');
  versioned = await createTestBucket(gw, 'objects-headers-v', { client: tb.client, versioning: true });
  await tb.client.send(new PutObjectCommand({ Bucket: tb.bucket, Key: 'probe', Body: 'x' }));
  ownerId = (await tb.client.send(new GetObjectAclCommand({ Bucket: tb.bucket, Key: 'probe' }))).Owner?.ID ?? '';
});
afterAll(async () => {
  await proxy.close();
  await versioned.cleanup();
  await tb.cleanup();
});

const multipart = { ...defaultCopyTuning, multipartThreshold: 6 * MiB, partBytes: 5 * MiB };
const expires = new Date('2031-01-02T03:04:05Z');

/** An object carrying every header, metadata entry, tags (unless told none) and an explicit (non-canned) ACL. */
async function putRich(bucket: string, key: string, body: Buffer, tagging: string | null = 'project=dune&review=pending'): Promise<string> {
  const out = await tb.client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: body,
      ContentType: 'video/mp4',
      CacheControl: 'max-age=60',
      ContentDisposition: 'attachment; filename="take 3.mp4"',
      ContentEncoding: 'identity',
      ContentLanguage: 'de-CH',
      Expires: expires,
      Metadata: { take: '3', camera: 'b-cam', 'shot-by': 'Ana' },
      ...(tagging ? { Tagging: tagging } : {}),
    }),
  );
  const grants: Grant[] = [
    { Grantee: { Type: 'CanonicalUser', ID: ownerId }, Permission: 'FULL_CONTROL' },
    { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' },
    { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers' }, Permission: 'READ_ACP' },
  ];
  await tb.client.send(
    new PutObjectAclCommand({ Bucket: bucket, Key: key, AccessControlPolicy: { Owner: { ID: ownerId }, Grants: grants } }),
  );
  return out.ETag ?? '';
}

interface Snapshot {
  head: Partial<HeadObjectCommandOutput>;
  tags: { Key?: string; Value?: string }[];
  grants: string[];
}

/** Everything a header edit must keep, in comparable form. */
async function snapshot(bucket: string, key: string): Promise<Snapshot> {
  const head = await tb.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  const tags = await tb.client.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }));
  const acl = await tb.client.send(new GetObjectAclCommand({ Bucket: bucket, Key: key }));
  return {
    head: {
      ContentLength: head.ContentLength,
      ContentType: head.ContentType,
      CacheControl: head.CacheControl,
      ContentDisposition: head.ContentDisposition,
      ContentEncoding: head.ContentEncoding,
      ContentLanguage: head.ContentLanguage,
      ExpiresString: head.ExpiresString,
      Metadata: head.Metadata,
      StorageClass: head.StorageClass,
      ServerSideEncryption: head.ServerSideEncryption,
    },
    tags: (tags.TagSet ?? []).map((t) => ({ Key: t.Key, Value: t.Value })).sort((a, b) => (a.Key ?? '').localeCompare(b.Key ?? '')),
    grants: (acl.Grants ?? []).map((g) => `${g.Grantee?.Type}:${g.Grantee?.ID ?? g.Grantee?.URI}:${g.Permission}`).sort(),
  };
}

function edit(bucket: string, key: string, ifMatch: string, patch: HeaderPatch, tuning = defaultCopyTuning) {
  return editObjectHeaders(tb.client, { bucket, key, ifMatch, patch, endpoint: gw.endpoint, acl: jobAclState(), tuning });
}

describe('saving a header edit', () => {
  it.each([
    ['one CopyObject', 'public/rich.mp4', Buffer.from('a small movie'), defaultCopyTuning],
    ['multipart copy', 'public/rich-big.mp4', Buffer.alloc(12 * MiB, 7), multipart],
  ])(
    'changes Cache-Control and keeps every other header, metadata entry, tag, ACL grant and storage class (%s)',
    async (_how, key, body, tuning) => {
      const etag = await putRich(tb.bucket, key, body);
      const before = await snapshot(tb.bucket, key);
      expect(before.tags).toHaveLength(2);
      expect(before.grants).toHaveLength(3);

      const result = await edit(tb.bucket, key, etag, { cacheControl: 'public, max-age=31536000, immutable' }, tuning);

      expect(result.changed).toBe(true);
      expect(result.newVersionId).toBeUndefined();
      const after = await snapshot(tb.bucket, key);
      expect(after.head.CacheControl).toBe('public, max-age=31536000, immutable');
      // Field by field, so a dropped one is named in the failure.
      for (const field of Object.keys(before.head) as (keyof Snapshot['head'])[]) {
        if (field === 'CacheControl') continue;
        expect({ field, value: after.head[field] }).toEqual({ field, value: before.head[field] });
      }
      expect(after.head.Metadata).toEqual({ take: '3', camera: 'b-cam', 'shot-by': 'Ana' });
      expect(after.tags).toEqual(before.tags);
      expect(after.grants).toEqual(before.grants);
      const anonymous = await fetch(`${gw.endpoint}/${tb.bucket}/${key}`, { method: 'HEAD', signal: AbortSignal.timeout(10_000) });
      expect(anonymous.status).toBe(200);
    },
  );

  it('costs one HEAD, the ACL read and one CopyObject, plus the tag read and write only for an object with tags: no verifying HEAD', async () => {
    const client = s3ClientFor({ ...gw, endpoint: proxy.endpoint });
    /** Edits one object through the proxy: the operations it sent, sorted, and whether it kept everything else. */
    const editCounted = async (key: string, tagging: string | null) => {
      const etag = await putRich(tb.bucket, key, Buffer.from(`counted ${key}`), tagging);
      const before = await snapshot(tb.bucket, key);
      const from = proxy.requests.length;
      await editObjectHeaders(client, {
        bucket: tb.bucket,
        key,
        ifMatch: etag,
        patch: { cacheControl: 'no-cache' },
        endpoint: gw.endpoint,
        acl: jobAclState(),
        tuning: defaultCopyTuning,
      });
      const sent = proxy.requests.slice(from).map(objectOperationOf).sort();
      expect(await snapshot(tb.bucket, key)).toEqual({ ...before, head: { ...before.head, CacheControl: 'no-cache' } });
      return { tags: before.tags.length, sent };
    };
    try {
      // A client that has not yet seen this server count tags on a HEAD asks, even for an object without them.
      expect(await editCounted('public/counted-first.mp4', null)).toEqual({
        tags: 0,
        sent: ['CopyObject', 'GetObjectAcl', 'GetObjectTagging', 'HeadObject'],
      });
      expect(await editCounted('public/counted-tagged.mp4', 'project=dune&review=pending')).toEqual({
        tags: 2,
        sent: ['CopyObject', 'GetObjectAcl', 'GetObjectTagging', 'HeadObject', 'PutObjectTagging'],
      });
      // Once it has, a HEAD without x-amz-tagging-count means no tags: nothing to read or put back.
      expect(await editCounted('public/counted-untagged.mp4', null)).toEqual({
        tags: 0,
        sent: ['CopyObject', 'GetObjectAcl', 'HeadObject'],
      });
      expect(await editCounted('public/counted-tagged-again.mp4', 'kept=yes')).toEqual({
        tags: 1,
        sent: ['CopyObject', 'GetObjectAcl', 'GetObjectTagging', 'HeadObject', 'PutObjectTagging'],
      });
    } finally {
      client.destroy();
    }
  });

  it('sets, changes and removes metadata entries and other headers as the patch says', async () => {
    const etag = await putRich(tb.bucket, 'public/patch.mp4', Buffer.from('x'));
    await edit(tb.bucket, 'public/patch.mp4', etag, {
      contentType: 'video/quicktime',
      contentLanguage: null,
      metadata: { take: '4', camera: null, rights: 'cc-by' },
    });
    const after = await snapshot(tb.bucket, 'public/patch.mp4');
    expect(after.head).toMatchObject({
      ContentType: 'video/quicktime',
      CacheControl: 'max-age=60',
      Metadata: { take: '4', 'shot-by': 'Ana', rights: 'cc-by' },
    });
    expect(after.head.ContentLanguage).toBeUndefined();
  });

  it('refuses an edit against an object overwritten after it was read, and changes nothing', async () => {
    const seen = await putRich(tb.bucket, 'public/raced.mp4', Buffer.from('first take'));
    await tb.client.send(
      new PutObjectCommand({ Bucket: tb.bucket, Key: 'public/raced.mp4', Body: 'second take', CacheControl: 'no-cache' }),
    );
    const before = await snapshot(tb.bucket, 'public/raced.mp4');
    await expect(edit(tb.bucket, 'public/raced.mp4', seen, { cacheControl: 'no-store' })).rejects.toMatchObject({
      code: 'Conflict',
      message: expect.stringContaining('changed since it was read') as string,
    });
    expect(await snapshot(tb.bucket, 'public/raced.mp4')).toEqual(before);
  });

  it('writes nothing when the object already has the values', async () => {
    const etag = await putRich(tb.bucket, 'public/same.mp4', Buffer.from('same'));
    const head = await tb.client.send(new HeadObjectCommand({ Bucket: tb.bucket, Key: 'public/same.mp4' }));
    const result = await edit(tb.bucket, 'public/same.mp4', etag, { cacheControl: 'max-age=60', metadata: { take: '3' } });
    expect(result.changed).toBe(false);
    const again = await tb.client.send(new HeadObjectCommand({ Bucket: tb.bucket, Key: 'public/same.mp4' }));
    expect(again.LastModified).toEqual(head.LastModified);
  });

  it('on a versioned bucket, says it wrote a new version and keeps the old one', async () => {
    const put = await tb.client.send(
      new PutObjectCommand({ Bucket: versioned.bucket, Key: 'public/v.txt', Body: 'v', CacheControl: 'no-cache' }),
    );
    const result = await edit(versioned.bucket, 'public/v.txt', put.ETag ?? '', { cacheControl: 'max-age=600' });
    expect(result.newVersionId).toBeDefined();
    expect(result.newVersionId).not.toBe(put.VersionId);
    const old = await tb.client.send(new HeadObjectCommand({ Bucket: versioned.bucket, Key: 'public/v.txt', VersionId: put.VersionId }));
    expect(old.CacheControl).toBe('no-cache');
  });
});
