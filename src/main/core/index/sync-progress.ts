import type { IndexSyncProgress } from '../../../shared/model/index-sync';
import type { SyncTotals } from './bucket-sync';

/** The figures of a progress event from the totals so far; the pace counts only this run's pages. */
export function syncProgress(
  base: Omit<
    IndexSyncProgress,
    | 'objects'
    | 'bytes'
    | 'pages'
    | 'pagesPerSecond'
    | 'listRequests'
    | 'etaSeconds'
    | 'ranges'
    | 'rangesDone'
    | 'added'
    | 'changed'
    | 'removed'
  >,
  totals: SyncTotals,
  run: { startedMs: number; nowMs: number; startPages: number; startObjects: number },
): IndexSyncProgress {
  const seconds = Math.max(0.001, (run.nowMs - run.startedMs) / 1000);
  const objectsPerSecond = (totals.objects - run.startObjects) / seconds;
  const left = base.expectedObjects === null ? null : Math.max(0, base.expectedObjects - totals.objects);
  return {
    ...base,
    objects: totals.objects,
    bytes: totals.bytes,
    pages: totals.pages,
    pagesPerSecond: (totals.pages - run.startPages) / seconds,
    listRequests: totals.listRequests,
    etaSeconds: left === null || objectsPerSecond <= 0 ? null : left / objectsPerSecond,
    ranges: totals.ranges,
    rangesDone: totals.rangesDone,
    added: totals.added,
    changed: totals.changed,
    removed: totals.removed,
  };
}
