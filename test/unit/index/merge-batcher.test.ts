import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../../src/main/core/index/listed-columns';
import type { MergePageArgs } from '../../../src/main/core/index/listing-merge';
import { MergeBatcher } from '../../../src/main/core/index/merge-batcher';

const page = (ordinal: number, continues = false): MergePageArgs => ({
  syncId: 1,
  bucketId: 1,
  prefix: '',
  ordinal,
  after: null,
  through: null,
  rows: rowsOf([]),
  rangeDone: false,
  listRequests: 1,
  continues,
});

/** A merge that holds each call until released, recording what each call got. */
function heldMerge() {
  const calls: number[][] = [];
  const releases: Array<(error?: Error) => void> = [];
  const merge = (pieces: MergePageArgs[]) =>
    new Promise<void>((resolve, reject) => {
      calls.push(pieces.map((p) => p.ordinal));
      releases.push((error) => (error ? reject(error) : resolve()));
    });
  const release = async (error?: Error) => {
    releases.shift()?.(error);
    await new Promise((r) => setImmediate(r));
  };
  return { calls, merge, release };
}

describe('merging a sync’s pages (group commit)', () => {
  it('sends the first page at once and those that queued behind it together, in order, at most maxPages a merge', async () => {
    const m = heldMerge();
    const batcher = new MergeBatcher(m.merge, 3);
    const done: number[] = [];
    const submit = (ordinal: number, pieces = [page(ordinal)]) => batcher.submit(pieces).then(() => done.push(ordinal));
    const all = [submit(0), submit(1, [page(1), page(2, true)]), submit(3), submit(4), submit(5)];
    await new Promise((r) => setImmediate(r));
    expect(m.calls).toEqual([[0]]);
    await m.release();
    expect(done).toEqual([0]);
    // Three pages (one of them cut at a range end, in two pieces) in one merge.
    expect(m.calls).toEqual([[0], [1, 2, 3, 4]]);
    await m.release();
    expect(done).toEqual([0, 1, 3, 4]);
    await m.release();
    await Promise.all(all);
    expect(m.calls).toEqual([[0], [1, 2, 3, 4], [5]]);
  });

  it('fails every page of a failed merge and goes on with the next ones', async () => {
    const m = heldMerge();
    const batcher = new MergeBatcher(m.merge);
    const first = batcher.submit([page(0)]);
    const second = batcher.submit([page(1)]);
    const third = batcher.submit([page(2)]);
    // Handled now: they fail before the expectations below attach to them.
    second.catch(() => undefined);
    third.catch(() => undefined);
    await new Promise((r) => setImmediate(r));
    await m.release();
    await m.release(new Error('disk full'));
    await expect(second).rejects.toThrow('disk full');
    await expect(third).rejects.toThrow('disk full');
    await expect(first).resolves.toBeUndefined();
    const later = batcher.submit([page(3)]);
    await new Promise((r) => setImmediate(r));
    await m.release();
    await expect(later).resolves.toBeUndefined();
    expect(m.calls).toEqual([[0], [1, 2], [3]]);
  });
});
