import type { Grant, Owner } from '@aws-sdk/client-s3';

const allUsers = 'http://acs.amazonaws.com/groups/global/AllUsers';

/** How a copy gets the same ACL as its source. */
export type AclCopyPlan =
  /** Only the owner has access: what every new object gets anyway. */
  | { kind: 'default' }
  /** Owner FULL_CONTROL + everyone READ: set with the copy request itself. */
  | { kind: 'canned'; acl: 'public-read' }
  /** Anything else: PutObjectAcl with the source's grants after the copy. */
  | { kind: 'explicit'; owner: Owner; grants: Grant[] };

/** Chooses the cheapest way to give a copy its source's ACL (GetObjectAcl's Owner and Grants). */
export function planAclCopy(owner: Owner | undefined, grants: readonly Grant[] | undefined): AclCopyPlan {
  const list = grants ?? [];
  const isOwnerFull = (g: Grant) => g.Grantee?.Type === 'CanonicalUser' && g.Grantee.ID === owner?.ID && g.Permission === 'FULL_CONTROL';
  const isPublicRead = (g: Grant) => g.Grantee?.Type === 'Group' && g.Grantee.URI === allUsers && g.Permission === 'READ';
  const others = list.filter((g) => !isOwnerFull(g));
  if (others.length === 0) return { kind: 'default' };
  if (others.length === 1 && others.every(isPublicRead) && list.some(isOwnerFull)) return { kind: 'canned', acl: 'public-read' };
  return { kind: 'explicit', owner: owner ?? {}, grants: [...list] };
}
