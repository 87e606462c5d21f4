import type { Grant } from '@aws-sdk/client-s3';
import type { AclGrant, Grantee } from '../../../shared/model/object-edit';

/** The group URIs S3 knows, by the editor's grantee kind. */
export const groupUris = {
  everyone: 'http://acs.amazonaws.com/groups/global/AllUsers',
  'authenticated-users': 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
  'log-delivery': 'http://acs.amazonaws.com/groups/s3/LogDelivery',
} as const;

/** An editor grant as S3's AccessControlPolicy takes it. */
export function toSdkGrant(grant: AclGrant): Grant {
  const g = grant.grantee;
  switch (g.kind) {
    case 'everyone':
    case 'authenticated-users':
    case 'log-delivery':
      return { Grantee: { Type: 'Group', URI: groupUris[g.kind] }, Permission: grant.permission };
    case 'user':
      return { Grantee: { Type: 'CanonicalUser', ID: g.id }, Permission: grant.permission };
    case 'email':
      return { Grantee: { Type: 'AmazonCustomerByEmail', EmailAddress: g.email }, Permission: grant.permission };
  }
}

/** An S3 grant in the editor's terms; null for a grantee or permission it cannot show (kept as is elsewhere). */
export function fromSdkGrant(grant: Grant): AclGrant | null {
  const permission = grant.Permission;
  if (
    permission !== 'READ' &&
    permission !== 'WRITE' &&
    permission !== 'READ_ACP' &&
    permission !== 'WRITE_ACP' &&
    permission !== 'FULL_CONTROL'
  )
    return null;
  const grantee = granteeOf(grant);
  return grantee ? { grantee, permission } : null;
}

function granteeOf(grant: Grant): Grantee | null {
  const g = grant.Grantee;
  if (!g) return null;
  if (g.URI) {
    const kind = (Object.keys(groupUris) as (keyof typeof groupUris)[]).find((k) => groupUris[k] === g.URI);
    return kind ? { kind } : null;
  }
  if (g.EmailAddress) return { kind: 'email', email: g.EmailAddress };
  if (g.ID) return { kind: 'user', id: g.ID, ...(g.DisplayName ? { displayName: g.DisplayName } : {}) };
  return null;
}
