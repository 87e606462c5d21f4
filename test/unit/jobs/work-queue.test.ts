import { describe, expect, it } from 'vitest';
import { WorkQueue } from '../../../src/main/core/jobs/work-queue';

describe('work queue', () => {
  it('hands out batches as they come and ends when closed and drained', async () => {
    const q = new WorkQueue<number>();
    const first = q.take(2);
    q.push([1, 2, 3]);
    expect(await first).toEqual([1, 2]);
    q.close();
    expect(await q.take(10)).toEqual([3]);
    expect(await q.take(10)).toBeNull();
    expect(q.pushed).toBe(3);
  });

  it('wakes every waiting consumer', async () => {
    const q = new WorkQueue<string>();
    const a = q.take(1);
    const b = q.take(1);
    q.push(['x', 'y']);
    expect([await a, await b]).toEqual([['x'], ['y']]);
  });

  it('passes the producer failure to the consumer', async () => {
    const q = new WorkQueue<number>();
    const waiting = q.take(1);
    q.fail(new Error('listing failed'));
    await expect(waiting).rejects.toThrow('listing failed');
  });
});
