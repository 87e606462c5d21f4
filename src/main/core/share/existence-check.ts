import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { mapLimit } from '../../../shared/concurrency';
import { bucketCheck, missingObjectWarning, probeObject, probeTimeoutMs, type ObjectFacts, type ProbeResult } from './object-probe';

/** From this many selected keys in one folder, one listing is cheaper than a HEAD per key. */
export const listThreshold = 24;
/** At most this many listing pages per folder (10,000 objects); the rest get HEADs. */
export const maxListPages = 10;
/** HEADs in flight at once: quick on a LAN, polite to a remote endpoint. */
export const headConcurrency = 16;

/** The folder a key sits in (`a/b/` for `a/b/c.txt`, `` for a top-level key). */
export function folderOf(key: string): string {
  return key.slice(0, key.lastIndexOf('/') + 1);
}

/** S3 lists keys in UTF-8 byte order, which JavaScript's UTF-16 comparison does not always match. */
function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Listing page size and budget; smaller values exist for tests. */
export interface ListLimits {
  pageSize: number;
  maxPages: number;
}

interface FolderListing {
  found: Map<string, ObjectFacts>;
  /** True when every wanted key not in `found` is known to be absent. */
  complete: boolean;
}

/** Lists one folder until every wanted key is seen, the listing passes the last one, or the page budget ends. */
async function listFolder(client: S3Client, bucket: string, folder: string, wanted: readonly string[], limits: ListLimits): Promise<FolderListing> {
  const wantedSet = new Set(wanted);
  const last = wanted.reduce((max, key) => (compareUtf8(key, max) > 0 ? key : max));
  const found = new Map<string, ObjectFacts>();
  let token: string | undefined;
  for (let page = 0; page < limits.maxPages; page += 1) {
    const out = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: folder, Delimiter: '/', ContinuationToken: token, MaxKeys: limits.pageSize }), {
      abortSignal: AbortSignal.timeout(probeTimeoutMs),
    });
    let passedLast = false;
    for (const object of out.Contents ?? []) {
      if (!object.Key) continue;
      if (wantedSet.has(object.Key)) {
        found.set(object.Key, { size: object.Size ?? 0, ...(object.LastModified ? { lastModified: object.LastModified.toISOString() } : {}) });
      }
      if (compareUtf8(object.Key, last) >= 0) passedLast = true;
    }
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
    if (found.size === wantedSet.size || passedLast || token === undefined) return { found, complete: true };
  }
  return { found, complete: false };
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
  const byFolder = new Map<string, string[]>();
  for (const key of keys) {
    const folder = folderOf(key);
    const group = byFolder.get(folder);
    if (group) group.push(key);
    else byFolder.set(folder, [key]);
  }
  const results = new Map<string, ProbeResult>();
  const toHead: string[] = [];
  for (const [folder, group] of byFolder) {
    const listing = group.length >= listThreshold ? await listFolder(client, bucket, folder, group, limits).catch(() => null) : null;
    for (const key of group) {
      const facts = listing?.found.get(key);
      if (facts) results.set(key, { facts });
      else if (listing?.complete) results.set(key, { warning: missingObjectWarning(bucket, key) });
      else toHead.push(key);
    }
  }
  // A listing of a missing bucket fails and falls back to HEADs; their 404s share one HeadBucket.
  const bucketExists = bucketCheck(client, bucket);
  const heads = await mapLimit(toHead, headConcurrency, (key) => probeObject(client, bucket, key, bucketExists));
  toHead.forEach((key, i) => results.set(key, heads[i] ?? {}));
  return results;
}
