import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ShareWarning } from '../../../shared/model/share';
import { toAppError } from '../s3/s3-errors';

/** What a HEAD told us about the object, if it exists. */
export interface ObjectFacts {
  size: number;
  contentType?: string;
  lastModified?: string;
}

export interface ProbeResult {
  facts?: ObjectFacts;
  /** Set when the object is missing or cannot be checked; the link is issued anyway. */
  warning?: ShareWarning;
}

/** Bounded wait for the checks below: a link should not hang on a slow HEAD. */
export const probeTimeoutMs = 10_000;

/** The warning for a key that is not there (yet): the link is still made. */
export function missingObjectWarning(bucket: string, key: string): ShareWarning {
  return {
    code: 'NoSuchKey',
    message: `There is no object “${key}” in “${bucket}” right now. The link was made anyway and will work once the object exists; check the key if you expected it to be there.`,
  };
}

/**
 * HEADs the object with the connection's credentials. Missing (404) and forbidden (403) become
 * warnings, since a link for a key that will exist later is legitimate; other failures are errors.
 */
export async function probeObject(client: S3Client, bucket: string, key: string): Promise<ProbeResult> {
  try {
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: AbortSignal.timeout(probeTimeoutMs) });
    return {
      facts: {
        size: head.ContentLength ?? 0,
        ...(head.ContentType ? { contentType: head.ContentType } : {}),
        ...(head.LastModified ? { lastModified: head.LastModified.toISOString() } : {}),
      },
    };
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404) {
      return { warning: missingObjectWarning(bucket, key) };
    }
    if (status === 403) {
      return { warning: { code: 'AccessDenied', message: `These credentials may not read “${key}” (HEAD was refused), so the link will probably be refused too. Ask the bucket's administrator for read access.` } };
    }
    throw toAppError(error, { bucket, key });
  }
}

/**
 * Fetches the plain URL anonymously, as the customer will. Only a clear 401/403 warns; a network
 * problem from here says nothing about what the customer will see, so it is not reported.
 */
export async function checkAnonymousAccess(url: string): Promise<ShareWarning | undefined> {
  try {
    const res = await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(probeTimeoutMs) });
    if (res.status === 401 || res.status === 403) {
      return { code: 'NotPublic', message: `Anonymous visitors get “${res.status} ${res.statusText || 'Forbidden'}” for this object, so the public link will not work. Make the object public (public-read) or share a presigned link instead.` };
    }
  } catch {
    // Offline, TLS or DNS from this machine: not evidence about the object itself.
  }
  return undefined;
}
