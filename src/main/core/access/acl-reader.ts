import { GetObjectAclCommand, type GetObjectAclCommandOutput, type S3Client } from '@aws-sdk/client-s3';
import type { AclSummary } from '../../../shared/model/object-details';
import { toAppError } from '../s3/s3-errors';
import { summarizeAcl, type RawAcl } from './acl-summary';

export interface ObjectRef {
  bucket: string;
  key: string;
  versionId?: string;
}

/** GetObjectAcl for one object (throws the SDK's error). */
export function getObjectAcl(client: S3Client, ref: ObjectRef): Promise<GetObjectAclCommandOutput> {
  return client.send(new GetObjectAclCommand({ Bucket: ref.bucket, Key: ref.key, ...(ref.versionId ? { VersionId: ref.versionId } : {}) }));
}

/** The SDK's ACL answer reduced to what the summary reads. */
export function toRawAcl(out: Pick<GetObjectAclCommandOutput, 'Owner' | 'Grants'>): RawAcl {
  return {
    ...(out.Owner
      ? {
          owner: {
            ...(out.Owner.ID ? { id: out.Owner.ID } : {}),
            ...(out.Owner.DisplayName ? { displayName: out.Owner.DisplayName } : {}),
          },
        }
      : {}),
    grants: (out.Grants ?? []).map((g) => ({
      ...(g.Grantee?.Type ? { type: g.Grantee.Type } : {}),
      ...(g.Grantee?.URI ? { uri: g.Grantee.URI } : {}),
      ...(g.Grantee?.ID ? { id: g.Grantee.ID } : {}),
      ...(g.Grantee?.DisplayName ? { displayName: g.Grantee.DisplayName } : {}),
      ...(g.Grantee?.EmailAddress ? { email: g.Grantee.EmailAddress } : {}),
      ...(g.Permission ? { permission: g.Permission } : {}),
    })),
  };
}

/**
 * The ACL summary for the inspector. Never throws: a bucket without ACLs or a key that may not
 * read ACLs still has every other detail worth showing, so the reason is reported instead.
 */
export async function readAclSummary(client: S3Client, ref: ObjectRef, endpoint: string): Promise<AclSummary> {
  try {
    return summarizeAcl(toRawAcl(await getObjectAcl(client, ref)));
  } catch (error) {
    const appError = toAppError(error, { bucket: ref.bucket, key: ref.key, endpoint });
    const reason =
      appError.code === 'AccessDenied'
        ? 'These credentials may not read this object’s ACL (s3:GetObjectAcl).'
        : appError.code === 'AclsDisabled'
          ? 'This bucket has ACLs disabled; the bucket policy decides who may read.'
          : appError.message;
    return { status: 'unavailable', code: appError.code, reason };
  }
}
