/** Size of the buffers the engine reads files through. */
export const chunkBytes = 1024 * 1024;
/** Small files (most of a folder of stills or documents) get buffers of this size instead. */
export const smallChunkBytes = 64 * 1024;

/**
 * Reusable buffers for reading files into sockets and checksums, in two sizes (1 MiB, 64 KiB).
 * Reuse keeps memory flat: a fresh buffer per chunk turns every uploaded GiB into a GiB of
 * garbage that V8 collects late, which showed up as +100 MB of RSS during a 1 GiB upload. As many
 * are in use as requests run at once (the memory budget); idle ones are kept up to `keep` per size.
 */
export class BufferPool {
  private readonly idle = new Map<number, Buffer[]>([
    [chunkBytes, []],
    [smallChunkBytes, []],
  ]);

  constructor(private readonly keep = 64) {}

  /** A buffer of at least `size` bytes (1 MiB unless `size` fits the small class). */
  take(size: number = chunkBytes): Buffer {
    const cls = size <= smallChunkBytes ? smallChunkBytes : chunkBytes;
    return this.idle.get(cls)?.pop() ?? Buffer.allocUnsafeSlow(cls);
  }

  give(buffer: Buffer): void {
    const list = this.idle.get(buffer.length);
    if (list && list.length < this.keep) list.push(buffer);
  }
}

/** The engine's pool (one per process: the budget is per process too). */
export const bufferPool = new BufferPool();
