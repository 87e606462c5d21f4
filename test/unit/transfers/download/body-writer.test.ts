import type { FileHandle } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBody } from '../../../../src/main/core/transfers/download/body-writer';

const unhandled: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);
afterEach(() => {
  process.off('unhandledRejection', record);
  unhandled.length = 0;
});

/** A file whose every write fails as a full disk does. */
const fullDisk = {
  write: () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })),
} as unknown as FileHandle;

describe('writing a response body', () => {
  it('fails with the disk’s error, and a write that fails while the socket is quiet is never an unhandled rejection', async () => {
    process.on('unhandledRejection', record);
    const chunk = new Uint8Array(64 * 1024);
    // One full buffer (its write starts and fails at once), then a pause before the next chunk:
    // the write's failure lands while nothing awaits it yet.
    async function* body() {
      yield chunk;
      await new Promise((resolve) => setTimeout(resolve, 50));
      yield chunk;
    }
    const written = writeBody(body(), {
      handle: fullDisk,
      file: '/downloads/big.bin',
      start: 0,
      size: 2 * chunk.length,
      onBytes: () => {},
    });
    await expect(written).rejects.toMatchObject({ message: expect.stringMatching(/disk is full/i) as string });
    // Give Node a turn to report any rejection nobody handled.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled).toEqual([]);
  });
});
