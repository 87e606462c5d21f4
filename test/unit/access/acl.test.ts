import { describe, expect, it } from 'vitest';
import { planAclCopy } from '../../../src/main/core/access/acl-copy';
import { summarizeAcl } from '../../../src/main/core/access/acl-summary';

const owner = { ID: 'owner-id', DisplayName: 'Owner' };
const ownerFull = { Grantee: { Type: 'CanonicalUser' as const, ID: 'owner-id' }, Permission: 'FULL_CONTROL' as const };
const allUsersRead = {
  Grantee: { Type: 'Group' as const, URI: 'http://acs.amazonaws.com/groups/global/AllUsers' },
  Permission: 'READ' as const,
};

describe('ACL summary', () => {
  it('says public-read when everyone may read', () => {
    const s = summarizeAcl({
      owner: { id: 'owner-id', displayName: 'Owner' },
      grants: [
        { type: 'CanonicalUser', id: 'owner-id', displayName: 'Owner', permission: 'FULL_CONTROL' },
        { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers', permission: 'READ' },
      ],
    });
    expect(s).toMatchObject({ status: 'available', publicRead: true, publicWrite: false, owner: { id: 'owner-id', displayName: 'Owner' } });
    expect(s.grants).toEqual([
      { grantee: 'Owner', granteeKind: 'user', permission: 'FULL_CONTROL' },
      { grantee: 'Everyone (anonymous)', granteeKind: 'everyone', permission: 'READ' },
    ]);
  });

  it('says private when only the owner has access, and flags wide write grants', () => {
    expect(summarizeAcl({ grants: [{ type: 'CanonicalUser', id: 'x', permission: 'FULL_CONTROL' }] })).toMatchObject({
      publicRead: false,
      publicWrite: false,
    });
    const wide = summarizeAcl({
      grants: [{ type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers', permission: 'WRITE_ACP' }],
    });
    expect(wide).toMatchObject({ publicRead: false, publicWrite: true });
    expect(wide.grants[0]?.grantee).toBe('Any authenticated user');
  });
});

describe('ACL copy plan', () => {
  it('does nothing extra for a private object', () => {
    expect(planAclCopy(owner, [ownerFull])).toEqual({ kind: 'default' });
  });

  it('uses the canned public-read ACL when that is exactly the ACL', () => {
    expect(planAclCopy(owner, [ownerFull, allUsersRead])).toEqual({ kind: 'canned', acl: 'public-read' });
  });

  it('copies any other ACL grant by grant', () => {
    const other = { Grantee: { Type: 'CanonicalUser' as const, ID: 'someone' }, Permission: 'READ' as const };
    expect(planAclCopy(owner, [ownerFull, allUsersRead, other])).toEqual({
      kind: 'explicit',
      owner,
      grants: [ownerFull, allUsersRead, other],
    });
    expect(planAclCopy(owner, [allUsersRead])).toMatchObject({ kind: 'explicit' });
  });
});
