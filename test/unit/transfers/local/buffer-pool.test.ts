import { describe, expect, it } from 'vitest';
import { BufferPool, bufferClass, chunkBytes, smallChunkBytes } from '../../../../src/main/core/transfers/local/buffer-pool';

describe('buffer pool', () => {
  it('serves power-of-two classes from 64 KiB to 1 MiB', () => {
    expect(bufferClass(1)).toBe(smallChunkBytes);
    expect(bufferClass(smallChunkBytes)).toBe(smallChunkBytes);
    expect(bufferClass(smallChunkBytes + 1)).toBe(128 * 1024);
    expect(bufferClass(256 * 1024)).toBe(256 * 1024);
    expect(bufferClass(chunkBytes)).toBe(chunkBytes);
    expect(bufferClass(5 * chunkBytes)).toBe(chunkBytes);
  });

  it('gives back a buffer of its class and keeps no odd sizes', () => {
    const pool = new BufferPool(2);
    const b = pool.take(200 * 1024);
    expect(b.length).toBe(256 * 1024);
    pool.give(b);
    expect(pool.take(256 * 1024)).toBe(b);
    pool.give(Buffer.alloc(1000));
    expect(pool.take(1000).length).toBe(smallChunkBytes);
  });
});
