import { PutObjectAclCommand, type S3Client } from '@aws-sdk/client-s3';
import { AppError } from '../../../shared/errors';
import type { AclGrant, AclSpec } from '../../../shared/model/object-edit';
import { toAppError } from '../s3/s3-errors';
import { fromSdkGrant, toSdkGrant } from './acl-grants';
import { getObjectAcl } from './acl-reader';

export interface AclTarget {
  bucket: string;
  key: string;
  endpoint: string;
  /** Told when the bucket answered that it has ACLs disabled, so the capability is remembered. */
  onAclsDisabled?: () => void;
}

/** An object's ACL in the editor's terms. */
export interface ObjectAclView {
  owner?: { id?: string; displayName?: string };
  grants: AclGrant[];
}

/** What to do instead of an object ACL, for every message about a bucket without them. */
export function aclsDisabledError(bucket: string, key?: string): AppError {
  return new AppError(
    'AclsDisabled',
    `“${bucket}” has ACLs disabled (Object Ownership: bucket owner enforced), so an object's ACL cannot be changed. ` +
      'Who may read is decided by the bucket policy instead: to make files under public/ readable, add a statement allowing s3:GetObject on public/* (Bucket health), or serve them through a CDN.',
    { bucket, ...(key ? { key } : {}) },
  );
}

/** An SDK error from an ACL call, with AclsDisabled explained and AccessDenied naming `permission`. */
function aclError(error: unknown, target: AclTarget, permission: 's3:GetObjectAcl' | 's3:PutObjectAcl'): AppError {
  const appError = toAppError(error, { bucket: target.bucket, key: target.key, endpoint: target.endpoint });
  if (appError.code === 'AclsDisabled') {
    target.onAclsDisabled?.();
    return aclsDisabledError(target.bucket, target.key);
  }
  if (appError.code === 'AccessDenied') {
    const verb = permission === 's3:GetObjectAcl' ? 'read' : 'change';
    return new AppError(
      'AccessDenied',
      `These credentials may not ${verb} the ACL of “${target.key}” (${permission} is missing). Ask the bucket's administrator for it.`,
      { key: target.key, permission },
    );
  }
  return appError;
}

/** Reads an object's ACL for the editor (GetObjectAcl); errors explained as above. */
export async function readObjectAclView(client: S3Client, target: AclTarget): Promise<ObjectAclView> {
  try {
    const out = await getObjectAcl(client, { bucket: target.bucket, key: target.key });
    const owner = out.Owner
      ? { ...(out.Owner.ID ? { id: out.Owner.ID } : {}), ...(out.Owner.DisplayName ? { displayName: out.Owner.DisplayName } : {}) }
      : undefined;
    return { ...(owner ? { owner } : {}), grants: (out.Grants ?? []).map(fromSdkGrant).filter((g): g is AclGrant => g !== null) };
  } catch (error) {
    throw aclError(error, target, 's3:GetObjectAcl');
  }
}

/**
 * Writes an object's ACL: a canned ACL as it is, explicit grants as exactly that
 * AccessControlPolicy (owned by the object's current owner, read first). Nothing is approximated.
 */
export async function writeObjectAcl(client: S3Client, target: AclTarget, spec: AclSpec): Promise<void> {
  if (spec.kind === 'canned') {
    await client.send(new PutObjectAclCommand({ Bucket: target.bucket, Key: target.key, ACL: spec.acl })).catch((error: unknown) => {
      throw aclError(error, target, 's3:PutObjectAcl');
    });
    return;
  }
  const current = await getObjectAcl(client, { bucket: target.bucket, key: target.key }).catch((error: unknown) => {
    throw aclError(error, target, 's3:GetObjectAcl');
  });
  await client
    .send(
      new PutObjectAclCommand({
        Bucket: target.bucket,
        Key: target.key,
        AccessControlPolicy: { Owner: current.Owner ?? {}, Grants: spec.grants.map(toSdkGrant) },
      }),
    )
    .catch((error: unknown) => {
      throw aclError(error, target, 's3:PutObjectAcl');
    });
}
