import { forEachConcurrent } from '../../../shared/concurrency';
import type { IndexStore } from './index-store';
import { compareKeys } from './key-order';
import { keyAt, rowBytes, type ListedColumns, type ListedRows } from './listed-columns';
import type { MergeCounts, MergePageArgs } from './listing-merge';
import { MergeBatcher } from './merge-batcher';
import { RangeScheduler } from './range-scheduler';
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
  const baseRequests = sync.listRequests;
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
  let totalRequests = 0;
  const counted: ListPage = (request, s) => {
    totalRequests += 1;
    return list(request, s);
  };
  /**
   * Pages that queued behind a merge in the worker go in the next one together (group commit).
   * Their columns' buffers move to the worker rather than being copied: nothing of a page stays
   * on this thread once it is sent, for its garbage collector to promote, hold and free.
   */
  const batcher = new MergeBatcher(async (pages) => {
    const buffers = new Set(pages.map((p) => p.rows.columns.keyBytes.buffer));
    const counts = await deps.store.call('mergeListingPages', { pages }, [...buffers].filter(isArrayBuffer));
    totals.added += counts.added;
    totals.changed += counts.changed;
    totals.removed += counts.removed;
  });
  /** Merges one page's pieces (one per range it reached), and counts them in once committed. */
  const merge = async (pieces: Omit<MergePageArgs, 'syncId' | 'bucketId' | 'prefix' | 'listRequests' | 'continues'>[]) => {
    const listRequests = takeRequests();
    // Counted now: the pages' columns are the worker's once sent.
    const objects = pieces.reduce((n, p) => n + p.rows.to - p.rows.from, 0);
    const bytes = pieces.reduce((n, p) => n + rowBytes(p.rows), 0);
    await batcher.submit(
      pieces.map((p, i) => ({ ...p, syncId, bucketId, prefix, listRequests: i === 0 ? listRequests : 0, continues: i > 0 })),
    );
    totals.objects += objects;
    totals.bytes += bytes;
    for (const p of pieces) if (p.rangeDone) totals.rangesDone += 1;
    totals.pages += 1;
    totals.listRequests = baseRequests + totalRequests;
    deps.onPage?.({ ...totals });
  };

  let ranges = await deps.syncs.ranges(syncId);
  /** Set for a fresh parallel sync: the key after which the planner looks for split points. */
  let splitFrom: string | undefined;
  if (ranges.length === 0) {
    // The first page says whether there is anything to split: a small prefix is one page.
    const first = await counted({ prefix }, signal);
    const rows = allRows(first.objects);
    const last = lastKey(first.objects);
    if (!first.isTruncated || last === undefined) {
      await deps.syncs.addRanges(syncId, [{ startAfter: null, endKey: null }]);
      totals.ranges = 1;
      await merge([{ ordinal: 0, after: null, through: null, rows, rangeDone: true }]);
      return totals;
    }
    // The rest is one range at first: listed from here on while the split points are looked for.
    await deps.syncs.addRanges(syncId, [
      { startAfter: null, endKey: last },
      { startAfter: last, endKey: null },
    ]);
    await merge([{ ordinal: 0, after: null, through: last, rows, rangeDone: true }]);
    ranges = await deps.syncs.ranges(syncId);
    if (tuning.parallel) splitFrom = last;
  }
  totals.ranges = ranges.length;
  totals.rangesDone = ranges.filter((r) => r.done).length;
  if (ranges.some((r, i) => r.ordinal !== i)) throw new Error(`Sync ${syncId} has gaps in its key ranges.`);
  const scheduler = new RangeScheduler(ranges.map((r) => ({ done: r.done, started: r.position !== null })));
  /** The furthest key any lister has been given by S3 so far (a split point must lie past it). */
  let furthest: string | null = null;
  if (splitFrom !== undefined) return listSplitting(splitFrom);
  await listAll(tuning.parallel ? tuning.concurrency : 1, signal);
  totals.listRequests = baseRequests + totalRequests;
  return totals;

  /** Starts listers on the ranges (as `RangeScheduler` picks) until every range is taken, and waits for them all. */
  function listAll(concurrency: number, s: AbortSignal): Promise<void> {
    // Read when a lister is free, so each start is chosen from where the others are then.
    const starts: Iterable<number> = {
      [Symbol.iterator]: () => ({
        next: () => {
          const ordinal = scheduler.start();
          return ordinal === undefined ? { done: true, value: undefined } : { done: false, value: ordinal };
        },
      }),
    };
    return forEachConcurrent(starts, concurrency, (ordinal, s2) => listFrom(ordinal, s2), s);
  }

  /**
   * A fresh parallel sync: one lister goes on from the first page at once, as a sequential listing
   * would, while the planner looks for split points; then the range it is in is cut at the first
   * point past what it has listed, the ranges after that are added (one write), and the other
   * listers start on them. Planning costs no time of its own this way.
   */
  async function listSplitting(after: string): Promise<SyncTotals> {
    const stop = new AbortController();
    const s = AbortSignal.any([signal, stop.signal]);
    const head = scheduler.start();
    if (head === undefined) throw new Error(`Sync ${syncId} has no range to list.`);
    const heading = listFrom(head, s).catch((error: unknown) => {
      stop.abort(error);
      throw error;
    });
    heading.catch(() => undefined);
    try {
      const planned = await planRanges(counted, prefix, after, s, tuning.plan);
      const range = rangeAt(head);
      const points = planned.ranges
        .map((r) => r.endKey)
        .filter((k): k is string => k !== null && (furthest === null || compareKeys(k, furthest) > 0));
      if (!range.done && points.length > 0) {
        const added = points.map((p, i) => ({ startAfter: p, endKey: points[i + 1] ?? null }));
        // All in this turn, before any lister's next page is cut: the write goes to the worker
        // now, ahead of any merge that names the new ranges.
        const written = deps.syncs.splitRange(syncId, head, points[0] as string, added);
        range.endKey = points[0] as string;
        for (const r of added) {
          ranges.push({ ordinal: ranges.length, ...r, position: null, done: false, objectCount: 0, byteCount: 0, pageCount: 0 });
        }
        scheduler.extend(added.length);
        totals.ranges = ranges.length;
        await written;
      }
      await listAll(tuning.concurrency - 1, s);
    } catch (error) {
      stop.abort(error);
      await heading.catch(() => undefined);
      throw signal.aborted ? signal.reason : error;
    }
    await heading;
    totals.listRequests = baseRequests + totalRequests;
    return totals;
  }

  /**
   * Lists from range `ordinal`'s position on, page by page, into the ranges after it while no
   * other lister has them (see `RangeScheduler`). The next page is requested before this one is
   * merged, so listing and the index's writes overlap.
   */
  async function listFrom(ordinal: number, s: AbortSignal): Promise<void> {
    let range = rangeAt(ordinal);
    let position = range.position ?? range.startAfter;
    let pending = counted({ prefix, ...(position !== null ? { startAfter: position } : {}) }, s);
    for (;;) {
      const page = await pending;
      const columns = page.objects;
      const pageLast = lastKey(columns);
      if (pageLast !== undefined && (furthest === null || compareKeys(pageLast, furthest) > 0)) furthest = pageLast;
      const token = page.isTruncated ? page.nextContinuationToken : undefined;
      let from = 0;
      const pieces: Omit<MergePageArgs, 'syncId' | 'bucketId' | 'prefix' | 'listRequests'>[] = [];
      let goesOn = false;
      for (;;) {
        // Most pages end inside their range: one comparison with the page's last key says so.
        const cut =
          range.endKey === null || pageLast === undefined || compareKeys(pageLast, range.endKey) <= 0
            ? columns.count
            : firstAbove(columns, from, range.endKey);
        const rows: ListedRows = { columns, from, to: cut };
        if (cut === columns.count && token !== undefined) {
          // The range goes on past this page.
          const through = cut > from ? keyAt(columns, cut - 1) : position;
          pieces.push({ ordinal: range.ordinal, after: position, through, rows, rangeDone: false });
          position = through;
          goesOn = true;
          break;
        }
        // The range ends in this page (or the listing does): what is left belongs to the ranges after it.
        pieces.push({ ordinal: range.ordinal, after: position, through: range.endKey, rows, rangeDone: true });
        // Known here at once (the merge comes later): a range finished is never split.
        range.done = true;
        const next = scheduler.follow(range.ordinal);
        if (next === undefined) break;
        range = rangeAt(next);
        position = range.startAfter;
        from = cut;
      }
      if (goesOn) {
        pending = counted({ prefix, continuationToken: token }, s);
        // Awaited on the next turn; until then a failure must not count as unhandled.
        pending.catch(() => undefined);
      }
      await merge(pieces);
      if (!goesOn) return;
      s.throwIfAborted();
    }
  }

  function rangeAt(ordinal: number): SyncRange {
    const range = ranges[ordinal];
    if (!range) throw new Error(`Sync ${syncId} has no key range ${ordinal}.`);
    return range;
  }
}

/** The index of the first object at or after `from` whose key is after `endKey` (objects in listing order); their count when none is. */
function firstAbove(columns: ListedColumns, from: number, endKey: string): number {
  let lo = from;
  let hi = columns.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareKeys(keyAt(columns, mid), endKey) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A buffer that can be moved to another thread (not a SharedArrayBuffer). */
function isArrayBuffer(b: ArrayBufferLike): b is ArrayBuffer {
  return b instanceof ArrayBuffer;
}

/** All of a page's objects. */
function allRows(columns: ListedColumns): ListedRows {
  return { columns, from: 0, to: columns.count };
}

/** The last key of a page, undefined when it has none. */
function lastKey(columns: ListedColumns): string | undefined {
  return columns.count > 0 ? keyAt(columns, columns.count - 1) : undefined;
}
