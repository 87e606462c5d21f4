import type { AclGrantSummary, AclSummary } from '../../../shared/model/object-details';

const allUsers = 'http://acs.amazonaws.com/groups/global/AllUsers';
const authenticatedUsers = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
const logDelivery = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

/** A GetObjectAcl answer, reduced to the fields we read (SDK types are all-optional). */
export interface RawAcl {
  owner?: { id?: string; displayName?: string };
  grants: {
    type?: string;
    uri?: string;
    id?: string;
    displayName?: string;
    email?: string;
    permission?: string;
  }[];
}

/** Summarises an ACL the way the inspector shows it: who may do what, and is it public. */
export function summarizeAcl(raw: RawAcl): Extract<AclSummary, { status: 'available' }> {
  const grants = raw.grants.map(describeGrant);
  const isPublic = (g: AclGrantSummary) => g.granteeKind === 'everyone';
  const isWide = (g: AclGrantSummary) => g.granteeKind === 'everyone' || g.granteeKind === 'authenticated-users';
  return {
    status: 'available',
    ...(raw.owner && (raw.owner.id || raw.owner.displayName) ? { owner: compact(raw.owner) } : {}),
    publicRead: grants.some((g) => isPublic(g) && (g.permission === 'READ' || g.permission === 'FULL_CONTROL')),
    publicWrite: grants.some((g) => isWide(g) && ['WRITE', 'WRITE_ACP', 'FULL_CONTROL'].includes(g.permission)),
    grants,
  };
}

function describeGrant(g: RawAcl['grants'][number]): AclGrantSummary {
  const permission = g.permission ?? 'UNKNOWN';
  if (g.type === 'Group' || g.uri) {
    if (g.uri === allUsers) return { grantee: 'Everyone (anonymous)', granteeKind: 'everyone', permission };
    if (g.uri === authenticatedUsers) return { grantee: 'Any authenticated user', granteeKind: 'authenticated-users', permission };
    if (g.uri === logDelivery) return { grantee: 'Log delivery', granteeKind: 'log-delivery', permission };
    return { grantee: g.uri ?? 'Unknown group', granteeKind: 'unknown', permission };
  }
  if (g.type === 'AmazonCustomerByEmail' || g.email) return { grantee: g.email ?? 'Unknown e-mail', granteeKind: 'email', permission };
  if (g.displayName || g.id) return { grantee: g.displayName || g.id || '', granteeKind: 'user', permission };
  return { grantee: 'Unknown grantee', granteeKind: 'unknown', permission };
}

function compact(owner: { id?: string; displayName?: string }): { id?: string; displayName?: string } {
  return { ...(owner.id ? { id: owner.id } : {}), ...(owner.displayName ? { displayName: owner.displayName } : {}) };
}
