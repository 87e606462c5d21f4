import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { takeInSlices, type Throttle } from '../queue/bandwidth-bucket';
import { bufferPool, chunkBytes } from './buffer-pool';

/** Reads `length` bytes at `position` into `buffer`; 0 at end of file. */
export type RangeReader = (buffer: Buffer, length: number, position: number) => Promise<number>;

/**
 * A request body that is a byte range of a local file. The transfer HTTP handler recognises it
 * and writes it to the socket straight from pooled buffers (see writeFileRange); as a plain
 * Readable (any other consumer) it still works, one fresh chunk at a time.
 */
export class FileRangeBody extends Readable {
  private pos: number;
  private crc = 0;

  constructor(
    readonly readRange: RangeReader,
    readonly start: number,
    readonly end: number,
    readonly onBytes: (n: number) => void,
    readonly shrunk: () => Error,
    /** Keep the CRC32 of what is sent (where the server does not check the checksum header itself). */
    private readonly trackCrc32 = false,
    /** The bandwidth limit, taken chunk by chunk before bytes go to the socket. */
    readonly throttle?: Throttle,
  ) {
    super({ highWaterMark: chunkBytes });
    this.pos = start;
  }

  /** CRC32 of the bytes handed to the socket so far (0 unless tracked). */
  get sentCrc32(): number {
    return this.crc;
  }

  /** Called with each chunk just before it is sent. */
  sending(chunk: Buffer): void {
    if (this.trackCrc32) this.crc = crc32(chunk, this.crc);
    this.onBytes(chunk.length);
  }

  override _read(): void {
    const want = Math.min(chunkBytes, this.end - this.pos);
    if (want <= 0) {
      this.push(null);
      return;
    }
    const chunk = Buffer.allocUnsafe(want);
    const limiter = this.throttle?.limiter;
    this.readRange(chunk, want, this.pos)
      .then(async (n) => {
        if (n === 0) return void this.destroy(this.shrunk());
        if (limiter?.rate != null) await limiter.take(n, this.throttle?.signal);
        this.pos += n;
        const sent = n === want ? chunk : chunk.subarray(0, n);
        this.sending(sent);
        this.push(sent);
      })
      .catch((error: unknown) => this.destroy(error as Error));
  }
}

interface Writable {
  write(chunk: Buffer, callback: (error?: Error | null) => void): boolean;
  end(): void;
  readonly destroyed: boolean;
}

/**
 * Writes a file range to a request with two pooled buffers: the next chunk is read from disk
 * while the current one goes to the socket; a buffer is reused only once the socket has taken
 * it (the write callback). Rejects on a read or write error; the caller destroys the request.
 */
export async function writeFileRange(out: Writable, body: FileRangeBody): Promise<void> {
  const buffers: [Buffer, Buffer] = [bufferPool.take(), bufferPool.take()];
  let pending: Promise<void> = Promise.resolve();
  try {
    let index = 0;
    for (let pos = body.start; pos < body.end;) {
      const buffer = index === 0 ? buffers[0] : buffers[1];
      const want = Math.min(chunkBytes, body.end - pos);
      const n = await body.readRange(buffer, want, pos);
      if (n === 0) throw body.shrunk();
      // The previous chunk must be on its way before this one is queued (keeps order and memory).
      await pending;
      if (out.destroyed) return;
      pos += n;
      const chunk = buffer.subarray(0, n);
      pending = send(out, chunk, body.throttle);
      // Observed at the next await; marked handled now so a failure while a read is pending is
      // not reported as an unhandled rejection.
      pending.catch(() => undefined);
      body.sending(chunk);
      index = 1 - index;
    }
    await pending;
    if (!out.destroyed) out.end();
  } finally {
    // A write still queued on a destroyed socket is dropped, never sent: the buffers are free.
    await pending.catch(() => undefined);
    bufferPool.give(buffers[0]);
    bufferPool.give(buffers[1]);
  }
}

/**
 * Queues one chunk on the socket; resolves when the socket has taken it. Under a bandwidth limit
 * the chunk goes in 64 KiB slices, each once the limiter grants it, so every request keeps bytes
 * moving (a whole 1 MiB chunk per turn could leave a request idle past the stall timeout).
 */
function send(out: Writable, chunk: Buffer, throttle: Throttle | undefined): Promise<void> {
  const write = (part: Buffer) => new Promise<void>((resolve, reject) => out.write(part, (error) => (error ? reject(error) : resolve())));
  if (throttle?.limiter.rate == null) return write(chunk);
  const writes: Promise<void>[] = [];
  return takeInSlices(throttle.limiter, chunk.length, throttle.signal, (offset, length) => {
    // A dropped connection stops taking bytes from the budget the other requests share.
    if (out.destroyed) throw new Error('The connection closed while sending.');
    writes.push(write(chunk.subarray(offset, offset + length)));
  }).then(() => Promise.all(writes).then(() => undefined));
}
