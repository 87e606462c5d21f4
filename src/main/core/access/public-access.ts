import type { S3Client } from '@aws-sdk/client-s3';
import type { AclSummary } from '../../../shared/model/object-details';
import type { PublicAccessAnswer } from '../../../shared/model/object-edit';
import { endpointObjectUrl } from '../s3/bucket-address';

/** A HEAD with no credentials should answer at once; past this the answer is "could not tell". */
const anonymousTimeoutMs = 10_000;

/** The anonymous request, injectable so the reasoning can be tested without a server. */
export type AnonymousHead = (url: string, signal: AbortSignal) => Promise<number>;

const plainHead: AnonymousHead = async (url, signal) => (await fetch(url, { method: 'HEAD', signal, redirect: 'manual' })).status;

/**
 * "Can anyone with the URL read this, right now?", answered the only way that is certain: a HEAD
 * of the object's plain endpoint URL with no credentials, from main. The object's ACL (when it
 * could be read) then explains why: a READ grant to everyone, or — when the world can read
 * without one — a bucket policy; a READ grant the world is still refused points at Block Public
 * Access or a policy Deny overriding it.
 */
export async function checkPublicAccess(
  client: S3Client,
  ref: { bucket: string; key: string },
  acl: AclSummary,
  head: AnonymousHead = plainHead,
): Promise<PublicAccessAnswer> {
  const url = await endpointObjectUrl(client, ref.bucket, ref.key);
  let status: number;
  try {
    status = await head(url, AbortSignal.timeout(anonymousTimeoutMs));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      publicRead: false,
      url,
      reason: `Could not ask the server without credentials (${why}); the answer is unknown. Check the network and try again.`,
    };
  }
  const aclGrants = acl.status === 'available' ? acl.publicRead : undefined;
  if (status >= 200 && status < 300) {
    const reason =
      aclGrants === true
        ? 'Yes: the object’s ACL grants READ to everyone.'
        : acl.status === 'unavailable' && acl.code === 'AclsDisabled'
          ? 'Yes: this bucket has ACLs disabled, so its bucket policy (or an access point) makes it readable.'
          : 'Yes: the object’s ACL does not grant it, so the bucket policy does.';
    return { publicRead: true, status, url, reason };
  }
  if (status === 404)
    return { publicRead: false, status, url, reason: 'No: the server answers that there is no such object for anonymous readers.' };
  if (status === 403) {
    const reason =
      aclGrants === true
        ? 'No: the object’s ACL grants READ to everyone, but the bucket refuses anonymous reads anyway (Block Public Access ignoring public ACLs, or a policy Deny).'
        : 'No: neither the object’s ACL nor the bucket policy lets anonymous users read it.';
    return { publicRead: false, status, url, reason };
  }
  return { publicRead: false, status, url, reason: `No: the server answered an anonymous HEAD with HTTP ${status}.` };
}
