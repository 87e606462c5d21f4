// The editors' channels through the router, as the renderer calls them: a bucket with ACLs
// disabled (AWS's AccessControlListNotSupported answer, injected by the fault proxy since RGW
// 16.2 cannot set BucketOwnerEnforced) makes the ACL editor read-only with the reason, refuses an
// ACL write with AclsDisabled, and is remembered so the editor stops asking; a bad header value is
// refused by the contract before any request reaches the server.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type CoreHarness } from '../../support/core-harness';
import { addGatewayConnection } from '../../support/gateway-connection';
import { aclsDisabled, isAclCall, startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { createTestBucket, gatewayFromState, type TestBucket } from '../../support/s3-test-env';

let tb: TestBucket;
let proxy: FaultProxy;
let h: CoreHarness;
let connectionId: string;

beforeAll(async () => {
  const gw = gatewayFromState();
  tb = await createTestBucket(gw, 'objects-editor');
  proxy = await startFaultProxy(gw.endpoint);
  h = startCore();
  connectionId = await addGatewayConnection(h, gw, 'Editor', proxy.endpoint);
  await tb.client.send(new PutObjectCommand({ Bucket: tb.bucket, Key: 'public/a.txt', Body: 'a', CacheControl: 'no-cache' }));
});
afterAll(async () => {
  h.close();
  await proxy.close();
  await tb.cleanup();
});

describe('the object editor channels', () => {
  it('on a bucket with ACLs on: headers, ETag and grants to edit', async () => {
    const state = await h.value('objects:editor', { connectionId, bucket: tb.bucket, key: 'public/a.txt' });
    expect(state).toMatchObject({
      key: 'public/a.txt',
      headers: { cacheControl: 'no-cache' },
      acl: { status: 'editable' },
      versioned: false,
    });
    expect(state.etag).toMatch(/^"[0-9a-f]{32}"$/);
  });

  it('on a bucket with ACLs disabled: read-only with the reason, writes refused with AclsDisabled, and remembered', async () => {
    proxy.setRule(aclsDisabled);
    try {
      const state = await h.value('objects:editor', { connectionId, bucket: tb.bucket, key: 'public/a.txt' });
      expect(state.acl).toMatchObject({
        status: 'readOnly',
        code: 'AclsDisabled',
        reason: expect.stringMatching(/ACLs disabled.*bucket policy/) as string,
      });
      const write = await h.call('objects:setAcl', {
        connectionId,
        bucket: tb.bucket,
        key: 'public/a.txt',
        acl: { kind: 'canned', acl: 'public-read' },
      });
      expect(write).toMatchObject({ ok: false, error: { code: 'AclsDisabled' } });

      const aclCalls = proxy.requests.filter(isAclCall).length;
      const again = await h.value('objects:editor', { connectionId, bucket: tb.bucket, key: 'public/a.txt' });
      expect(again.acl).toMatchObject({ status: 'readOnly', code: 'AclsDisabled' });
      // Remembered in bucket_capabilities: the editor no longer asks for the ACL.
      expect(proxy.requests.filter(isAclCall).length).toBe(aclCalls);
    } finally {
      proxy.setRule(() => ({ kind: 'pass' }));
    }
  });

  it('refuses a header value with a line break before any request is sent', async () => {
    const before = proxy.requests.length;
    const result = await h.call('objects:saveHeaders', {
      connectionId,
      bucket: tb.bucket,
      key: 'public/a.txt',
      ifMatch: '"0"',
      patch: { cacheControl: 'no-cache\r\nx-amz-acl: public-read-write' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidInput', message: expect.stringContaining('line break') as string } });
    expect(proxy.requests.length).toBe(before);
  });
});
