import { describe, expect, it } from 'vitest';
import type { TransferBatchView, TransferItemView, TransferState } from '../../../src/shared/model/transfer';
import {
  afterClear,
  applyProgress,
  attentionCount,
  emptyOverall,
  emptyTransfers,
  itemsOfBatch,
  newlyDone,
} from '../../../src/renderer/features/transfers/transfer-state';
import { documentTitle, formatEta, formatSpeed, overallSummary } from '../../../src/renderer/features/transfers/transfer-format';

function item(id: string, state: TransferState, over: Partial<TransferItemView> = {}): TransferItemView {
  return {
    id,
    batchId: 'b1',
    direction: 'upload',
    connectionId: 'c',
    bucket: 'bk',
    key: `public/${id}`,
    localPath: `/tmp/${id}`,
    name: id,
    state,
    bytesTotal: 10,
    bytesDone: 0,
    percent: 0,
    speed: 0,
    eta: null,
    attempts: 0,
    ...over,
  };
}

const counts = { queued: 0, active: 0, paused: 0, interrupted: 0, done: 0, failed: 0, cancelled: 0, skipped: 0 };
function batch(id: string, createdAt: string): TransferBatchView {
  return {
    id,
    direction: 'upload',
    connectionId: 'c',
    bucket: 'bk',
    destination: 'public/',
    label: id,
    state: 'active',
    itemCount: 1,
    counts,
    bytesTotal: 1,
    bytesDone: 0,
    percent: 0,
    speed: 0,
    eta: null,
    createdAt,
  };
}

describe('transfer state', () => {
  it('merges deltas: changed items replace old views, others stay', () => {
    const first = applyProgress(emptyTransfers, {
      items: [item('a', 'active'), item('b', 'queued')],
      batches: [batch('b1', '2025-01-01')],
      overall: emptyOverall,
    });
    const next = applyProgress(first, { items: [item('a', 'done')], batches: [], overall: { ...emptyOverall, active: 1 } });
    expect(next.items.get('a')?.state).toBe('done');
    expect(next.items.get('b')?.state).toBe('queued');
    expect(next.batches.size).toBe(1);
    expect(next.overall.active).toBe(1);
    expect(first.items.get('a')?.state).toBe('active');
  });

  it('reports uploads that just finished, once', () => {
    const before = applyProgress(emptyTransfers, { items: [item('a', 'active'), item('c', 'done')], batches: [], overall: emptyOverall });
    const event = {
      items: [item('a', 'done'), item('c', 'done'), item('d', 'done', { direction: 'download' })],
      batches: [],
      overall: emptyOverall,
    };
    expect(newlyDone(before, event).map((i) => i.id)).toEqual(['a']);
  });

  it('orders a batch: failed first, then moving, waiting, finished', () => {
    const state = applyProgress(emptyTransfers, {
      items: [
        item('z-done', 'done'),
        item('q', 'queued'),
        item('f', 'failed'),
        item('a', 'active'),
        item('p', 'paused'),
        item('other', 'failed', { batchId: 'b2' }),
      ],
      batches: [],
      overall: emptyOverall,
    });
    expect(itemsOfBatch(state, 'b1').map((i) => i.id)).toEqual(['f', 'a', 'p', 'q', 'z-done']);
  });

  it('after clear, drops finished items (and failed ones only when asked) and takes the batches from the snapshot', () => {
    const state = applyProgress(emptyTransfers, {
      items: [item('d', 'done'), item('f', 'failed'), item('q', 'queued')],
      batches: [batch('b1', '1'), batch('b9', '2')],
      overall: emptyOverall,
    });
    const snapshot = { batches: [batch('b1', '1')], items: [], totalItems: 2, overall: emptyOverall };
    expect([...afterClear(state, snapshot, undefined, false).items.keys()].sort()).toEqual(['f', 'q']);
    expect([...afterClear(state, snapshot, 'b1', true).items.keys()]).toEqual(['q']);
    expect([...afterClear(state, snapshot, undefined, false).batches.keys()]).toEqual(['b1']);
  });

  it('counts what needs attention for the badge', () => {
    expect(attentionCount({ ...emptyOverall, active: 2, queued: 3, failed: 1, interrupted: 4, paused: 1 })).toBe(11);
  });
});

describe('transfer wording', () => {
  it('formats speed and time left', () => {
    expect(formatSpeed(0)).toBe('—');
    expect(formatSpeed(3.5 * 1024 * 1024)).toBe('3.5 MiB/s');
    expect(formatEta(null)).toBe('');
    expect(formatEta(0.2)).toBe('1 s left');
    expect(formatEta(150)).toBe('3 min left');
    expect(formatEta(2 * 3600 + 5 * 60)).toBe('2 h 5 min left');
  });

  it('summarises the queue and puts progress in the window title only while busy', () => {
    const busy = {
      ...emptyOverall,
      active: 1,
      bytesTotal: 200 * 1024 * 1024,
      bytesDone: 50 * 1024 * 1024,
      fraction: 0.25,
      speed: 1024 * 1024,
      eta: 150,
    };
    expect(overallSummary(busy)).toBe('25% · 50 MiB of 200 MiB · 1 MiB/s · 3 min left');
    expect(documentTitle(busy, 'Bucket Admin')).toBe('25% · Transferring · Bucket Admin');
    expect(documentTitle(emptyOverall, 'Bucket Admin')).toBe('Bucket Admin');
    expect(overallSummary({ ...emptyOverall, failed: 2, paused: 1 })).toBe('1 paused · 2 failed');
    expect(overallSummary(emptyOverall)).toBe('Nothing in progress');
  });
});
