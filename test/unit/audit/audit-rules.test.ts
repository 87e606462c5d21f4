import { describe, expect, it } from 'vitest';
import { cacheIssue, maxAgeOf } from '../../../src/main/core/audit/cache-rules';
import { anyoneCanRead, matchesPattern, publicReadPolicy } from '../../../src/main/core/audit/exposure-rules';

describe('cache rules', () => {
  it('flags a missing header, no-store/no-cache, and a short max-age on hashed names and media only', () => {
    expect(cacheIssue('public/a.html', null)).toBe('missing');
    expect(cacheIssue('public/a.html', '  ')).toBe('missing');
    expect(cacheIssue('public/a.json', 'public, no-cache')).toBe('no-cache');
    expect(cacheIssue('public/a.json', 'no-store')).toBe('no-cache');
    expect(cacheIssue('public/app.3f9a2c1b.js', 'max-age=3600')).toBe('short-max-age');
    expect(cacheIssue('public/app.3f9a2c1b.js', 'max-age=31536000')).toBeNull();
    expect(cacheIssue('public/photo.jpg', 'max-age=600')).toBe('short-max-age');
    expect(cacheIssue('public/photo.jpg', 'max-age=86400')).toBeNull();
    expect(cacheIssue('public/photo.jpg', 'max-age=60, immutable')).toBeNull();
    // An HTML page with a short max-age is a choice, not a mistake.
    expect(cacheIssue('public/index.html', 'max-age=60')).toBeNull();
  });

  it('reads max-age and s-maxage', () => {
    expect(maxAgeOf('public, max-age=60, s-maxage=600')).toBe(600);
    expect(maxAgeOf('no-transform')).toBeNull();
  });
});

describe('exposure rules', () => {
  const policy = JSON.stringify({
    Statement: [
      { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/public/*' },
      { Effect: 'Allow', Principal: { AWS: '*' }, Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::media/private/press/*'] },
      { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/public/embargo/*' },
      // Conditional: not "anyone".
      { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/private/*', Condition: { IpAddress: {} } },
    ],
  });
  const rules = publicReadPolicy(policy, 'media');

  it('reads which keys a policy opens to anyone, leaving out conditional statements', () => {
    expect(rules).toEqual({ allow: ['public/*', 'private/press/*'], deny: ['public/embargo/*'] });
    expect(publicReadPolicy('not json', 'media')).toEqual({ allow: [], deny: [] });
    expect(matchesPattern('public/*', 'public/a/b.jpg')).toBe(true);
    expect(matchesPattern('public/?.jpg', 'public/ab.jpg')).toBe(false);
  });

  it('judges an object from its ACL and the policy, with Block Public Access overriding both', () => {
    const none = { allow: [], deny: [] };
    expect(anyoneCanRead('private/a.pdf', { acl: 'public-read', policy: none, blockPublic: null })).toBe(true);
    expect(
      anyoneCanRead('private/a.pdf', {
        acl: 'public-read',
        policy: none,
        blockPublic: { ignorePublicAcls: true, restrictPublicBuckets: false },
      }),
    ).toBe(false);
    expect(anyoneCanRead('private/press/a.pdf', { acl: 'private', policy: rules, blockPublic: null })).toBe(true);
    expect(
      anyoneCanRead('private/press/a.pdf', {
        acl: 'private',
        policy: rules,
        blockPublic: { ignorePublicAcls: false, restrictPublicBuckets: true },
      }),
    ).toBe(false);
    expect(anyoneCanRead('public/embargo/a.jpg', { acl: 'private', policy: rules, blockPublic: null })).toBe(false);
    expect(anyoneCanRead('public/a.jpg', { acl: 'disabled', policy: none, blockPublic: null })).toBe(false);
    expect(anyoneCanRead('public/a.jpg', { acl: 'unknown', policy: none, blockPublic: null })).toBeNull();
  });
});
