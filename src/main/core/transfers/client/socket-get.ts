import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import type { HttpRequest } from '@smithy/types';
import { bufferPool, chunkBytes } from '../local/buffer-pool';
import { incompleteBody } from '../download/body-writer';

export interface SocketGetOptions {
  connectTimeoutMs: number;
  /** No byte moving for this long while a request is open: the connection is dropped. */
  stallTimeoutMs: number;
  /** Idle keep-alive connections kept per origin. */
  maxIdle: number;
}

/** A GET's answer: status and headers (lower-case names), and a body that must be read to its end or discarded. */
export interface SocketResponse {
  statusCode: number;
  headers: Record<string, string>;
  /**
   * The body as views into the connection's read buffer: a chunk is valid only until the next
   * one is asked for (copy what you keep). Reading stops while a chunk is held.
   */
  body: AsyncIterable<Buffer>;
  discard(): void;
}

const named = (name: string, message: string, code?: string) => Object.assign(new Error(message), { name, ...(code ? { code } : {}) });
const headEnd = Buffer.from('\r\n\r\n');
const maxHeadBytes = 64 * 1024;

/** One keep-alive connection; reads land in one pooled 1 MiB buffer it owns for its life. */
interface Connection {
  socket: Socket;
  origin: string;
  buffer: Buffer;
  /** Where the current request wants the bytes; undefined while idle. */
  onBytes: ((view: Buffer) => boolean) | undefined;
  onGone: ((error: Error) => void) | undefined;
}

/**
 * HTTP/1.1 GETs on plain sockets whose reads go into one reused buffer per connection (Node's
 * `onread`), for the download data path. Through `http.request`, every socket read allocates a
 * fresh buffer: a GiB downloaded was a GiB of ArrayBuffers for the collector (64 full
 * collections per GiB) and of fresh pages for the kernel (half the CPU was system time). Only
 * what S3 answers to a GET is handled: a Content-Length body (2xx), or an error answer, read for
 * its code and then the connection dropped.
 */
export class SocketGetPool {
  private readonly idle = new Map<string, Connection[]>();
  private closed = false;

  constructor(private readonly options: SocketGetOptions) {}

  /** Sends the signed GET; resolves once the answer's head is in. */
  async request(signed: HttpRequest, signal: AbortSignal): Promise<SocketResponse> {
    signal.throwIfAborted();
    const origin = `${signed.protocol}//${signed.hostname}:${signed.port ?? ''}`;
    const reused = this.idle.get(origin)?.pop();
    if (reused) {
      // A kept connection the server closed meanwhile fails before any answer: once more on a fresh one.
      try {
        return await this.exchange(reused, signed, signal);
      } catch (error) {
        if (signal.aborted || (error as { answered?: boolean }).answered) throw error;
      }
    }
    return this.exchange(await this.open(signed, origin, signal), signed, signal);
  }

  destroy(): void {
    this.closed = true;
    for (const list of this.idle.values()) for (const c of list) c.socket.destroy();
    this.idle.clear();
  }

  private open(signed: HttpRequest, origin: string, signal: AbortSignal): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const host = signed.hostname.replace(/^\[(.*)\]$/, '$1');
      const secure = signed.protocol === 'https:';
      const port = signed.port ?? (secure ? 443 : 80);
      const buffer = bufferPool.take(chunkBytes);
      const conn: Connection = { socket: undefined as unknown as Socket, origin, buffer, onBytes: undefined, onGone: undefined };
      const onread = {
        buffer,
        callback: (n: number, buf: Uint8Array) => conn.onBytes?.(Buffer.from(buf.buffer, buf.byteOffset, n)) ?? true,
      };
      const socket = secure
        ? // Node's TLS sockets take `onread` too (its types omit it).
          tlsConnect({ host, port, servername: host, ALPNProtocols: ['http/1.1'], onread } as ConnectionOptions)
        : netConnect({ host, port, onread });
      conn.socket = socket;
      const fail = (error: Error) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        socket.destroy();
        reject(error);
      };
      const timer = setTimeout(
        () => fail(named('TimeoutError', `Could not connect within ${this.options.connectTimeoutMs} ms.`, 'ETIMEDOUT')),
        this.options.connectTimeoutMs,
      );
      const onAbort = () => fail(named('AbortError', 'Request aborted'));
      signal.addEventListener('abort', onAbort, { once: true });
      socket.once(secure ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        socket.off('error', fail);
        socket.setNoDelay(true);
        socket.on('error', (error: Error) => conn.onGone?.(error));
        // Armed only while a request is open (see exchange); an idle connection never times out.
        socket.on('timeout', () =>
          socket.destroy(
            named('TimeoutError', `No data moved for ${this.options.stallTimeoutMs} ms; the connection was dropped.`, 'ETIMEDOUT'),
          ),
        );
        socket.on('close', () => {
          this.forget(conn);
          conn.onGone?.(named('Error', 'The connection was closed.', 'ECONNRESET'));
          bufferPool.give(buffer);
        });
        resolve(conn);
      });
      socket.once('error', fail);
    });
  }

  /** One request on `conn`: writes it, parses the head, then hands the body out chunk by chunk. */
  private exchange(conn: Connection, signed: HttpRequest, signal: AbortSignal): Promise<SocketResponse> {
    const { socket } = conn;
    socket.ref();
    socket.setTimeout(this.options.stallTimeoutMs);
    return new Promise<SocketResponse>((resolve, reject) => {
      let head: Buffer | undefined = Buffer.alloc(0);
      let answered = false;
      let remaining = 0;
      let total = 0;
      let held: Buffer | undefined;
      let failure: Error | undefined;
      let wake: (() => void) | undefined;
      let finished = false;
      const onAbort = () => socket.destroy(named('AbortError', 'Request aborted'));
      signal.addEventListener('abort', onAbort, { once: true });
      const settle = () => {
        signal.removeEventListener('abort', onAbort);
        conn.onBytes = undefined;
        conn.onGone = undefined;
      };
      conn.onGone = (error) => {
        failure ??= answered && remaining > 0 ? Object.assign(incompleteBody(total - remaining, total), { cause: error }) : error;
        if (!answered) {
          settle();
          reject(Object.assign(failure, { answered: false }));
        }
        wake?.();
      };
      let reusable = true;
      const deliver = (view: Buffer): boolean => {
        if (view.length > remaining) throw named('Error', 'The server sent more bytes than its Content-Length.', 'EPROTO');
        remaining -= view.length;
        held = view;
        wake?.();
        // Stop reading until the chunk is taken: the next read would overwrite it.
        return false;
      };
      const onHead = (view: Buffer): boolean => {
        const joined = head && head.length > 0 ? Buffer.concat([head, view]) : view;
        const end = joined.indexOf(headEnd);
        if (end < 0) {
          if (joined.length > maxHeadBytes) throw named('Error', 'The answer head is too large.', 'EPROTO');
          head = Buffer.from(joined);
          return true;
        }
        const parsed = parseHead(joined.subarray(0, end).toString('latin1'));
        head = undefined;
        answered = true;
        const length = Number(parsed.headers['content-length'] ?? Number.NaN);
        const known = Number.isInteger(length) && length >= 0 && !parsed.headers['transfer-encoding'];
        const ok = parsed.statusCode >= 200 && parsed.statusCode < 300;
        if (ok && !known) throw named('Error', 'The server answered a GET without a Content-Length.', 'EPROTO');
        // Error answers are read for their code (when their length is known), then the connection is dropped.
        remaining = known ? length : 0;
        total = remaining;
        if (!ok || /\bclose\b/i.test(parsed.headers.connection ?? '')) reusable = false;
        resolve({ ...parsed, body: chunks(), discard: () => (finished ? undefined : socket.destroy()) });
        const rest = joined.subarray(end + headEnd.length);
        if (!known) return false;
        return rest.length === 0 ? true : deliver(rest);
      };
      conn.onBytes = (view) => {
        try {
          return head ? onHead(view) : deliver(view);
        } catch (error) {
          socket.destroy(error instanceof Error ? error : new Error(String(error)));
          return false;
        }
      };
      const release = () => {
        finished = true;
        settle();
        socket.setTimeout(0);
        if (!reusable || this.closed || socket.destroyed) return void socket.destroy();
        const list = this.idle.get(conn.origin) ?? [];
        if (list.length >= this.options.maxIdle) return void socket.destroy();
        // Read while idle, so a close by the server is seen (and the connection forgotten) at once.
        socket.resume();
        socket.unref();
        list.push(conn);
        this.idle.set(conn.origin, list);
      };
      async function* chunks(): AsyncGenerator<Buffer> {
        try {
          for (;;) {
            if (held) {
              const chunk = held;
              held = undefined;
              yield chunk;
              // The chunk is done with: read on.
              if (remaining > 0) socket.resume();
              continue;
            }
            if (remaining === 0) break;
            if (failure) throw failure;
            await new Promise<void>((r) => (wake = r));
            wake = undefined;
          }
          release();
        } finally {
          if (!finished) {
            settle();
            socket.destroy();
          }
        }
      }
      socket.resume();
      socket.write(requestText(signed), 'latin1', (error) => {
        if (error) socket.destroy(error);
      });
    }).catch((error: unknown) => {
      throw error instanceof Error && !('answered' in error) ? Object.assign(error, { answered: false }) : error;
    });
  }

  private forget(conn: Connection): void {
    const list = this.idle.get(conn.origin);
    const i = list?.indexOf(conn) ?? -1;
    if (list && i >= 0) list.splice(i, 1);
  }
}

/** The request line and headers of a body-less request, as sent on the wire. */
function requestText(r: HttpRequest): string {
  const query = Object.entries(r.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  let text = `${r.method} ${query ? `${r.path}?${query}` : r.path} HTTP/1.1\r\n`;
  for (const [name, value] of Object.entries(r.headers)) text += `${name}: ${value}\r\n`;
  return `${text}\r\n`;
}

function parseHead(text: string): { statusCode: number; headers: Record<string, string> } {
  const lines = text.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '');
  if (!status) throw named('Error', 'The server did not answer in HTTP/1.1.', 'EPROTO');
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  return { statusCode: Number(status[1]), headers };
}
