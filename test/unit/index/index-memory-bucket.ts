import type { ParsedListing } from '../../../src/main/core/browse/list-xml';
import { compareKeys } from '../../../src/main/core/index/key-order';
import { columnsOf } from '../../../src/main/core/index/listed-columns';
import type { ListPage, ListRequest } from '../../../src/main/core/index/range-planner';

/**
 * ListObjectsV2 over keys held in memory, with S3's semantics for what a sync uses (Prefix,
 * StartAfter, ContinuationToken, Delimiter, MaxKeys up to 1,000), for tests of how a sync splits
 * and lists a bucket. Every request is recorded, so a test can count pages and probes.
 */
export class MemoryBucket {
  readonly keys: string[];
  readonly requests: ListRequest[] = [];
  /** Requests started and not yet answered. */
  inFlight = 0;

  constructor(keys: readonly string[]) {
    this.keys = [...keys].sort(compareKeys);
  }

  readonly list: ListPage = async (request) => {
    this.requests.push(request);
    this.inFlight += 1;
    try {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const { contents, ...rest } = this.page(request);
      return { ...rest, objects: columnsOf(contents) };
    } finally {
      this.inFlight -= 1;
    }
  };

  /** Requests for whole pages with no delimiter and no MaxKeys: a sync's listers (its planner always sets one or the other). */
  pageRequests(): number {
    return this.requests.filter((r) => r.maxKeys === undefined && r.delimiter === undefined).length;
  }

  /** The index of the first key after `key`. */
  private firstAbove(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareKeys(this.keys[mid] as string, key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private page(request: ListRequest): ParsedListing {
    const max = Math.min(request.maxKeys ?? 1000, 1000);
    const token =
      request.continuationToken === undefined ? undefined : (JSON.parse(request.continuationToken) as { after: string; skip?: string });
    const after = token?.after ?? request.startAfter ?? '';
    const contents: ParsedListing['contents'] = [];
    const commonPrefixes: string[] = [];
    let last: { after: string; skip?: string } | undefined;
    let skip = token?.skip;
    const from = Math.max(this.firstAbove(after), this.firstAbove(request.prefix) - 1, 0);
    for (let i = from; i < this.keys.length; i++) {
      const key = this.keys[i] as string;
      if (compareKeys(key, after) <= 0) continue;
      if (!key.startsWith(request.prefix)) {
        if (compareKeys(key, request.prefix) > 0) break;
        continue;
      }
      if (skip !== undefined && key.startsWith(skip)) continue;
      if (contents.length + commonPrefixes.length === max)
        return { isTruncated: true, nextContinuationToken: JSON.stringify(last), commonPrefixes, contents };
      const cut = request.delimiter === undefined ? -1 : key.indexOf(request.delimiter, request.prefix.length);
      if (cut >= 0) {
        skip = key.slice(0, cut + 1);
        commonPrefixes.push(skip);
        last = { after: key, skip };
      } else {
        contents.push({ key, size: key.length, etag: `"e-${key.length}"`, lastModified: new Date(0), storageClass: 'STANDARD' });
        last = { after: key };
      }
    }
    return { isTruncated: false, commonPrefixes, contents };
  }
}
