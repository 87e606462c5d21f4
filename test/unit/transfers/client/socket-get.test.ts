// The fast engine's GET bodies (socket-get.ts: reads into one buffer per connection, handed out
// as views until the next read) through body-writer.ts, which gathers them into write buffers.
// Against a local server that sends each body in pieces of random sizes and pauses, on kept
// connections, every byte must reach the file at its place, whatever the write size; a body cut
// short must fail as IncompleteBody with nothing counted.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpRequest } from '@smithy/core/protocols';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SocketGetPool } from '../../../../src/main/core/transfers/client/socket-get';
import { writeBody } from '../../../../src/main/core/transfers/download/body-writer';

const KiB = 1024;
const MiB = 1024 * KiB;
const body = randomBytes(5 * MiB + 12_345);
let server: Server;
let port = 0;
let dir: string;
let seed = 7;
/** Deterministic pseudo-random integers, so a failure repeats. */
const rand = (n: number) => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return (seed >>> 16) % n;
};

/** Sends `data` in pieces of 1 byte to 300 KiB, sometimes pausing, then (when `cutAt`) drops the socket there. */
async function sendInPieces(socket: Socket, data: Buffer, cutAt?: number): Promise<void> {
  let at = 0;
  const end = cutAt ?? data.length;
  while (at < end && !socket.destroyed) {
    const n = Math.min(end - at, [1, 1000, 64 * KiB, 300 * KiB][rand(4)] ?? 1);
    socket.write(data.subarray(at, at + n));
    at += n;
    if (rand(3) === 0) await new Promise((r) => setTimeout(r, rand(3)));
  }
  if (cutAt !== undefined) socket.destroy();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bucket-admin-socket-get-'));
  server = createServer((socket) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = text.slice(0, end);
      text = text.slice(end + 4);
      const range = /range: bytes=(\d+)-(\d+)/i.exec(head);
      const start = Number(range?.[1] ?? 0);
      const stop = range ? Number(range[2]) + 1 : body.length;
      const cut = /\/cut\b/.test(head);
      const part = body.subarray(start, stop);
      socket.write(`HTTP/1.1 ${range ? 206 : 200} OK\r\nContent-Length: ${part.length}\r\nETag: "x"\r\n\r\n`);
      void sendInPieces(socket, part, cut ? Math.floor(part.length / 2) + 3 : undefined);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, range?: { start: number; end: number }) =>
  new HttpRequest({
    protocol: 'http:',
    hostname: '127.0.0.1',
    port,
    method: 'GET',
    path,
    headers: { host: `127.0.0.1:${port}`, ...(range ? { range: `bytes=${range.start}-${range.end - 1}` } : {}) },
  });

describe('socket GET bodies written to a file', () => {
  it.each([64 * KiB, 256 * KiB, MiB])('writes every byte at its place with %i-byte writes, on kept connections', async (writeBytes) => {
    const pool = new SocketGetPool({ connectTimeoutMs: 2000, stallTimeoutMs: 5000, maxIdle: 2 });
    const file = join(dir, `whole-${writeBytes}.bin`);
    const handle = await open(file, 'w+');
    try {
      await handle.truncate(body.length);
      // Two ranges one after the other on one kept connection, then the rest with an MD5 fed in order.
      const ranges = [
        { start: 0, end: MiB + 1 },
        { start: MiB + 1, end: 3 * MiB },
      ];
      for (const r of ranges) {
        const res = await pool.request(get('/obj', r), new AbortController().signal);
        const n = await writeBody(res.body, { handle, file, start: r.start, size: r.end - r.start, writeBytes, onBytes: () => {} });
        expect(n).toBe(r.end - r.start);
      }
      const md5 = createHash('md5');
      const tail = { start: 3 * MiB, end: body.length };
      const res = await pool.request(get('/obj', tail), new AbortController().signal);
      let counted = 0;
      await writeBody(res.body, {
        handle,
        file,
        start: tail.start,
        size: tail.end - tail.start,
        writeBytes,
        hash: md5,
        onBytes: (d) => (counted += d),
      });
      expect(counted).toBe(tail.end - tail.start);
      expect(md5.digest('hex')).toBe(createHash('md5').update(body.subarray(tail.start)).digest('hex'));
    } finally {
      await handle.close();
      pool.destroy();
    }
    expect(readFileSync(file).equals(body)).toBe(true);
  });

  it('fails a body cut short as IncompleteBody, taking back every byte it counted', async () => {
    const pool = new SocketGetPool({ connectTimeoutMs: 2000, stallTimeoutMs: 5000, maxIdle: 2 });
    const file = join(dir, 'cut.bin');
    const handle = await open(file, 'w+');
    try {
      const res = await pool.request(get('/cut'), new AbortController().signal);
      let counted = 0;
      const written = writeBody(res.body, {
        handle,
        file,
        start: 0,
        size: body.length,
        writeBytes: 256 * KiB,
        onBytes: (d) => (counted += d),
      });
      await expect(written).rejects.toMatchObject({ name: 'IncompleteBody' });
      res.discard();
      expect(counted).toBe(0);
    } finally {
      await handle.close();
      pool.destroy();
    }
  });
});
