import type { S3Client } from '@aws-sdk/client-s3';
import type { BulkScope } from '../../../../shared/model/bulk-edit';
import { listObjectsV2Fast } from '../../browse/fast-list-objects';

/**
 * Where a walk of a scope got to: every object of the sources before `source` is done, and of
 * source `source` every key up to `after` (inclusive). Source 0 is the selected keys (sorted),
 * source i ≥ 1 the objects under `prefixes[i − 1]` in listing order (which is key order).
 */
export interface ScopePosition {
  source: number;
  after?: string;
}

/** One object of the walk, with the position that is reached once it (and all before it) is done. */
export interface ScopeItem {
  key: string;
  position: ScopePosition;
}

/** The selected keys, sorted and without repeats: the order a walk and its checkpoint agree on. */
export function orderedKeys(keys: readonly string[]): string[] {
  return [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Every object of the scope from `from` on (a page at a time, so work starts with the first
 * page). Folder placeholders (keys ending in `/`) are not objects to edit and are left out.
 */
export async function* walkScope(
  client: S3Client,
  bucket: string,
  scope: BulkScope,
  from: ScopePosition | undefined,
  signal?: AbortSignal,
): AsyncGenerator<ScopeItem[]> {
  const start = from ?? { source: 0 };
  if (start.source === 0) {
    const keys = orderedKeys(scope.keys).filter((k) => start.after === undefined || k > start.after);
    for (let i = 0; i < keys.length; i += 1000) yield keys.slice(i, i + 1000).map((key) => ({ key, position: { source: 0, after: key } }));
  }
  for (let source = Math.max(1, start.source); source <= scope.prefixes.length; source += 1) {
    const prefix = scope.prefixes[source - 1] ?? '';
    let token: string | undefined;
    const startAfter = source === start.source ? start.after : undefined;
    do {
      signal?.throwIfAborted();
      const page = await listObjectsV2Fast(
        client,
        { Bucket: bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : startAfter ? { StartAfter: startAfter } : {}) },
        signal ? { abortSignal: signal } : {},
      );
      const items = page.contents.filter((o) => !o.key.endsWith('/')).map((o) => ({ key: o.key, position: { source, after: o.key } }));
      if (items.length > 0) yield items;
      token = page.isTruncated ? page.nextContinuationToken : undefined;
    } while (token);
  }
}
