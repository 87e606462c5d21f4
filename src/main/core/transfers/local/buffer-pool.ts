/** Size of the buffers the engine reads files through. */
export const chunkBytes = 1024 * 1024;
/** Small files (most of a folder of stills or documents) get buffers of this size instead. */
export const smallChunkBytes = 64 * 1024;

/** The size class a request of `size` bytes is served from: a power of two from 64 KiB to 1 MiB. */
export function bufferClass(size: number): number {
  let cls = smallChunkBytes;
  while (cls < size && cls < chunkBytes) cls *= 2;
  return cls;
}

/**
 * Reusable buffers for reading files into sockets and checksums, in power-of-two sizes from
 * 64 KiB (small files) to 1 MiB (file reads; downloads write through one size in between).
 * Reuse keeps memory flat: a fresh buffer per chunk turns every uploaded GiB into a GiB of
 * garbage that V8 collects late, which showed up as +100 MB of RSS during a 1 GiB upload. As many
 * are in use as requests run at once (the memory budget); idle ones are kept up to `keep` per size.
 */
export class BufferPool {
  private readonly idle = new Map<number, Buffer[]>();

  constructor(private readonly keep = 64) {}

  /** A buffer of `bufferClass(size)` bytes (at least `size`, up to 1 MiB). */
  take(size: number = chunkBytes): Buffer {
    const cls = bufferClass(size);
    return this.idle.get(cls)?.pop() ?? Buffer.allocUnsafeSlow(cls);
  }

  give(buffer: Buffer): void {
    if (bufferClass(buffer.length) !== buffer.length) return;
    let list = this.idle.get(buffer.length);
    if (!list) this.idle.set(buffer.length, (list = []));
    if (list.length < this.keep) list.push(buffer);
  }
}

/** The engine's pool (one per process: the budget is per process too). */
export const bufferPool = new BufferPool();
