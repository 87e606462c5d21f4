import { forEachConcurrent } from '../../../shared/concurrency';
import type { IndexStore } from './index-store';
import { compareKeys } from './key-order';
import { bareEtag, storageClassOf, type ListedObject } from './listed-object';
import type { MergeCounts } from './listing-merge';
import { defaultPlanOptions, planRanges, type ListPage, type PlanOptions } from './range-planner';
import type { SyncRange, SyncRepository } from './sync-repository';

/** How a sync lists: how many ranges at once, and whether to split the key space at all. */
export interface SyncTuning {
  /** Ranges listed at once (each by its own loop of ListObjectsV2 requests). */
  concurrency: number;
  /** False: one range, listed page after page (what a plain listing does). */
  parallel: boolean;
  plan: PlanOptions;
}

export const defaultSyncTuning: SyncTuning = { concurrency: 8, parallel: true, plan: defaultPlanOptions };

/** Where a sync stands, for progress. */
export interface SyncTotals extends MergeCounts {
  objects: number;
  bytes: number;
  pages: number;
  listRequests: number;
  ranges: number;
  rangesDone: number;
}

export interface BucketSyncDeps {
  store: IndexStore;
  syncs: SyncRepository;
  list: ListPage;
  tuning?: SyncTuning;
  /** Called after each page merged, with the totals so far. */
  onPage?: (totals: SyncTotals) => void;
}

/**
 * Lists a bucket (or prefix) into sync `syncId`: the first page of the prefix, then, if there is
 * more, the rest split into key ranges listed in parallel. Each page is merged in the index
 * worker with its range's new position in one transaction, so a sync stopped at any point (cancel,
 * pause, crash) goes on from the ranges' positions without listing a merged page again.
 */
export async function runBucketSync(deps: BucketSyncDeps, syncId: number, signal: AbortSignal): Promise<SyncTotals> {
  const tuning = deps.tuning ?? defaultSyncTuning;
  const sync = await deps.syncs.get(syncId);
  if (!sync) throw new Error(`Sync ${syncId} is not in the index.`);
  const { bucketId, prefix } = sync;
  const totals: SyncTotals = {
    added: sync.addedCount,
    changed: sync.changedCount,
    removed: sync.removedCount,
    objects: sync.objectCount,
    bytes: sync.byteCount,
    pages: sync.pageCount,
    listRequests: sync.listRequests,
    ranges: 0,
    rangesDone: 0,
  };
  let requests = 0;
  const list: ListPage = (request, s) => {
    requests += 1;
    return deps.list(request, s);
  };
  /** Requests made since the last merge, counted into the merged page. */
  const takeRequests = () => {
    const n = requests;
    requests = 0;
    return n;
  };
  const merge = async (ordinal: number, after: string | null, through: string | null, objects: ListedObject[], rangeDone: boolean) => {
    const counts = await deps.store.call('mergeListingPage', {
      syncId,
      bucketId,
      prefix,
      ordinal,
      after,
      through,
      objects,
      rangeDone,
      listRequests: takeRequests(),
    });
    totals.added += counts.added;
    totals.changed += counts.changed;
    totals.removed += counts.removed;
    totals.objects += objects.length;
    totals.bytes += objects.reduce((sum, o) => sum + o.size, 0);
    totals.pages += 1;
    totals.listRequests = sync.listRequests + totalRequests;
    if (rangeDone) totals.rangesDone += 1;
    deps.onPage?.({ ...totals });
  };
  let totalRequests = 0;
  const counted: ListPage = (request, s) => {
    totalRequests += 1;
    return list(request, s);
  };

  let ranges = await deps.syncs.ranges(syncId);
  if (ranges.length === 0) {
    // The first page says whether there is anything to split: a small prefix is one page.
    const first = await counted({ prefix }, signal);
    const objects = toListed(first.contents);
    const last = objects.at(-1)?.key;
    if (!first.isTruncated || last === undefined) {
      await deps.syncs.addRanges(syncId, [{ startAfter: null, endKey: null }]);
      totals.ranges = 1;
      await merge(0, null, null, objects, true);
      return totals;
    }
    const planned = tuning.parallel
      ? (await planRanges(counted, prefix, last, signal, tuning.plan)).ranges
      : [{ startAfter: last, endKey: null }];
    await deps.syncs.addRanges(syncId, [{ startAfter: null, endKey: last }, ...planned]);
    await merge(0, null, last, objects, true);
    ranges = await deps.syncs.ranges(syncId);
  }
  totals.ranges = ranges.length;
  totals.rangesDone = ranges.filter((r) => r.done).length;
  const pending = ranges.filter((r) => !r.done);
  await forEachConcurrent(pending, tuning.parallel ? tuning.concurrency : 1, (range, s) => listRange(range, s), signal);
  totals.listRequests = sync.listRequests + totalRequests;
  return totals;

  /** Lists one range from its position to its end, merging page by page. */
  async function listRange(range: SyncRange, s: AbortSignal): Promise<void> {
    let position = range.position ?? range.startAfter;
    let token: string | undefined;
    for (;;) {
      s.throwIfAborted();
      const page = await counted(
        token !== undefined ? { prefix, continuationToken: token } : { prefix, ...(position !== null ? { startAfter: position } : {}) },
        s,
      );
      const all = toListed(page.contents);
      const inRange = range.endKey === null ? all : all.filter((o) => compareKeys(o.key, range.endKey ?? '') <= 0);
      const done = !page.isTruncated || inRange.length < all.length || page.nextContinuationToken === undefined;
      const through = done ? range.endKey : (inRange.at(-1)?.key ?? position);
      await merge(range.ordinal, position, through, inRange, done);
      if (done) return;
      position = through;
      token = page.nextContinuationToken;
    }
  }
}

/** A listing page's objects as the index stores them. */
export function toListed(
  contents: { key: string; size: number; lastModified?: Date; etag?: string; storageClass?: string }[],
): ListedObject[] {
  return contents.map((o) => ({
    key: o.key,
    size: o.size,
    etag: bareEtag(o.etag),
    lastModified: o.lastModified ? o.lastModified.toISOString() : null,
    storageClass: storageClassOf(o.storageClass),
  }));
}
