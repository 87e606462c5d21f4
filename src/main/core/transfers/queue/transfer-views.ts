import type { StateCounts, TransferBatchView, TransferItemView, TransferState } from '../../../../shared/model/transfer';
import { etaSeconds, percentOf } from './speed-meter';
import type { TransferBatch, TransferItem } from './transfer-item';

/** A batch with its running totals, kept up to date by the queue as items move. */
export interface BatchRecord {
  batch: TransferBatch;
  ids: string[];
  counts: StateCounts;
  bytesTotal: number;
  bytesDone: number;
}

export const emptyCounts = (): StateCounts => ({
  queued: 0,
  active: 0,
  paused: 0,
  interrupted: 0,
  done: 0,
  failed: 0,
  cancelled: 0,
  skipped: 0,
});

/** The one state a batch shows: what is still moving wins over how it ended. Pure. */
export function batchStateOf(counts: StateCounts): TransferState {
  if (counts.active > 0) return 'active';
  if (counts.queued > 0) return 'queued';
  if (counts.paused > 0) return 'paused';
  if (counts.interrupted > 0) return 'interrupted';
  if (counts.failed > 0) return 'failed';
  if (counts.done > 0) return 'done';
  if (counts.cancelled > 0) return 'cancelled';
  return 'skipped';
}

/** Nothing left that could still run without the user asking. */
export function batchSettled(counts: StateCounts): boolean {
  return counts.active + counts.queued === 0 && counts.paused + counts.interrupted === 0;
}

export function toItemView(item: TransferItem, speed: number): TransferItemView {
  const moving = item.state === 'active';
  return {
    id: item.id,
    batchId: item.batchId,
    direction: item.direction,
    connectionId: item.connectionId,
    bucket: item.bucket,
    key: item.key,
    localPath: item.localPath,
    name: item.name,
    state: item.state,
    ...(moving && item.phase ? { phase: item.phase } : {}),
    bytesTotal: item.size,
    bytesDone: item.bytesDone,
    percent: percentOf(item.bytesDone, item.size),
    speed: moving ? Math.round(speed) : 0,
    eta: moving ? etaSeconds(item.size - item.bytesDone, speed) : null,
    ...(item.partsTotal > 1 ? { parts: { done: item.partsDone, total: item.partsTotal } } : {}),
    ...(item.error ? { error: item.error } : {}),
    ...(item.notice ? { notice: item.notice } : {}),
    ...(item.spec.kind === 'upload'
      ? { upload: { acl: item.spec.acl, cacheControl: item.spec.cacheControl, contentType: item.spec.contentType } }
      : {}),
    attempts: item.attempts,
    ...(item.startedAt ? { startedAt: item.startedAt } : {}),
    ...(item.finishedAt ? { finishedAt: item.finishedAt } : {}),
  };
}

export function toBatchView(record: BatchRecord, speed: number): TransferBatchView {
  const { batch, counts } = record;
  const state = batchStateOf(counts);
  const moving = state === 'active' || state === 'queued';
  return {
    id: batch.id,
    direction: batch.direction,
    connectionId: batch.connectionId,
    bucket: batch.bucket,
    destination: batch.destination,
    label: batch.label,
    state,
    itemCount: record.ids.length,
    counts: { ...counts },
    bytesTotal: record.bytesTotal,
    bytesDone: record.bytesDone,
    percent: percentOf(record.bytesDone, record.bytesTotal),
    speed: moving ? Math.round(speed) : 0,
    eta: moving ? etaSeconds(record.bytesTotal - record.bytesDone, speed) : null,
    createdAt: batch.createdAt,
    ...(batch.finishedAt ? { finishedAt: batch.finishedAt } : {}),
  };
}
