import { HeadBucketCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
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

/** The warning for a bucket that is not there: no key in it can work, whatever the key. */
export function missingBucketWarning(bucket: string): ShareWarning {
  return {
    code: 'NoSuchBucket',
    message: `There is no bucket “${bucket}” on this server. The link was made anyway, but it cannot work unless a bucket of that name is created; check the bucket name.`,
  };
}

/** The warning for a key these credentials may not HEAD: a link to it will probably be refused too. */
export function accessDeniedWarning(key: string): ShareWarning {
  return {
    code: 'AccessDenied',
    message: `These credentials may not read “${key}” (HEAD was refused), so the link will probably be refused too. Ask the bucket's administrator for read access.`,
  };
}

/** Whether the bucket exists, asked at most once however many keys are probed. */
export type BucketCheck = () => Promise<boolean>;

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

/**
 * A HEAD of a missing object and of an object in a missing bucket both answer a bare 404 (a HEAD
 * has no error body), so a 404 is told apart by one HeadBucket. Only a 404 or NoSuchBucket there
 * counts as missing: 403, a redirect or a network error say nothing about the bucket's existence.
 */
export function bucketCheck(client: S3Client, bucket: string): BucketCheck {
  let answer: Promise<boolean> | undefined;
  return () => {
    answer ??= client.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal: AbortSignal.timeout(probeTimeoutMs) }).then(
      () => true,
      (error: unknown) => !(statusOf(error) === 404 || (error as { name?: string }).name === 'NoSuchBucket'),
    );
    return answer;
  };
}

/**
 * HEADs the object with the connection's credentials. Missing (404, told apart from a missing
 * bucket) and forbidden (403) become warnings, since a link for a key that will exist later is
 * legitimate; other failures are errors. `bucketExists` lets a batch of probes share one check.
 */
export async function probeObject(
  client: S3Client,
  bucket: string,
  key: string,
  bucketExists: BucketCheck = bucketCheck(client, bucket),
): Promise<ProbeResult> {
  try {
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), {
      abortSignal: AbortSignal.timeout(probeTimeoutMs),
    });
    return {
      facts: {
        size: head.ContentLength ?? 0,
        ...(head.ContentType ? { contentType: head.ContentType } : {}),
        ...(head.LastModified ? { lastModified: head.LastModified.toISOString() } : {}),
      },
    };
  } catch (error) {
    const status = statusOf(error);
    if (status === 404) {
      return { warning: (await bucketExists()) ? missingObjectWarning(bucket, key) : missingBucketWarning(bucket) };
    }
    if (status === 403) return { warning: accessDeniedWarning(key) };
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
      return {
        code: 'NotPublic',
        message: `Anonymous visitors get “${res.status} ${res.statusText || 'Forbidden'}” for this object, so the public link will not work. Make the object public (public-read) or share a presigned link instead.`,
      };
    }
  } catch {
    // Offline, TLS or DNS from this machine: not evidence about the object itself.
  }
  return undefined;
}
