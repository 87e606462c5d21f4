// The bucket capability probe on the real gateway: what Ceph RGW answers, recorded as it is; calls
// a server does not implement recorded as not supported (the replies injected by the fault proxy,
// since RGW implements them all in some form); refusals naming the permission that is missing.
import { PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayHandle } from '../../../src/main/local-gateway/ceph-gateway';
import { startFaultProxy, type FaultProxy, type ProxiedRequest } from '../../support/fault-proxy';
import { startCore, type CoreHarness } from '../../support/core-harness';
import { addGatewayConnection } from '../../support/gateway-connection';
import { createTestBucket, gatewayFromState, type TestBucket } from '../../support/s3-test-env';

let gw: GatewayHandle;
let h: CoreHarness;
let tb: TestBucket;
let proxy: FaultProxy;
let direct: string;
let proxied: string;

const addConnection = (name: string, endpoint: string) => addGatewayConnection(h, gw, name, endpoint);

beforeAll(async () => {
  gw = gatewayFromState();
  h = startCore();
  tb = await createTestBucket(gw, 'health-probe');
  proxy = await startFaultProxy(gw.endpoint);
  direct = await addConnection('Direct', gw.endpoint);
  proxied = await addConnection('Through the proxy', proxy.endpoint);
});
afterAll(async () => {
  h.close();
  await proxy.close();
  await tb.cleanup();
});

const xmlError = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
/** A request for one bucket sub-resource, e.g. `?ownershipControls`. */
const asks = (req: ProxiedRequest, subresource: string) => new RegExp(`[?&]${subresource}(=|&|$)`).test(req.target);

describe('probing a bucket’s capabilities', () => {
  it('records what Ceph RGW answers, and keeps it until refreshed', async () => {
    const health = await h.value('buckets:health', { connectionId: direct, bucket: tb.bucket });
    const r = health.report;
    // RGW answers ownership controls with an empty document and refuses to set any: no Object Ownership.
    expect(r.objectOwnership.status).toBe('notSupported');
    expect(r.publicAccessBlock).toEqual({
      status: 'ok',
      value: { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false },
    });
    // Ceph is not AWS: no S3 Control API, so no account-wide setting (and no request for one).
    expect(r.accountPublicAccessBlock).toMatchObject({
      status: 'notSupported',
      detail: expect.stringContaining('S3 Control') as string,
    });
    expect(r.policyStatus).toEqual({ status: 'ok', value: { isPublic: false } });
    expect(r.policyGrants).toEqual({
      status: 'ok',
      value: { hasPolicy: false, public: { access: 'none', statements: [] }, private: { access: 'none', statements: [] } },
    });
    expect(r.versioning).toEqual({ status: 'ok', value: 'Off' });
    expect(r.cors).toEqual({ status: 'ok', value: { rules: 0, uploadRule: false } });
    expect(r.lifecycle).toEqual({ status: 'ok', value: { rules: 0, abortIncompleteDays: null } });
    expect(r.encryption).toEqual({ status: 'ok', value: { algorithm: null, kmsKeyId: null } });
    // ACLs are on (RGW takes them) and nothing else opens public/.
    expect(health.answer.publicBy).toEqual(['objectAcls']);

    await tb.client.send(new PutBucketVersioningCommand({ Bucket: tb.bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    const kept = await h.value('buckets:health', { connectionId: direct, bucket: tb.bucket });
    expect(kept.report.checkedAt).toBe(r.checkedAt);
    expect(kept.report.versioning).toEqual({ status: 'ok', value: 'Off' });
    const fresh = await h.value('buckets:health', { connectionId: direct, bucket: tb.bucket, refresh: true });
    expect(fresh.report.versioning).toEqual({ status: 'ok', value: 'Enabled' });
  });

  it('records calls the server does not implement as not supported, and a refusal with the permission it needs', async () => {
    proxy.setRule((req) => {
      if (req.method !== 'GET') return { kind: 'pass' };
      if (asks(req, 'ownershipControls'))
        return { kind: 'respond', status: 501, headers: { 'content-type': 'application/xml' }, body: xmlError('NotImplemented', 'no') };
      if (asks(req, 'encryption'))
        return { kind: 'respond', status: 405, headers: { 'content-type': 'application/xml' }, body: xmlError('MethodNotAllowed', 'no') };
      if (asks(req, 'policyStatus'))
        return { kind: 'respond', status: 501, headers: { 'content-type': 'application/xml' }, body: xmlError('NotImplemented', 'no') };
      if (asks(req, 'lifecycle'))
        return {
          kind: 'respond',
          status: 403,
          headers: { 'content-type': 'application/xml' },
          body: xmlError('AccessDenied', 'Access Denied'),
        };
      return { kind: 'pass' };
    });
    try {
      const { report } = await h.value('buckets:health', { connectionId: proxied, bucket: tb.bucket, refresh: true });
      expect(report.objectOwnership).toMatchObject({ status: 'notSupported', detail: expect.stringContaining('NotImplemented') as string });
      expect(report.encryption).toMatchObject({ status: 'notSupported' });
      expect(report.policyStatus).toMatchObject({ status: 'notSupported' });
      expect(report.lifecycle).toEqual({ status: 'denied', permission: 's3:GetLifecycleConfiguration' });
      // The rest still answered.
      expect(report.cors).toMatchObject({ status: 'ok' });
      expect(report.policyGrants).toMatchObject({ status: 'ok' });
    } finally {
      proxy.setRule(() => ({ kind: 'pass' }));
    }
  });

  it('names the missing permission when a fix is refused (s3:PutBucketPolicy, s3:PutLifecycleConfiguration, s3:PutBucketCORS)', async () => {
    const denied = {
      kind: 'respond' as const,
      status: 403,
      headers: { 'content-type': 'application/xml' },
      body: xmlError('AccessDenied', 'Access Denied'),
    };
    proxy.setRule((req) => (req.method === 'PUT' ? denied : { kind: 'pass' }));
    try {
      for (const [fix, permission] of [
        [{ kind: 'publicReadPolicy' as const }, 's3:PutBucketPolicy'],
        [{ kind: 'abortIncompleteUploads' as const, days: 7 }, 's3:PutLifecycleConfiguration'],
        [{ kind: 'uploadCors' as const }, 's3:PutBucketCORS'],
      ] as const) {
        const preview = await h.value('buckets:previewFix', { connectionId: proxied, bucket: tb.bucket, fix });
        const result = await h.call('buckets:applyFix', { connectionId: proxied, bucket: tb.bucket, fix, expected: preview.next });
        expect(result).toMatchObject({
          ok: false,
          error: { code: 'AccessDenied', message: expect.stringContaining(permission) as string, details: { permission } },
        });
      }
      proxy.setRule((req) => (req.method === 'GET' && asks(req, 'policy') ? denied : { kind: 'pass' }));
      const read = await h.call('buckets:previewFix', { connectionId: proxied, bucket: tb.bucket, fix: { kind: 'publicReadPolicy' } });
      expect(read).toMatchObject({ ok: false, error: { code: 'AccessDenied', details: { permission: 's3:GetBucketPolicy' } } });
    } finally {
      proxy.setRule(() => ({ kind: 'pass' }));
    }
    // Nothing was written and nothing can be undone.
    const after = await h.value('buckets:health', { connectionId: direct, bucket: tb.bucket, refresh: true });
    expect(after.undo).toEqual([]);
    expect(after.report.policyGrants).toMatchObject({ value: { hasPolicy: false } });
  });

  it('answers with the error when the bucket cannot be asked at all, and keeps nothing', async () => {
    const missing = await h.call('buckets:health', { connectionId: direct, bucket: `${tb.bucket}-gone` });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NoSuchBucket' } });
    const unreachable = await addConnection('Nowhere', 'http://127.0.0.1:9');
    expect(await h.call('buckets:health', { connectionId: unreachable, bucket: tb.bucket })).toMatchObject({
      ok: false,
      error: { code: 'EndpointUnreachable' },
    });
    // Asked again, it asks again rather than showing a kept failure.
    expect(await h.call('buckets:health', { connectionId: direct, bucket: `${tb.bucket}-gone` })).toMatchObject({ ok: false });
  });
});
