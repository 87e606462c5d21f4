import { GetBucketOwnershipControlsCommand, type S3Client } from '@aws-sdk/client-s3';
import type { AclSupport } from '../../../shared/model/transfer';

/**
 * Asks the bucket whether it takes object ACLs (Object Ownership). BucketOwnerEnforced means ACLs
 * are disabled; a bucket without ownership controls, or with another setting, takes them. Servers
 * that do not implement this (Ceph RGW answers with an empty document) stay `unknown`: the first
 * upload with an ACL then finds out, and an AccessControlListNotSupported answer is remembered.
 */
export async function probeAclSupport(client: S3Client, bucket: string, signal: AbortSignal): Promise<AclSupport> {
  try {
    const out = await client.send(new GetBucketOwnershipControlsCommand({ Bucket: bucket }), { abortSignal: signal });
    const rule = out.OwnershipControls?.Rules?.[0]?.ObjectOwnership;
    if (rule === 'BucketOwnerEnforced') return 'disabled';
    return rule ? 'supported' : 'unknown';
  } catch (error) {
    return (error as { name?: string }).name === 'OwnershipControlsNotFoundError' ? 'supported' : 'unknown';
  }
}
