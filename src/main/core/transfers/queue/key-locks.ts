import { Semaphore } from '../../../../shared/concurrency';

/**
 * One holder at a time per name, e.g. per bucket and key: creating a multipart upload and
 * sweeping a key's stray uploads never overlap for the same key, so an upload another item is
 * just creating (its id not journaled yet) is never taken for a stray.
 */
export class KeyLocks {
  private readonly locks = new Map<string, { slot: Semaphore; users: number }>();

  /** Runs `work` once no other holder of `name` runs; an abort while waiting rejects. */
  async run<T>(name: string, signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    let lock = this.locks.get(name);
    if (!lock) {
      lock = { slot: new Semaphore(1), users: 0 };
      this.locks.set(name, lock);
    }
    lock.users += 1;
    try {
      const release = await lock.slot.acquire(signal);
      try {
        return await work();
      } finally {
        release();
      }
    } finally {
      lock.users -= 1;
      if (lock.users === 0) this.locks.delete(name);
    }
  }
}

/** The lock name of an object key. */
export const objectLockName = (bucket: string, key: string): string => JSON.stringify([bucket, key]);
