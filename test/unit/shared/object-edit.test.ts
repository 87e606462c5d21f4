// The editor's input is refused before any request when it is bad, with a message naming why.
import { describe, expect, it } from 'vitest';
import { aclSpecSchema, cannedAclSchema, headerPatchSchema } from '../../../src/shared/model/object-edit';

function problem(input: unknown): string {
  const parsed = headerPatchSchema.safeParse(input);
  return parsed.success ? '' : parsed.error.issues.map((i) => i.message).join(' | ');
}

describe('header patch validation', () => {
  it('accepts a normal edit', () => {
    expect(
      headerPatchSchema.parse({
        cacheControl: 'public, max-age=31536000, immutable',
        contentType: 'text/html; charset=utf-8',
        contentDisposition: 'attachment; filename="a.pdf"',
        expires: 'Wed, 21 Oct 2026 07:28:00 GMT',
        metadata: { 'shot-by': 'Ana', old: null },
      }),
    ).toMatchObject({ cacheControl: 'public, max-age=31536000, immutable' });
  });

  it.each([
    ['CR/LF (header injection)', { cacheControl: 'no-cache\r\nx-amz-acl: public-read' }, /line break/],
    ['NUL', { contentLanguage: 'de\0' }, /NUL/],
    ['non-ASCII', { contentDisposition: 'inline; filename="café.jpg"' }, /“é”/],
    ['a malformed Content-Type', { contentType: 'text html' }, /content type looks like/],
    ['a list of Content-Types', { contentType: 'text/html, text/plain' }, /one content type/],
    ['a negative max-age', { cacheControl: 'max-age=-1' }, /whole number of seconds/],
    ['a fractional max-age', { cacheControl: 'max-age=1.5' }, /whole number of seconds/],
    ['an absurd max-age', { cacheControl: 'public, max-age=99999999999' }, /more than ten years/],
    ['a directive given twice', { cacheControl: 'max-age=1, max-age=2' }, /twice/],
    ['s-maxage without a value', { cacheControl: 's-maxage' }, /needs a number/],
    ['an empty directive', { cacheControl: 'public,,max-age=1' }, /comma-separated list/],
    ['a metadata name with a space', { metadata: { 'shot by': 'Ana' } }, /may only use letters/],
    ['a metadata name with capitals', { metadata: { ShotBy: 'Ana' } }, /lower case/],
    ['a metadata value with a line break', { metadata: { note: 'a\nb' } }, /line break/],
    ['metadata over 2 KB', { metadata: { a: 'x'.repeat(1500), b: 'y'.repeat(600) } }, /over S3's limit of 2 KB/],
    ['an Expires that is not a date', { expires: 'tomorrow' }, /Expires is a date/],
    ['an unknown field', { cacheControl: 'no-cache', acl: 'public-read' }, /Unrecognized key/],
  ])('refuses %s', (_what, input, message) => {
    expect(problem(input)).toMatch(message);
  });
});

describe('ACL validation', () => {
  it('refuses an unknown canned ACL with the list of known ones', () => {
    const parsed = cannedAclSchema.safeParse('public');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/Not a canned ACL: use private, public-read/);
  });

  it('refuses a malformed grantee and takes the five permissions', () => {
    expect(
      aclSpecSchema.safeParse({ kind: 'grants', grants: [{ grantee: { kind: 'email', email: 'not-mail' }, permission: 'READ' }] }).success,
    ).toBe(false);
    expect(aclSpecSchema.safeParse({ kind: 'grants', grants: [{ grantee: { kind: 'everyone' }, permission: 'DELETE' }] }).success).toBe(
      false,
    );
    for (const permission of ['READ', 'WRITE', 'READ_ACP', 'WRITE_ACP', 'FULL_CONTROL'])
      expect(aclSpecSchema.safeParse({ kind: 'grants', grants: [{ grantee: { kind: 'log-delivery' }, permission }] }).success).toBe(true);
  });
});
