import { describe, expect, it } from 'vitest';
import { aclAtTarget, sameGrants } from '../../../src/main/core/objects/bulk/acl-target';
import { DoneWatermark } from '../../../src/main/core/objects/bulk/done-watermark';

describe('the done watermark of a parallel walk', () => {
  it('passes items in stream order only once all before them are done, with their results', () => {
    const passed: string[] = [];
    const mark = new DoneWatermark<number, string>((position, result) => passed.push(`${position}:${result}`));
    const items = [0, 1, 2, 3].map((i) => mark.add(i));
    expect(items[2]?.done('c')).toBe(false);
    expect(mark.position).toBeUndefined();
    expect(items[0]?.done('a')).toBe(true);
    expect(mark.position).toBe(0);
    expect(items[1]?.done('b')).toBe(true);
    expect(mark.position).toBe(2);
    expect(passed).toEqual(['0:a', '1:b', '2:c']);
  });
});

describe('whether an object already has the ACL a bulk edit writes', () => {
  const owner = { grantee: { kind: 'user' as const, id: 'me' }, permission: 'FULL_CONTROL' as const };
  const everyoneRead = { grantee: { kind: 'everyone' as const }, permission: 'READ' as const };
  it('compares canned ACLs by the grants S3 gives them, order and display names aside', () => {
    expect(aclAtTarget([everyoneRead, owner], 'me', { kind: 'canned', acl: 'public-read' })).toBe(true);
    expect(aclAtTarget([owner], 'me', { kind: 'canned', acl: 'public-read' })).toBe(false);
    expect(aclAtTarget([owner], 'me', { kind: 'canned', acl: 'private' })).toBe(true);
    // Grants that depend on the bucket owner cannot be known beforehand: always written.
    expect(aclAtTarget([owner], 'me', { kind: 'canned', acl: 'bucket-owner-full-control' })).toBe(false);
    expect(sameGrants([{ grantee: { kind: 'user', id: 'me', displayName: 'Me' }, permission: 'FULL_CONTROL' }], [owner])).toBe(true);
  });
});
