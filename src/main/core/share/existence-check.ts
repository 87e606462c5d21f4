import type { S3Client } from '@aws-sdk/client-s3';
import { toAppError } from '../s3/s3-errors';
import { checkKeys, groupByFolder, type KeyPresence } from '../transfers/plan/remote-existence';
import type { RetryPolicy } from '../transfers/client/retry-policy';
import {
  accessDeniedWarning,
  bucketCheck,
  missingBucketWarning,
  missingObjectWarning,
  probeTimeoutMs,
  type BucketCheck,
  type ProbeResult,
} from './object-probe';

/** From this many selected keys in one folder, one listing is cheaper than a HEAD per key. */
export const listThreshold = 24;
/** At most this many listing pages per folder (10,000 objects); the rest get HEADs. */
export const maxListPages = 10;
/** HEADs in flight at once: quick on a LAN, polite to a remote endpoint. */
export const headConcurrency = 16;

/** The share client retries in the SDK already (3 attempts); a second layer would only hold a bulk link up. */
const sdkRetriesOnly: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 };

/** Listing page size and budget; smaller values exist for tests. */
export interface ListLimits {
  pageSize: number;
  maxPages: number;
}

/**
 * Whether each key exists, for links made in bulk: folders with many selected keys are listed
 * (one call per 1,000 objects), the rest are HEADed. A listing that fails (no s3:ListBucket) falls
 * back to HEADs; missing keys get the same warning a single link gets.
 */
export async function checkExistence(
  client: S3Client,
  bucket: string,
  keys: readonly string[],
  limits: ListLimits = { pageSize: 1000, maxPages: maxListPages },
): Promise<Map<string, ProbeResult>> {
  const presence = await checkKeys(client, bucket, groupByFolder(keys), {
    policy: sdkRetriesOnly,
    signal: new AbortController().signal,
    listFrom: listThreshold,
    headConcurrency,
    pageSize: limits.pageSize,
    maxPages: limits.maxPages,
    headWhenListingFails: true,
    requestTimeoutMs: probeTimeoutMs,
    headError: (error, key) => toAppError(error, { bucket, key }),
  });
  // A listing of a missing bucket fails and falls back to HEADs; their 404s share one HeadBucket.
  const bucketExists = bucketCheck(client, bucket);
  const results = new Map<string, ProbeResult>();
  for (const [key, p] of presence) results.set(key, await probeResultOf(p, bucket, key, bucketExists));
  return results;
}

async function probeResultOf(presence: KeyPresence, bucket: string, key: string, bucketExists: BucketCheck): Promise<ProbeResult> {
  switch (presence.state) {
    case 'found':
      return { facts: presence.object };
    case 'forbidden':
      return { warning: accessDeniedWarning(key) };
    case 'missing':
      if (presence.seenBy === 'listing') return { warning: missingObjectWarning(bucket, key) };
      return { warning: (await bucketExists()) ? missingObjectWarning(bucket, key) : missingBucketWarning(bucket) };
  }
}
