import type { AclGrant, AclSpec } from '../../../../shared/model/object-edit';

/** The grants S3 gives a canned ACL, where they are fixed; null for those that depend on the bucket owner. */
export function cannedGrants(acl: string, ownerId: string | undefined): AclGrant[] | null {
  if (!ownerId) return null;
  const owner: AclGrant = { grantee: { kind: 'user', id: ownerId }, permission: 'FULL_CONTROL' };
  switch (acl) {
    case 'private':
      return [owner];
    case 'public-read':
      return [owner, { grantee: { kind: 'everyone' }, permission: 'READ' }];
    case 'public-read-write':
      return [owner, { grantee: { kind: 'everyone' }, permission: 'READ' }, { grantee: { kind: 'everyone' }, permission: 'WRITE' }];
    case 'authenticated-read':
      return [owner, { grantee: { kind: 'authenticated-users' }, permission: 'READ' }];
    default:
      return null;
  }
}

/** The grants an object has after `spec` is written; null when they cannot be known beforehand. */
export function grantsAfter(spec: AclSpec, ownerId: string | undefined): AclGrant[] | null {
  return spec.kind === 'grants' ? spec.grants : cannedGrants(spec.acl, ownerId);
}

/** One text per grant, display names left out (S3 fills them in itself). */
function grantText({ grantee, permission }: AclGrant): string {
  const who =
    grantee.kind === 'user' ? `user:${grantee.id}` : grantee.kind === 'email' ? `email:${grantee.email.toLowerCase()}` : grantee.kind;
  return `${who}/${permission}`;
}

/** Whether two grant lists give the same access (order and duplicates aside). Pure. */
export function sameGrants(a: readonly AclGrant[], b: readonly AclGrant[]): boolean {
  const left = [...new Set(a.map(grantText))].sort();
  const right = [...new Set(b.map(grantText))].sort();
  return left.length === right.length && left.every((text, i) => text === right[i]);
}

/** Whether an object with `current` grants already has the ACL `spec` would write (so nothing is written). */
export function aclAtTarget(current: readonly AclGrant[], ownerId: string | undefined, spec: AclSpec): boolean {
  const target = grantsAfter(spec, ownerId);
  return target !== null && sameGrants(current, target);
}
