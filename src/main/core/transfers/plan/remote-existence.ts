import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { parentPrefix } from '../../../../shared/model/keys';
import { forEachConcurrent } from '../../../../shared/concurrency';
import { withRetry } from '../client/retry';
import { httpStatusOf, type RetryPolicy } from '../client/retry-policy';
import { headObject } from '../client/s3-ops';

/**
 * The one "which of these keys exist": groups of keys that share a folder are listed (one call per
 * 1,000 objects), the rest get a HEAD each. Upload planning (conflicts) and links made in bulk
 * (missing-object warnings) both ask it, each with its own grouping, thresholds and retry policy.
 */

/** An object found at a key. */
export interface ExistingObject {
  size: number;
  lastModified?: string;
}

/** What the check learned about one key. */
export type KeyPresence =
  | { state: 'found'; object: ExistingObject }
  /** Known absent: a complete listing did not hold it, or its HEAD answered 404 (as in a missing bucket). */
  | { state: 'missing'; seenBy: 'listing' | 'head' }
  /** Its HEAD was refused (403): not known either way. */
  | { state: 'forbidden' };

/** Keys one listing covers: `prefix` listed whole, or with a `/` delimiter that folder only. */
export interface KeyGroup {
  prefix: string;
  delimiter?: '/';
  keys: string[];
}

/** How a check runs: who retries, when a listing pays off, and what a failure means. */
export interface ExistenceOptions {
  policy: RetryPolicy;
  signal: AbortSignal;
  /** A group of at least this many keys is listed; smaller groups get a HEAD per key. */
  listFrom: number;
  /** HEADs in flight at once. */
  headConcurrency: number;
  /** Keys per listing page (S3's maximum, 1,000, when absent). */
  pageSize?: number;
  /** Pages one group may list before the keys it has not seen get HEADs instead (no limit when absent). */
  maxPages?: number;
  /** HEAD a group's keys when its listing fails (no s3:ListBucket, say) instead of failing the check. */
  headWhenListingFails?: boolean;
  /** A bound on each request, on top of `signal` (none: the client's socket timeouts decide). */
  requestTimeoutMs?: number;
  /** The error to throw for a HEAD that failed with other than 404 or 403 (the SDK's own when absent). */
  headError?: (error: unknown, key: string) => unknown;
}

/** One group per folder: each key with its siblings, listed with a delimiter (that folder only). */
export function groupByFolder(keys: readonly string[]): KeyGroup[] {
  const groups = new Map<string, KeyGroup>();
  for (const key of keys) {
    const folder = parentPrefix(key);
    const group = groups.get(folder) ?? { prefix: folder, delimiter: '/', keys: [] };
    group.keys.push(key);
    groups.set(folder, group);
  }
  return [...groups.values()];
}

/**
 * For keys all under `prefix` (an upload's): one group per first folder below it, listed whole,
 * and one for the keys directly in it, listed with a delimiter so sub-folders are not walked. A
 * 2,000-file drop then costs a few LIST pages, not 2,000 requests.
 */
export function groupBelowPrefix(prefix: string, keys: readonly string[]): KeyGroup[] {
  const groups = new Map<string, KeyGroup>();
  for (const key of keys) {
    const rest = key.slice(prefix.length);
    const slash = rest.indexOf('/');
    const folder = slash >= 0 ? prefix + rest.slice(0, slash + 1) : '';
    const group = groups.get(folder) ?? (folder === '' ? { prefix, delimiter: '/', keys: [] } : { prefix: folder, keys: [] });
    group.keys.push(key);
    groups.set(folder, group);
  }
  return [...groups.values()];
}

/** What each key of `groups` is: found (with size and date), missing, or not known (HEAD refused). */
export async function checkKeys(
  client: S3Client,
  bucket: string,
  groups: readonly KeyGroup[],
  options: ExistenceOptions,
): Promise<Map<string, KeyPresence>> {
  const results = new Map<string, KeyPresence>();
  const toHead: string[] = [];
  for (const group of groups) {
    if (group.keys.length < options.listFrom) {
      toHead.push(...group.keys);
      continue;
    }
    const listing = await listGroup(client, bucket, group, options).catch((error: unknown) => {
      if (options.headWhenListingFails && !options.signal.aborted) return null;
      throw error;
    });
    for (const key of group.keys) {
      const object = listing?.found.get(key);
      if (object) results.set(key, { state: 'found', object });
      else if (listing?.complete) results.set(key, { state: 'missing', seenBy: 'listing' });
      else toHead.push(key);
    }
  }
  const heads = new Map<string, KeyPresence>();
  await forEachConcurrent(toHead, options.headConcurrency, async (key) => {
    heads.set(key, await headKey(client, bucket, key, options));
  });
  for (const key of toHead) {
    const presence = heads.get(key);
    if (presence) results.set(key, presence);
  }
  return results;
}

/**
 * Which of `keys` (all under `prefix`) already exist where an upload would write. Small groups
 * are HEADed (8 at a time), large ones listed; a HEAD refused (403) counts as "not known to
 * exist": the conditional write still protects it.
 */
export async function findExisting(
  client: S3Client,
  bucket: string,
  prefix: string,
  keys: readonly string[],
  policy: RetryPolicy,
  signal: AbortSignal,
): Promise<Map<string, ExistingObject>> {
  const presence = await checkKeys(client, bucket, groupBelowPrefix(prefix, keys), { policy, signal, listFrom: 20, headConcurrency: 8 });
  const found = new Map<string, ExistingObject>();
  for (const [key, p] of presence) if (p.state === 'found') found.set(key, p.object);
  return found;
}

interface GroupListing {
  found: Map<string, ExistingObject>;
  /** True when every wanted key not in `found` is known to be absent. */
  complete: boolean;
}

/** S3 lists keys in UTF-8 byte order, which JavaScript's UTF-16 comparison does not always match. */
function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function requestSignal(options: ExistenceOptions): AbortSignal {
  return options.requestTimeoutMs === undefined
    ? options.signal
    : AbortSignal.any([options.signal, AbortSignal.timeout(options.requestTimeoutMs)]);
}

/** Lists a group until every wanted key is seen, the listing passes the last one, or the page budget ends. */
async function listGroup(client: S3Client, bucket: string, group: KeyGroup, options: ExistenceOptions): Promise<GroupListing> {
  const wanted = new Set(group.keys);
  const last = group.keys.reduce((max, key) => (compareUtf8(key, max) > 0 ? key : max));
  const found = new Map<string, ExistingObject>();
  const maxPages = options.maxPages ?? Infinity;
  let token: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const out = await withRetry(
      () =>
        client.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: group.prefix,
            ...(group.delimiter ? { Delimiter: group.delimiter } : {}),
            ...(token ? { ContinuationToken: token } : {}),
            ...(options.pageSize !== undefined ? { MaxKeys: options.pageSize } : {}),
          }),
          { abortSignal: requestSignal(options) },
        ),
      { policy: options.policy, signal: options.signal },
    );
    let passedLast = false;
    for (const o of out.Contents ?? []) {
      if (!o.Key) continue;
      if (wanted.has(o.Key))
        found.set(o.Key, { size: o.Size ?? 0, ...(o.LastModified ? { lastModified: o.LastModified.toISOString() } : {}) });
      if (compareUtf8(o.Key, last) >= 0) passedLast = true;
    }
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
    if (found.size === wanted.size || passedLast || token === undefined) return { found, complete: true };
  }
  return { found, complete: false };
}

async function headKey(client: S3Client, bucket: string, key: string, options: ExistenceOptions): Promise<KeyPresence> {
  try {
    const remote = await headObject(client, bucket, key, options.policy, requestSignal(options));
    if (!remote) return { state: 'missing', seenBy: 'head' };
    return {
      state: 'found',
      object: { size: remote.size, ...(remote.lastModified ? { lastModified: remote.lastModified.toISOString() } : {}) },
    };
  } catch (error) {
    if (httpStatusOf(error) === 403) return { state: 'forbidden' };
    throw options.headError ? options.headError(error, key) : error;
  }
}
