import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { forEachConcurrent } from '../../../shared/concurrency';
import { withRetry } from './retry';
import type { RetryPolicy } from './retry-policy';
import { headObject } from './s3-ops';

/** An object found where an upload would write. */
export interface ExistingObject {
  size: number;
  lastModified?: string;
}

/** Below this many keys under one folder, HEAD each; above, one listing is cheaper. */
const headLimit = 20;

/**
 * Which of `keys` (all under `prefix`) already exist. Keys are grouped by their first folder
 * below the prefix: small groups are checked with HEAD (8 at a time), large ones by listing that
 * folder, so a 2,000-file drop costs a few LIST pages, not 2,000 requests. A HEAD refused (403)
 * counts as "not known to exist": the conditional write still protects it.
 */
export async function findExisting(
  client: S3Client,
  bucket: string,
  prefix: string,
  keys: readonly string[],
  policy: RetryPolicy,
  signal: AbortSignal,
): Promise<Map<string, ExistingObject>> {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const rest = key.slice(prefix.length);
    const slash = rest.indexOf('/');
    const root = slash >= 0 ? prefix + rest.slice(0, slash + 1) : '';
    const list = groups.get(root) ?? [];
    list.push(key);
    groups.set(root, list);
  }
  const found = new Map<string, ExistingObject>();
  const toHead: string[] = [];
  for (const [root, members] of groups) {
    if (members.length < headLimit) {
      toHead.push(...members);
      continue;
    }
    const wanted = new Set(members);
    // Files directly in the prefix are listed with a delimiter, so sub-folders are not walked.
    await listInto(client, bucket, root || prefix, root === '' ? '/' : undefined, wanted, found, policy, signal);
  }
  await headEach(client, bucket, toHead, found, policy, signal);
  return found;
}

async function listInto(
  client: S3Client,
  bucket: string,
  listPrefix: string,
  delimiter: string | undefined,
  wanted: ReadonlySet<string>,
  found: Map<string, ExistingObject>,
  policy: RetryPolicy,
  signal: AbortSignal,
): Promise<void> {
  let token: string | undefined;
  do {
    const page = await withRetry(
      () =>
        client.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: listPrefix,
            ...(delimiter ? { Delimiter: delimiter } : {}),
            ...(token ? { ContinuationToken: token } : {}),
          }),
          { abortSignal: signal },
        ),
      { policy, signal },
    );
    for (const o of page.Contents ?? []) {
      if (o.Key && wanted.has(o.Key)) {
        found.set(o.Key, { size: o.Size ?? 0, ...(o.LastModified ? { lastModified: o.LastModified.toISOString() } : {}) });
      }
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

async function headEach(
  client: S3Client,
  bucket: string,
  keys: readonly string[],
  found: Map<string, ExistingObject>,
  policy: RetryPolicy,
  signal: AbortSignal,
): Promise<void> {
  await forEachConcurrent(
    keys,
    8,
    async (key, headSignal) => {
      try {
        const remote = await headObject(client, bucket, key, policy, headSignal);
        if (remote) found.set(key, { size: remote.size, ...(remote.lastModified ? { lastModified: remote.lastModified.toISOString() } : {}) });
      } catch (error) {
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 403) throw error;
      }
    },
    signal,
  );
}
