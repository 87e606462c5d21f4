import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { objectRoutePath } from '../../shared/object-url';
import { stageRoutePath } from '../../shared/model/transfer';
import { tokenParam, wsPath, type ClientMessage, type ServerMessage } from '../../shared/wire';
import type { AppCore } from '../core/app-core-types';
import type { Logger } from '../core/logger';
import { readStaticFile } from './static-files';
import { handleStageUpload, type StageOptions } from './stage-upload';

export interface BrowserHostOptions {
  core: AppCore;
  /** The built renderer (out/renderer). */
  staticDir: string;
  logger: Logger;
  port?: number;
  /** Fixed token for scripted use; random otherwise. */
  token?: string;
  /** Enables `POST /__stage` (dropped files sent by the page, stored for upload). */
  staging?: StageOptions;
}

export interface BrowserHost {
  /** Open this in Chromium: the token rides in the query once, then in an HttpOnly cookie. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const cookieName = 'bucket_admin_token';
const maxMessageBytes = 1024 * 1024;

/**
 * Serves the same router as Electron's IPC on 127.0.0.1 for development and end-to-end tests.
 * Every HTTP request and the WebSocket need the per-run token; the WebSocket also needs our
 * own Origin, so another site open in the same browser cannot drive the app.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let origin = '';
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });

  const server = createServer((req, res) => {
    void serveHttp(req, res).catch((error: unknown) => {
      options.logger.error('browser host: request failed', error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const fromQuery = url.searchParams.get(tokenParam);
    if (!tokenMatches(fromQuery ?? readCookie(req, cookieName), token)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('This page needs the link with its token, printed when the host started.');
      return;
    }
    if (url.pathname === stageRoutePath && req.method === 'POST' && options.staging) {
      // A cross-site form could POST with the cookie; only our own page may stage files.
      if (req.headers.origin !== origin) {
        res.writeHead(403, { 'content-type': 'text/plain' }).end('Files can only be sent from the Bucket Admin page.');
        return;
      }
      await handleStageUpload(req, res, url, options.staging);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (url.pathname === objectRoutePath) {
      await serveObject(req, res, url);
      return;
    }
    const file = await readStaticFile(options.staticDir, url.pathname);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = {
      'content-type': file.contentType,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'content-security-policy': browserHostCsp(origin),
    };
    if (fromQuery) headers['set-cookie'] = `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : file.body);
  }

  /** Object bytes for previews, through the same core function Electron's app:// protocol uses. */
  async function serveObject(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const viewer = new AbortController();
    res.on('close', () => viewer.abort());
    const object = await options.core.objects.open({
      method: req.method ?? 'GET',
      query: url.searchParams,
      range: req.headers.range ?? null,
      signal: viewer.signal,
    });
    res.writeHead(object.status, object.headers);
    if (object.body === null || req.method === 'HEAD') {
      if (typeof object.body === 'object' && object.body !== null) object.body.destroy();
      res.end();
    } else if (typeof object.body === 'string') {
      res.end(object.body);
    } else {
      // A viewer that seeks or closes drops the connection: not an error worth logging.
      await pipeline(object.body, res).catch(() => undefined);
    }
  }

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const allowed =
      url.pathname === wsPath &&
      req.headers.origin === origin &&
      tokenMatches(url.searchParams.get(tokenParam) ?? readCookie(req, cookieName), token);
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data) => void answer(ws, rawToText(data)));
    });
  });

  async function answer(ws: WebSocket, text: string): Promise<void> {
    const message = parseClientMessage(text);
    if (!message) return; // not ours to answer: no id to pair a reply with
    const result = await options.core.router.handle(message.channel, message.input);
    send(ws, { type: 'result', id: message.id, result });
  }

  const unsubscribe = options.core.onEvent((event, payload) => {
    for (const ws of sockets) send(ws, { type: 'event', event, payload });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?${tokenParam}=${token}`,
    origin,
    token,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** Same policy as the Electron window, plus this host's own WebSocket. */
export function browserHostCsp(origin: string): string {
  const ws = origin.replace(/^http/, 'ws');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    // PDF previews frame the app's own object route; nothing else may be framed.
    "frame-src 'self'",
    "font-src 'self'",
    `connect-src 'self' ${ws}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function rawToText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (data instanceof ArrayBuffer ? Buffer.from(new Uint8Array(data)) : data).toString('utf8');
}

/** Only the envelope is checked here; the router validates channel and input. */
function parseClientMessage(text: string): ClientMessage | undefined {
  try {
    const value = JSON.parse(text) as Partial<ClientMessage> | null;
    if (value?.type !== 'invoke' || typeof value.id !== 'number') return undefined;
    return { type: 'invoke', id: value.id, channel: value.channel as ClientMessage['channel'], input: value.input };
  } catch {
    return undefined;
  }
}

function send(ws: WebSocket, message: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

function tokenMatches(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
