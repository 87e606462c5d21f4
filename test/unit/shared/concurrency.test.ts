import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkQueue } from '../../../src/main/core/jobs/work-queue';
import { forEachConcurrent, mapLimit, Semaphore } from '../../../src/shared/concurrency';

/** A promise to settle from outside, for tasks the test finishes when it wants. */
function gate(): { promise: Promise<void>; open: () => void; fail: (error: Error) => void } {
  let open = () => {};
  let fail: (error: Error) => void = () => {};
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

/** Resolves once `signal` aborts (at once if it already has). */
function aborted(signal: AbortSignal): Promise<void> {
  return signal.aborted ? Promise.resolve() : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** Lets every queued callback and timer-free continuation run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('semaphore', () => {
  it('admits at most its size and hands slots over in order', async () => {
    const s = new Semaphore(2);
    const a = await s.acquire();
    const b = await s.acquire();
    const order: string[] = [];
    const c = s.acquire().then((release) => (order.push('c'), release));
    const d = s.acquire().then((release) => (order.push('d'), release));
    await Promise.resolve();
    expect(order).toEqual([]);
    a();
    (await c)();
    b();
    (await d)();
    expect(order).toEqual(['c', 'd']);
  });

  it('lets an aborted waiter leave the line', async () => {
    const s = new Semaphore(1);
    const release = await s.acquire();
    const controller = new AbortController();
    const waiting = s.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow();
    release();
    const again = await s.acquire();
    again();
  });
});

describe('forEachConcurrent', () => {
  it('runs every item with at most `limit` in flight, in order of start', async () => {
    const gates = Array.from({ length: 5 }, gate);
    const started: number[] = [];
    const run = forEachConcurrent([0, 1, 2, 3, 4], 2, async (n) => {
      started.push(n);
      await gates[n]?.promise;
    });
    await settle();
    expect(started).toEqual([0, 1]);
    gates[1]?.open();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    await run;
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it('after a failure starts nothing more, stops the running tasks, and settles only once they have', async () => {
    const started: number[] = [];
    const stopped: number[] = [];
    const slow = gate();
    const breakPart1 = gate();
    let settled = false;
    const run = forEachConcurrent([0, 1, 2, 3, 4, 5], 3, async (n, signal) => {
      started.push(n);
      if (n === 1) {
        await breakPart1.promise;
        throw new Error('part 1 failed');
      }
      await aborted(signal);
      stopped.push(n);
      // Task 2 takes its time to wind down: the pool must wait for it.
      if (n === 2) await slow.promise;
    }).finally(() => {
      settled = true;
    });
    const failure = expect(run).rejects.toThrow('part 1 failed');
    await settle();
    expect(started).toEqual([0, 1, 2]);
    breakPart1.open();
    await settle();
    expect(stopped.sort()).toEqual([0, 2]);
    expect(settled).toBe(false);
    slow.open();
    await failure;
    expect(started).toEqual([0, 1, 2]);
  });

  it('stops at the caller’s abort and rejects with its reason, not a task’s', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const run = forEachConcurrent(
      [0, 1, 2, 3],
      2,
      async (n, signal) => {
        started.push(n);
        await aborted(signal);
        throw new Error(`task ${n} aborted`);
      },
      controller.signal,
    );
    await settle();
    controller.abort(new Error('user cancelled'));
    await expect(run).rejects.toThrow('user cancelled');
    expect(started).toEqual([0, 1]);
  });

  it('takes from an async source only when a slot is free, until it is closed and drained', async () => {
    const queue = new WorkQueue<number>();
    const gates = Array.from({ length: 4 }, gate);
    const started: number[] = [];
    const run = forEachConcurrent(queue, 2, async (n) => {
      started.push(n);
      await gates[n]?.promise;
    });
    queue.push([0, 1, 2]);
    await settle();
    expect(started).toEqual([0, 1]);
    // Still queued: nobody took it before a slot was free.
    expect(await Promise.race([queue.take(10), settle().then(() => 'waiting')])).toEqual([2]);
    queue.push([3]);
    queue.close();
    gates[0]?.open();
    await settle();
    expect(started).toEqual([0, 1, 3]);
    for (const g of gates) g.open();
    await run;
  });

  it('rejects with a failing source’s error', async () => {
    const queue = new WorkQueue<number>();
    const run = forEachConcurrent(queue, 2, () => Promise.resolve());
    queue.fail(new Error('listing failed'));
    await expect(run).rejects.toThrow('listing failed');
  });
});

describe('mapLimit', () => {
  it('keeps the input order whatever order the calls finish in', async () => {
    const gates = Array.from({ length: 3 }, gate);
    const result = mapLimit(['a', 'b', 'c'], 3, async (item, i) => {
      await gates[i]?.promise;
      return `${item}${i}`;
    });
    gates[2]?.open();
    gates[0]?.open();
    gates[1]?.open();
    expect(await result).toEqual(['a0', 'b1', 'c2']);
    expect(await mapLimit([], 4, () => Promise.resolve(1))).toEqual([]);
  });
});

describe('the one pool', () => {
  it('is this module: no other file starts workers of its own or defines a semaphore', () => {
    const own = join('src', 'shared', 'concurrency.ts');
    const handRolled = /Promise\.all\(\s*Array\.from\(\s*\{\s*length|class\s+\w*(Semaphore|Limiter|Mutex)\b/;
    const offenders = ['src', 'test', 'scripts']
      .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))
      .filter((f) => /\.tsx?$/.test(f) && f !== own && !f.endsWith('concurrency.test.ts'))
      .filter((f) => handRolled.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
