// The bucket health panel's fixes against the real gateway, through the router: each merges with
// what the bucket has (another statement, rule or CORS entry stays), writes exactly what the
// preview showed, and undo puts back exactly the document it replaced.
import {
  GetBucketCorsCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketPolicyCommand,
  PutBucketCorsCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayHandle } from '../../../src/main/local-gateway/ceph-gateway';
import type { FixSpec } from '../../../src/shared/model/bucket-health';
import { startCore, type CoreHarness } from '../../support/core-harness';
import { addGatewayConnection } from '../../support/gateway-connection';
import { createTestBucket, gatewayFromState, type TestBucket } from '../../support/s3-test-env';

let gw: GatewayHandle;
let h: CoreHarness;
let connectionId: string;

beforeAll(async () => {
  gw = gatewayFromState();
  h = startCore();
  connectionId = await addGatewayConnection(h, gw, 'Health');
});
afterAll(() => h.close());

/** A fresh bucket per test, removed after it. */
async function withBucket(label: string, run: (tb: TestBucket) => Promise<void>): Promise<void> {
  const tb = await createTestBucket(gw, label);
  try {
    await run(tb);
  } finally {
    await tb.cleanup();
  }
}

/** Previews a fix and applies exactly what the preview showed. */
async function previewAndApply(bucket: string, fix: FixSpec) {
  const preview = await h.value('buckets:previewFix', { connectionId, bucket, fix });
  const health = await h.value('buckets:applyFix', { connectionId, bucket, fix, expected: preview.next });
  return { preview, health };
}

/** An anonymous GET: no credentials, no signature, a plain fetch. */
const anonymousGet = async (bucket: string, key: string): Promise<number> =>
  (await fetch(`${gw.endpoint}/${bucket}/${key}`, { signal: AbortSignal.timeout(15_000) })).status;

describe('the public-read policy fix', () => {
  it('makes a private-ACL object under public/ readable anonymously, keeps an unrelated statement, and undo restores the policy exactly', async () => {
    await withBucket('health-policy', async (tb) => {
      await tb.client.send(new PutObjectCommand({ Bucket: tb.bucket, Key: 'public/poster.jpg', Body: 'jpeg', ACL: 'private' }));
      await tb.client.send(new PutObjectCommand({ Bucket: tb.bucket, Key: 'private/contract.pdf', Body: 'pdf', ACL: 'private' }));
      const unrelated = {
        Sid: 'PartnerListsBucket',
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam:::user/partner'] },
        Action: 's3:ListBucket',
        Resource: `arn:aws:s3:::${tb.bucket}`,
      };
      const before = JSON.stringify({ Version: '2012-10-17', Statement: [unrelated] });
      await tb.client.send(new PutBucketPolicyCommand({ Bucket: tb.bucket, Policy: before }));
      const beforeText = (await tb.client.send(new GetBucketPolicyCommand({ Bucket: tb.bucket }))).Policy;
      expect(await anonymousGet(tb.bucket, 'public/poster.jpg')).toBe(403);

      const first = await h.value('buckets:health', { connectionId, bucket: tb.bucket });
      expect(first.report.policyGrants).toMatchObject({ status: 'ok', value: { hasPolicy: true, public: { access: 'none' } } });

      const { preview, health } = await previewAndApply(tb.bucket, { kind: 'publicReadPolicy' });
      expect(preview.format).toBe('json');
      expect(preview.summary).toContain('keeps 1 other statement');
      // What was written is byte for byte what the preview showed.
      const written = (await tb.client.send(new GetBucketPolicyCommand({ Bucket: tb.bucket }))).Policy ?? '';
      expect(JSON.parse(written)).toEqual(JSON.parse(preview.next));
      expect((JSON.parse(written) as { Statement: unknown[] }).Statement).toContainEqual(unrelated);
      expect(await anonymousGet(tb.bucket, 'public/poster.jpg')).toBe(200);
      expect(await anonymousGet(tb.bucket, 'private/contract.pdf')).toBe(403);
      expect(health.report.policyGrants).toMatchObject({
        status: 'ok',
        value: { public: { access: 'public' }, private: { access: 'none' } },
      });
      expect(health.answer.publicBy).toContain('bucketPolicy');
      expect(health.undo.map((u) => u.kind)).toEqual(['publicReadPolicy']);

      const undone = await h.value('buckets:undoFix', { connectionId, bucket: tb.bucket, kind: 'publicReadPolicy' });
      expect((await tb.client.send(new GetBucketPolicyCommand({ Bucket: tb.bucket }))).Policy).toBe(beforeText);
      expect(await anonymousGet(tb.bucket, 'public/poster.jpg')).toBe(403);
      expect(undone.undo).toEqual([]);
    });
  });

  it('undo of a fix on a bucket that had no policy deletes the policy again', async () => {
    await withBucket('health-nopolicy', async (tb) => {
      await previewAndApply(tb.bucket, { kind: 'publicReadPolicy' });
      await h.value('buckets:undoFix', { connectionId, bucket: tb.bucket, kind: 'publicReadPolicy' });
      await expect(tb.client.send(new GetBucketPolicyCommand({ Bucket: tb.bucket }))).rejects.toMatchObject({ name: 'NoSuchBucketPolicy' });
    });
  });

  it('refuses to apply when the policy changed after the preview, and writes nothing', async () => {
    await withBucket('health-stale', async (tb) => {
      const preview = await h.value('buckets:previewFix', { connectionId, bucket: tb.bucket, fix: { kind: 'publicReadPolicy' } });
      const other = JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Sid: 'Later', Effect: 'Allow', Principal: '*', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${tb.bucket}` }],
      });
      await tb.client.send(new PutBucketPolicyCommand({ Bucket: tb.bucket, Policy: other }));
      const refused = await h.call('buckets:applyFix', {
        connectionId,
        bucket: tb.bucket,
        fix: { kind: 'publicReadPolicy' },
        expected: preview.next,
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'Conflict' } });
      expect((await tb.client.send(new GetBucketPolicyCommand({ Bucket: tb.bucket }))).Policy).toBe(other);
    });
  });
  it('refuses to undo when the policy was edited after the fix, and leaves the edit in place', async () => {
    await withBucket('health-undo-stale', async (tb) => {
      await previewAndApply(tb.bucket, { kind: 'publicReadPolicy' });
      const edited = JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Sid: 'ByHand', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${tb.bucket}/press/*` },
        ],
      });
      await tb.client.send(new PutBucketPolicyCommand({ Bucket: tb.bucket, Policy: edited }));
      const refused = await h.call('buckets:undoFix', { connectionId, bucket: tb.bucket, kind: 'publicReadPolicy' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'Conflict' } });
      expect((await tb.client.send(new GetBucketPolicyCommand({ Bucket: tb.bucket }))).Policy).toBe(edited);
    });
  });
});

describe('the lifecycle fix', () => {
  it('adds a rule aborting incomplete multipart uploads and keeps an existing rule; undo restores the rules', async () => {
    await withBucket('health-lifecycle', async (tb) => {
      const existing = { ID: 'expire-scratch', Status: 'Enabled' as const, Filter: { Prefix: 'scratch/' }, Expiration: { Days: 30 } };
      await tb.client.send(
        new PutBucketLifecycleConfigurationCommand({ Bucket: tb.bucket, LifecycleConfiguration: { Rules: [existing] } }),
      );
      const before = (await tb.client.send(new GetBucketLifecycleConfigurationCommand({ Bucket: tb.bucket }))).Rules;

      const { preview, health } = await previewAndApply(tb.bucket, { kind: 'abortIncompleteUploads', days: 3 });
      expect(preview.format).toBe('xml');
      expect(preview.next).toContain('<DaysAfterInitiation>3</DaysAfterInitiation>');
      expect(preview.next).toContain('<ID>expire-scratch</ID>');
      const rules = (await tb.client.send(new GetBucketLifecycleConfigurationCommand({ Bucket: tb.bucket }))).Rules ?? [];
      expect(rules).toHaveLength(2);
      expect(rules).toContainEqual(
        expect.objectContaining({ ID: 'expire-scratch', Expiration: { Days: 30 }, Filter: { Prefix: 'scratch/' } }),
      );
      expect(rules).toContainEqual(expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 3 } }));
      expect(health.report.lifecycle).toMatchObject({ status: 'ok', value: { rules: 2, abortIncompleteDays: 3 } });

      await h.value('buckets:undoFix', { connectionId, bucket: tb.bucket, kind: 'abortIncompleteUploads' });
      expect((await tb.client.send(new GetBucketLifecycleConfigurationCommand({ Bucket: tb.bucket }))).Rules).toEqual(before);
    });
  });
});

describe('the upload CORS fix', () => {
  it('adds a CORS rule for browser uploads and keeps an existing entry; undo restores them', async () => {
    await withBucket('health-cors', async (tb) => {
      const existing = { ID: 'site-reads', AllowedMethods: ['GET'], AllowedOrigins: ['https://www.example.org'] };
      await tb.client.send(new PutBucketCorsCommand({ Bucket: tb.bucket, CORSConfiguration: { CORSRules: [existing] } }));
      const before = (await tb.client.send(new GetBucketCorsCommand({ Bucket: tb.bucket }))).CORSRules;

      const { preview, health } = await previewAndApply(tb.bucket, { kind: 'uploadCors', origins: ['https://upload.example.org'] });
      expect(preview.next).toContain('<AllowedOrigin>https://upload.example.org</AllowedOrigin>');
      const rules = (await tb.client.send(new GetBucketCorsCommand({ Bucket: tb.bucket }))).CORSRules ?? [];
      expect(rules).toContainEqual(expect.objectContaining(existing));
      expect(rules).toContainEqual(
        expect.objectContaining({ AllowedMethods: ['PUT', 'POST'], AllowedOrigins: ['https://upload.example.org'] }),
      );
      expect(health.report.cors).toMatchObject({ status: 'ok', value: { rules: 2, uploadRule: true } });
      // A browser's preflight for an upload from that origin is now answered.
      const preflight = await fetch(`${gw.endpoint}/${tb.bucket}/public/new.jpg`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://upload.example.org', 'Access-Control-Request-Method': 'PUT' },
        signal: AbortSignal.timeout(15_000),
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://upload.example.org');

      await h.value('buckets:undoFix', { connectionId, bucket: tb.bucket, kind: 'uploadCors' });
      expect((await tb.client.send(new GetBucketCorsCommand({ Bucket: tb.bucket }))).CORSRules).toEqual(before);
    });
  });
});
