import { describe, expect, it } from 'vitest';
import { evaluatePrefix, patternReach, wildcardMatch } from '../../../../src/main/core/access/health/policy-evaluator';

const bucket = 'media';
const allow = (extra: Record<string, unknown>) => ({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', ...extra });
const policy = (...Statement: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement });

describe('what a bucket policy grants anonymous GETs under a prefix', () => {
  it('answers public for an unconditional Allow on public/*, and none for private/', () => {
    const doc = policy(allow({ Sid: 'Pub', Resource: 'arn:aws:s3:::media/public/*' }));
    expect(evaluatePrefix(doc, bucket, 'public/')).toEqual({ access: 'public', statements: ['Pub'] });
    expect(evaluatePrefix(doc, bucket, 'private/')).toEqual({ access: 'none', statements: [] });
  });

  it('sees the whole bucket (media/*) and wildcard actions and principals as covering both prefixes', () => {
    const doc = policy({ Effect: 'Allow', Principal: { AWS: ['*'] }, Action: ['s3:Get*'], Resource: ['arn:aws:s3:::media/*'] });
    expect(evaluatePrefix(doc, bucket, 'public/').access).toBe('public');
    expect(evaluatePrefix(doc, bucket, 'private/')).toEqual({ access: 'public', statements: ['#1'] });
  });

  it('answers partly for a narrower resource, a single key, or a statement with conditions', () => {
    expect(evaluatePrefix(policy(allow({ Resource: 'arn:aws:s3:::media/private/press/*' })), bucket, 'private/').access).toBe('partly');
    expect(evaluatePrefix(policy(allow({ Resource: 'arn:aws:s3:::media/private/a.jpg' })), bucket, 'private/').access).toBe('partly');
    const conditional = allow({ Resource: 'arn:aws:s3:::media/public/*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } });
    expect(evaluatePrefix(policy(conditional), bucket, 'public/').access).toBe('partly');
  });

  it('lets an explicit Deny on the prefix beat an Allow, and a narrower Deny make it partly', () => {
    const pub = allow({ Sid: 'Pub', Resource: 'arn:aws:s3:::media/*' });
    const denyAll = { Sid: 'NoPrivate', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::media/private/*' };
    expect(evaluatePrefix(policy(pub, denyAll), bucket, 'private/')).toEqual({ access: 'denied', statements: ['NoPrivate'] });
    const denySome = { ...denyAll, Sid: 'NoDrafts', Resource: 'arn:aws:s3:::media/public/drafts/*' };
    expect(evaluatePrefix(policy(pub, denySome), bucket, 'public/')).toEqual({ access: 'partly', statements: ['Pub', 'NoDrafts'] });
  });

  it('ignores statements for named principals, other actions, other buckets and other prefixes', () => {
    const doc = policy(
      allow({ Principal: { AWS: 'arn:aws:iam::1:user/x' }, Resource: 'arn:aws:s3:::media/public/*' }),
      allow({ Action: 's3:PutObject', Resource: 'arn:aws:s3:::media/public/*' }),
      allow({ Resource: 'arn:aws:s3:::other/public/*' }),
      allow({ Resource: 'arn:aws:s3:::media/publicity/*' }),
      { Effect: 'Allow', Principal: '*', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::media' },
    );
    expect(evaluatePrefix(doc, bucket, 'public/')).toEqual({ access: 'none', statements: [] });
  });

  it('reads NotAction, NotResource and a single statement object without widening', () => {
    const notAction = { Effect: 'Allow', Principal: '*', NotAction: 's3:Delete*', Resource: 'arn:aws:s3:::media/public/*' };
    expect(evaluatePrefix(policy(notAction), bucket, 'public/').access).toBe('public');
    const notResource = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::media/private/*' };
    expect(evaluatePrefix(policy(notResource), bucket, 'private/').access).toBe('none');
    expect(evaluatePrefix(policy(notResource), bucket, 'public/').access).toBe('public');
    expect(evaluatePrefix({ Statement: allow({ Resource: 'arn:aws:s3:::media/public/*' }) }, bucket, 'public/').access).toBe('public');
  });

  it('treats a non-policy as granting nothing', () => {
    expect(evaluatePrefix(null, bucket, 'public/').access).toBe('none');
    expect(evaluatePrefix({ Statement: ['x', 3] }, bucket, 'public/').access).toBe('none');
  });
});

describe('ARN patterns against a prefix', () => {
  it.each([
    ['arn:aws:s3:::media/public/*', 'all'],
    ['arn:aws:s3:::media/pub*', 'all'],
    ['arn:aws:s3:::*', 'all'],
    ['arn:aws:s3:::media/public/img/*', 'some'],
    ['arn:aws:s3:::media/p?blic/x', 'some'],
    ['arn:aws:s3:::media/public/', 'none'],
    ['arn:aws:s3:::media/private/*', 'none'],
  ])('%s reaches %s of public/', (pattern, reach) => {
    expect(patternReach(pattern, 'arn:aws:s3:::media/public/')).toBe(reach);
  });

  it('matches actions case by case with * and ?', () => {
    expect(wildcardMatch('s3:get*', 's3:getobject')).toBe(true);
    expect(wildcardMatch('s3:getobjec?', 's3:getobject')).toBe(true);
    expect(wildcardMatch('s3:put*', 's3:getobject')).toBe(false);
    expect(wildcardMatch('s3:getobject.', 's3:getobjectx')).toBe(false);
  });
});
