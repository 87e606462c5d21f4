import { describe, expect, it } from 'vitest';
import {
  abortUploadsRuleId,
  mergeAbortUploadsRule,
  mergePublicReadPolicy,
  mergeUploadCorsRule,
  parsePolicy,
  publicReadSid,
  uploadCorsRuleId,
} from '../../../../src/main/core/access/health/fix-documents';

const other = {
  Sid: 'Partner',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::1:root' },
  Action: 's3:ListBucket',
  Resource: 'arn:aws:s3:::media',
};

describe('merging the public-read statement', () => {
  it('writes a policy of its own where there is none', () => {
    expect(mergePublicReadPolicy(null, 'media')).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: publicReadSid, Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/public/*' }],
    });
  });

  it('keeps every other statement and top-level field, in order, and appends ours', () => {
    const merged = mergePublicReadPolicy({ Version: '2012-10-17', Id: 'Keep', Statement: [other] }, 'media');
    expect(merged.Id).toBe('Keep');
    expect(merged.Statement[0]).toBe(other);
    expect(merged.Statement.map((s) => s['Sid'])).toEqual(['Partner', publicReadSid]);
  });

  it('replaces its own statement in place (known by Sid), never duplicating it', () => {
    const stale = { Sid: publicReadSid, Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::old/public/*' };
    const merged = mergePublicReadPolicy({ Statement: [stale, other, { ...stale }] }, 'media');
    expect(merged.Statement.map((s) => s['Sid'])).toEqual([publicReadSid, 'Partner']);
    expect(merged.Statement[0]?.['Resource']).toBe('arn:aws:s3:::media/public/*');
  });

  it('parses a single-statement policy as a list and refuses one that is not an object', () => {
    expect(parsePolicy(JSON.stringify({ Statement: other })).Statement).toEqual([other]);
    expect(() => parsePolicy('[1]')).toThrow('not a JSON object');
    expect(() => parsePolicy('{"Statement":[1]}')).toThrow('not an object');
  });
});

describe('merging the lifecycle and CORS rules', () => {
  const expire = { ID: 'expire', Status: 'Enabled' as const, Filter: { Prefix: 'tmp/' }, Expiration: { Days: 3 } };

  it('adds the abort rule beside existing rules and replaces only its own', () => {
    const once = mergeAbortUploadsRule([expire], 7);
    expect(once).toEqual([
      expire,
      { ID: abortUploadsRuleId, Status: 'Enabled', Filter: { Prefix: '' }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } },
    ]);
    const twice = mergeAbortUploadsRule(once, 2);
    expect(twice).toHaveLength(2);
    expect(twice[0]).toBe(expire);
    expect(twice[1]?.AbortIncompleteMultipartUpload).toEqual({ DaysAfterInitiation: 2 });
  });

  it('adds the upload CORS rule beside existing entries and replaces only its own', () => {
    const site = { ID: 'site', AllowedMethods: ['GET'], AllowedOrigins: ['https://example.org'] };
    const merged = mergeUploadCorsRule([site], ['https://a.example']);
    expect(merged[0]).toBe(site);
    expect(merged[1]).toMatchObject({ ID: uploadCorsRuleId, AllowedMethods: ['PUT', 'POST'], AllowedOrigins: ['https://a.example'] });
    expect(mergeUploadCorsRule(merged, ['*']).map((r) => r.AllowedOrigins)).toEqual([['https://example.org'], ['*']]);
  });
});
