import type { PolicyAccess, PrefixGrant } from '../../../../shared/model/bucket-health';

/*
 * What a bucket policy grants anonymous readers (Principal "*") for s3:GetObject under one key
 * prefix. Small on purpose: it reads Allow and Deny statements with Principal, Action/NotAction,
 * Resource/NotResource and Condition, and answers for the prefix as a whole:
 * - `denied`  an unconditional Deny covers every key under the prefix (it beats any Allow);
 * - `public`  an unconditional Allow covers every key and no Deny touches any of them;
 * - `partly`  some keys, or only under conditions, or a Deny carves some out of a full Allow;
 * - `none`    no Allow reaches anonymous GETs there.
 * It never widens an answer: anything it cannot read exactly counts as `partly` when it could allow.
 */

type Statement = Record<string, unknown>;

/** How much of the prefix a statement's resources reach. */
type Reach = 'all' | 'some' | 'none';

/** Evaluates a policy document (parsed JSON) for anonymous s3:GetObject on `prefix` in `bucket`. */
export function evaluatePrefix(policy: unknown, bucket: string, prefix: string): PrefixGrant {
  const statements = statementsOf(policy);
  const target = `arn:aws:s3:::${bucket}/${prefix}`;
  const allows: { id: string; full: boolean }[] = [];
  const denies: { id: string; full: boolean }[] = [];
  statements.forEach((st, index) => {
    const id = typeof st['Sid'] === 'string' && st['Sid'] !== '' ? st['Sid'] : `#${index + 1}`;
    const effect = st['Effect'];
    if (effect !== 'Allow' && effect !== 'Deny') return;
    if (!appliesToAnonymous(st)) return;
    if (!appliesToGetObject(st)) return;
    const reach = resourceReach(st, target);
    if (reach === 'none') return;
    const conditional = st['Condition'] !== undefined && !isEmptyObject(st['Condition']);
    const full = reach === 'all' && !conditional;
    (effect === 'Allow' ? allows : denies).push({ id, full });
  });
  const fullDeny = denies.filter((d) => d.full);
  if (fullDeny.length > 0) return { access: 'denied', statements: fullDeny.map((d) => d.id) };
  if (allows.length === 0) return { access: 'none', statements: [] };
  const access: PolicyAccess = allows.some((a) => a.full) && denies.length === 0 ? 'public' : 'partly';
  return { access, statements: [...allows, ...denies].map((s) => s.id) };
}

/** The policy's statements (a single statement object counts as a list of one). */
export function statementsOf(policy: unknown): Statement[] {
  if (typeof policy !== 'object' || policy === null) return [];
  const raw = (policy as Record<string, unknown>)['Statement'];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((s): s is Statement => typeof s === 'object' && s !== null && !Array.isArray(s));
}

const asList = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Principal "*" or {"AWS": "*"}; a NotPrincipal statement applies to everyone it does not name. */
export function appliesToAnonymous(st: Statement): boolean {
  if (st['NotPrincipal'] !== undefined) return !principalNamesEveryone(st['NotPrincipal']);
  return principalNamesEveryone(st['Principal']);
}

function principalNamesEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  return asList((principal as Record<string, unknown>)['AWS']).includes('*');
}

/** The statement's Action (or NotAction) covers s3:GetObject, wildcards included. */
export function appliesToGetObject(st: Statement): boolean {
  if (st['NotAction'] !== undefined) return !asList(st['NotAction']).some((a) => wildcardMatch(a.toLowerCase(), 's3:getobject'));
  return asList(st['Action']).some((a) => wildcardMatch(a.toLowerCase(), 's3:getobject'));
}

function resourceReach(st: Statement, target: string): Reach {
  if (st['NotResource'] !== undefined) {
    // Everything except what it names: the whole prefix unless a named resource reaches into it.
    const excluded = asList(st['NotResource']).map((r) => patternReach(r, target));
    if (excluded.includes('all')) return 'none';
    return excluded.includes('some') ? 'some' : 'all';
  }
  const reaches = asList(st['Resource']).map((r) => patternReach(r, target));
  return reaches.includes('all') ? 'all' : reaches.includes('some') ? 'some' : 'none';
}

/**
 * Whether an ARN pattern (`*` any run, `?` one character) matches every key starting with
 * `target` (`all`), some of them (`some`), or none.
 */
export function patternReach(pattern: string, target: string): Reach {
  // Walk the pattern against the target's characters; a `*` met while the target still has
  // characters, or right after it, matches any rest: every key under the prefix.
  for (let i = 0; i < pattern.length; i += 1) {
    const p = pattern[i];
    if (p === '*') return 'all';
    if (i >= target.length) return 'some'; // the pattern goes on below the prefix: some keys
    if (p !== '?' && p !== target[i]) return 'none';
  }
  // The pattern ended within the prefix: it names no key under it.
  return 'none';
}

/** IAM-style match of `pattern` (`*`, `?`) against the whole of `value`. */
export function wildcardMatch(pattern: string, value: string): boolean {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 's').test(value);
}

const isEmptyObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
