/*
 * Who can read an object, from what a deep scan recorded: its ACL, the bucket policy, and the
 * bucket's Block Public Access settings, which override both (the rules in
 * access/health/block-public-access.ts, shared with the health panel). Pure.
 */

import { publicAclsCount, publicPolicyCounts } from '../access/health/block-public-access';
import { appliesToAnonymous, appliesToGetObject, statementsOf, wildcardMatch } from '../access/health/policy-evaluator';

/** The parts of Block Public Access that decide reads (the other two only refuse new grants). */
export interface BlockPublicAccess {
  ignorePublicAcls: boolean;
  restrictPublicBuckets: boolean;
}

/** A bucket policy reduced to the statements that grant or deny anonymous GetObject. */
export interface PublicReadPolicy {
  allow: string[];
  deny: string[];
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/**
 * The key patterns a bucket policy lets anyone GET (and those it denies to anyone), from the
 * policy's JSON. A statement with a Condition is left out: it does not open to everyone
 * unconditionally (e.g. a referer or a VPC endpoint), and guessing would flag the wrong objects.
 */
export function publicReadPolicy(policyJson: string | null, bucket: string): PublicReadPolicy {
  const result: PublicReadPolicy = { allow: [], deny: [] };
  if (!policyJson) return result;
  let parsed: { Statement?: unknown };
  try {
    parsed = JSON.parse(policyJson) as { Statement?: unknown };
  } catch {
    return result;
  }
  const arn = `arn:aws:s3:::${bucket}/`;
  for (const s of statementsOf(parsed)) {
    if (!appliesToAnonymous(s) || !appliesToGetObject(s)) continue;
    const patterns = asList(s['Resource'])
      .filter((r): r is string => typeof r === 'string' && r.startsWith(arn))
      .map((r) => r.slice(arn.length));
    if (s['Effect'] === 'Deny') result.deny.push(...patterns);
    else if (s['Effect'] === 'Allow' && s['Condition'] === undefined) result.allow.push(...patterns);
  }
  return result;
}

/** An IAM resource pattern (`*` any run, `?` one character) matched against a key. */
export const matchesPattern = wildcardMatch;

/** An object's ACL as far as the public is concerned. */
export type AclState = 'public-read' | 'private' | 'disabled' | 'unknown';

/** What is known about one object's readers. */
export interface ExposureFacts {
  /** What the object's ACL says: grants READ to everyone, does not, ACLs are off (BucketOwnerEnforced), or unreadable. */
  acl: AclState;
  policy: PublicReadPolicy;
  /** null when the bucket's settings could not be read (treated as not blocking). */
  blockPublic: BlockPublicAccess | null;
}

/** Whether anyone on the internet can GET the object; null when nothing could be learned. */
export function anyoneCanRead(key: string, facts: ExposureFacts): boolean | null {
  const byPolicy = facts.policy.allow.some((p) => matchesPattern(p, key)) && !facts.policy.deny.some((p) => matchesPattern(p, key));
  if (byPolicy && publicPolicyCounts(facts.blockPublic)) return true;
  if (!publicAclsCount(facts.blockPublic)) return false;
  if (facts.acl === 'unknown') return null;
  return facts.acl === 'public-read';
}
