import { describe, expect, it } from 'vitest';
import { healthAnswer } from '../../../../src/main/core/access/health/health-answer';
import type { BucketCapabilityReport, PolicyGrants } from '../../../../src/shared/model/bucket-health';

const none = { access: 'none' as const, statements: [] };
const openBlock = { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };

function report(over: Partial<BucketCapabilityReport> = {}, grants: Partial<PolicyGrants> = {}): BucketCapabilityReport {
  return {
    checkedAt: '2026-12-02T00:00:00.000Z',
    objectOwnership: { status: 'ok', value: 'BucketOwnerEnforced' },
    publicAccessBlock: { status: 'ok', value: openBlock },
    accountPublicAccessBlock: { status: 'notChecked', reason: 'x' },
    policyStatus: { status: 'ok', value: { isPublic: false } },
    policyGrants: { status: 'ok', value: { hasPolicy: false, public: none, private: none, ...grants } },
    versioning: { status: 'ok', value: 'Off' },
    cors: { status: 'ok', value: { rules: 0, uploadRule: false } },
    lifecycle: { status: 'ok', value: { rules: 0, abortIncompleteDays: 7 } },
    encryption: { status: 'ok', value: { algorithm: null, kmsKeyId: null } },
    ...over,
  };
}

describe('the health panel’s plain answer', () => {
  it('says nothing is public when ACLs are off, there is no public policy and no CDN', () => {
    const answer = healthAnswer(report(), null);
    expect(answer.publicBy).toEqual([]);
    expect(answer.publicText).toMatch(/^Nothing makes public\/ public/);
    expect(answer.privateExposed).toBe('no');
  });

  it('names the policy statement, the CDN and object ACLs, each where it applies', () => {
    const answer = healthAnswer(
      report(
        { objectOwnership: { status: 'notSupported', detail: 'x' } },
        { hasPolicy: true, public: { access: 'public', statements: ['Pub'] } },
      ),
      'https://cdn.example.com',
    );
    expect(answer.publicBy).toEqual(['objectAcls', 'bucketPolicy', 'cdn']);
    expect(answer.publicText).toContain('statement Pub');
    expect(answer.publicText).toContain('https://cdn.example.com');
    // With ACLs on, a private file with a public-read ACL would be readable.
    expect(answer.privateExposed).toBe('maybe');
  });

  it('says private/ is public when the policy opens it, and that Block Public Access can override', () => {
    const exposed = healthAnswer(report({}, { hasPolicy: true, private: { access: 'public', statements: ['All'] } }), null);
    expect(exposed.privateExposed).toBe('yes');
    expect(exposed.privateText).toContain('All');
    const restricted = healthAnswer(
      report(
        { publicAccessBlock: { status: 'ok', value: { ...openBlock, restrictPublicBuckets: true } } },
        { hasPolicy: true, public: { access: 'public', statements: ['Pub'] }, private: { access: 'public', statements: ['All'] } },
      ),
      null,
    );
    expect(restricted.publicBy).toEqual([]);
    expect(restricted.privateExposed).toBe('no');
    expect(restricted.notes.join(' ')).toContain('RestrictPublicBuckets');
  });

  it('applies the account’s Block Public Access on top of the bucket’s, and says which level blocks', () => {
    const answer = healthAnswer(
      report(
        {
          objectOwnership: { status: 'notSupported', detail: 'x' },
          accountPublicAccessBlock: { status: 'ok', value: { ...openBlock, ignorePublicAcls: true, restrictPublicBuckets: true } },
        },
        { hasPolicy: true, public: { access: 'public', statements: ['Pub'] }, private: { access: 'public', statements: ['All'] } },
      ),
      null,
    );
    expect(answer.publicBy).toEqual([]);
    expect(answer.privateExposed).toBe('no');
    expect(answer.notes.join(' ')).toContain('RestrictPublicBuckets, the account’s');
    expect(answer.notes.join(' ')).toContain('IgnorePublicAcls, the account’s');
  });

  it('cannot rule out a public private/ when the policy could not be read', () => {
    const answer = healthAnswer(report({ policyGrants: { status: 'denied', permission: 's3:GetBucketPolicy' } }), null);
    expect(answer.privateExposed).toBe('maybe');
  });
});
