import {
  emptyTransferOverall,
  type TransferBatchView,
  type TransferItemView,
  type TransferListResult,
  type TransferOverall,
  type TransferProgressEvent,
  type TransferState,
} from '../../../shared/model/transfer';

/** What the renderer knows of main's queue: snapshots merged with the ~10 Hz deltas. */
export interface TransfersState {
  batches: ReadonlyMap<string, TransferBatchView>;
  items: ReadonlyMap<string, TransferItemView>;
  overall: TransferOverall;
}

/** The overall figures before the first snapshot: nothing in flight. */
export const emptyOverall: TransferOverall = emptyTransferOverall;

export const emptyTransfers: TransfersState = { batches: new Map(), items: new Map(), overall: emptyOverall };

/** A snapshot from `transfers:list` replaces what it covers; the newer of two views of one item wins. */
export function applySnapshot(state: TransfersState, snapshot: TransferListResult): TransfersState {
  return applyProgress(state, { batches: snapshot.batches, items: snapshot.items, overall: snapshot.overall });
}

/** Merges a `transfers:progress` delta (only changed items and batches). Pure: returns a new state. */
export function applyProgress(state: TransfersState, event: TransferProgressEvent): TransfersState {
  const batches = new Map(state.batches);
  for (const b of event.batches) batches.set(b.id, b);
  const items = new Map(state.items);
  for (const i of event.items) items.set(i.id, i);
  return { batches, items, overall: event.overall };
}

/** Uploads that finished in this delta (were not done before), for refreshing their folders. */
export function newlyDone(before: TransfersState, event: TransferProgressEvent): TransferItemView[] {
  return event.items.filter((i) => i.direction === 'upload' && i.state === 'done' && before.items.get(i.id)?.state !== 'done');
}

/**
 * After `transfers:clear`: drops the finished items main removed (same rule as main) and takes
 * the batches from a fresh snapshot (emptied batches are gone there).
 */
export function afterClear(
  state: TransfersState,
  snapshot: TransferListResult,
  batchId: string | undefined,
  includeFailed: boolean,
): TransfersState {
  const cleared = (item: TransferItemView) =>
    (batchId === undefined || item.batchId === batchId) && (isFinished(item.state) || (includeFailed && item.state === 'failed'));
  const batches = new Map(snapshot.batches.map((b) => [b.id, b]));
  const items = new Map([...state.items].filter(([, item]) => !cleared(item) && batches.has(item.batchId)));
  for (const item of snapshot.items) items.set(item.id, item);
  return { batches, items, overall: snapshot.overall };
}

const finished: ReadonlySet<TransferState> = new Set(['done', 'cancelled', 'skipped']);

/** True when nothing in the item is left to do or to decide (failed items wait for a retry). */
export function isFinished(state: TransferState): boolean {
  return finished.has(state);
}

/** Order in the panel: what needs attention first, then what moves, then what waits, then history. */
const stateRank: Record<TransferState, number> = {
  failed: 0,
  interrupted: 1,
  active: 2,
  paused: 3,
  queued: 4,
  done: 5,
  skipped: 6,
  cancelled: 7,
};

/** A batch's items in panel order (failed, active, paused, queued, then finished), by name within. */
export function itemsOfBatch(state: TransfersState, batchId: string): TransferItemView[] {
  return [...state.items.values()]
    .filter((i) => i.batchId === batchId)
    .sort((a, b) => stateRank[a.state] - stateRank[b.state] || a.name.localeCompare(b.name));
}

/** Batches newest first. */
export function batchesNewestFirst(state: TransfersState): TransferBatchView[] {
  return [...state.batches.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The badge number: items still to do or to look at (queued, active, paused, interrupted, failed). */
export function attentionCount(overall: TransferOverall): number {
  return overall.active + overall.queued + overall.paused + overall.interrupted + overall.failed;
}
