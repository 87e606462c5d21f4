// ACL writes and the "can the world read this?" answer on the real gateway, with an anonymous
// request (plain fetch, no credentials) as the judge; the refusals a bucket with ACLs disabled or
// a key without permission gives are injected by the fault proxy, since RGW 16.2 can do neither.
import { GetObjectAclCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAclSummary } from '../../../src/main/core/access/acl-reader';
import { readObjectAclView, writeObjectAcl } from '../../../src/main/core/access/acl-writer';
import { jobAclState } from '../../../src/main/core/access/capabilities';
import { checkPublicAccess } from '../../../src/main/core/access/public-access';
import { editObjectHeaders } from '../../../src/main/core/objects/header-editor';
import { defaultCopyTuning } from '../../../src/main/core/objects/object-copier';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { createTestBucket, gatewayFromState, s3ClientFor, type GatewayHandle, type TestBucket } from '../../support/s3-test-env';

let gw: GatewayHandle;
let tb: TestBucket;
let proxy: FaultProxy;

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'objects-acl');
  proxy = await startFaultProxy(gw.endpoint);
});
afterAll(async () => {
  await proxy.close();
  await tb.cleanup();
});

const target = (key: string) => ({ bucket: tb.bucket, key, endpoint: gw.endpoint });
const anonymousGet = async (key: string) =>
  (await fetch(`${gw.endpoint}/${tb.bucket}/${key}`, { signal: AbortSignal.timeout(10_000) })).status;
const s3Error = (code: string) => ({
  kind: 'respond' as const,
  status: code === 'AccessDenied' ? 403 : 400,
  body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message><RequestId>1</RequestId><HostId>1</HostId></Error>`,
});

describe('writing an object ACL', () => {
  it('private ↔ public-read flips an anonymous GET between 403 and 200, and the effective answer with it', async () => {
    await tb.client.send(new PutObjectCommand({ Bucket: tb.bucket, Key: 'public/poster.jpg', Body: 'poster' }));
    expect(await anonymousGet('public/poster.jpg')).toBe(403);

    await writeObjectAcl(tb.client, target('public/poster.jpg'), { kind: 'canned', acl: 'public-read' });
    expect(await anonymousGet('public/poster.jpg')).toBe(200);
    const open = await checkPublicAccess(tb.client, { bucket: tb.bucket, key: 'public/poster.jpg' }, await summary('public/poster.jpg'));
    expect(open).toMatchObject({ publicRead: true, status: 200, reason: expect.stringContaining('ACL grants READ to everyone') as string });

    await writeObjectAcl(tb.client, target('public/poster.jpg'), { kind: 'canned', acl: 'private' });
    expect(await anonymousGet('public/poster.jpg')).toBe(403);
    const closed = await checkPublicAccess(tb.client, { bucket: tb.bucket, key: 'public/poster.jpg' }, await summary('public/poster.jpg'));
    expect(closed).toMatchObject({ publicRead: false, status: 403, reason: expect.stringContaining('neither') as string });
  });

  it('writes explicit grants exactly (owner, everyone READ, authenticated users READ_ACP) and reads them back', async () => {
    await tb.client.send(new PutObjectCommand({ Bucket: tb.bucket, Key: 'public/grants.txt', Body: 'g' }));
    const owner = (await tb.client.send(new GetObjectAclCommand({ Bucket: tb.bucket, Key: 'public/grants.txt' }))).Owner?.ID ?? '';
    const grants = [
      { grantee: { kind: 'user' as const, id: owner }, permission: 'FULL_CONTROL' as const },
      { grantee: { kind: 'everyone' as const }, permission: 'READ' as const },
      { grantee: { kind: 'authenticated-users' as const }, permission: 'READ_ACP' as const },
    ];
    await writeObjectAcl(tb.client, target('public/grants.txt'), { kind: 'grants', grants });
    const view = await readObjectAclView(tb.client, target('public/grants.txt'));
    expect(view.owner?.id).toBe(owner);
    expect(
      view.grants.map((g) => ({
        grantee: { kind: g.grantee.kind, ...(g.grantee.kind === 'user' ? { id: g.grantee.id } : {}) },
        permission: g.permission,
      })),
    ).toEqual(expect.arrayContaining(grants));
    expect(view.grants).toHaveLength(3);
    expect(await anonymousGet('public/grants.txt')).toBe(200);
  });
});

describe('refusals, in words that say what to do', () => {
  const viaProxy = () => s3ClientFor({ ...gw, endpoint: proxy.endpoint });

  it('a bucket with ACLs disabled: AclsDisabled, naming the bucket policy instead, and the bucket is remembered', async () => {
    await tb.client.send(new PutObjectCommand({ Bucket: tb.bucket, Key: 'public/noacl.txt', Body: 'n' }));
    proxy.setRule((req) =>
      req.method === 'PUT' && /[?&]acl(=|&|$)/.test(req.target) ? s3Error('AccessControlListNotSupported') : { kind: 'pass' },
    );
    const client = viaProxy();
    let told = 0;
    try {
      await expect(
        writeObjectAcl(
          client,
          { ...target('public/noacl.txt'), onAclsDisabled: () => (told += 1) },
          { kind: 'canned', acl: 'public-read' },
        ),
      ).rejects.toMatchObject({
        code: 'AclsDisabled',
        message: expect.stringMatching(/ACLs disabled.*bucket policy.*s3:GetObject on public\/\*/) as string,
      });
      expect(told).toBe(1);
      expect(await anonymousGet('public/noacl.txt')).toBe(403);
    } finally {
      proxy.setRule(() => ({ kind: 'pass' }));
      client.destroy();
    }
  });

  it('AccessDenied names the missing permission: s3:PutObjectAcl for an ACL write, s3:GetObjectAcl for a read, s3:PutObject for a header save', async () => {
    const put = await tb.client.send(
      new PutObjectCommand({ Bucket: tb.bucket, Key: 'public/denied.txt', Body: 'd', CacheControl: 'no-cache' }),
    );
    const client = viaProxy();
    try {
      proxy.setRule((req) => (/[?&]acl(=|&|$)/.test(req.target) && req.method === 'PUT' ? s3Error('AccessDenied') : { kind: 'pass' }));
      await expect(writeObjectAcl(client, target('public/denied.txt'), { kind: 'canned', acl: 'public-read' })).rejects.toMatchObject({
        code: 'AccessDenied',
        message: expect.stringContaining('s3:PutObjectAcl') as string,
      });
      proxy.setRule((req) => (/[?&]acl(=|&|$)/.test(req.target) && req.method === 'GET' ? s3Error('AccessDenied') : { kind: 'pass' }));
      await expect(readObjectAclView(client, target('public/denied.txt'))).rejects.toMatchObject({
        code: 'AccessDenied',
        message: expect.stringContaining('s3:GetObjectAcl') as string,
      });
      proxy.setRule((req) => (req.method === 'PUT' && req.headers['x-amz-copy-source'] ? s3Error('AccessDenied') : { kind: 'pass' }));
      await expect(
        editObjectHeaders(client, {
          bucket: tb.bucket,
          key: 'public/denied.txt',
          ifMatch: put.ETag ?? '',
          patch: { cacheControl: 'max-age=60' },
          endpoint: gw.endpoint,
          acl: jobAclState(),
          tuning: defaultCopyTuning,
        }),
      ).rejects.toMatchObject({ code: 'AccessDenied', message: expect.stringContaining('s3:PutObject') as string });
    } finally {
      proxy.setRule(() => ({ kind: 'pass' }));
      client.destroy();
    }
  });
});

async function summary(key: string) {
  return readAclSummary(tb.client, { bucket: tb.bucket, key }, gw.endpoint);
}
