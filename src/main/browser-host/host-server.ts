import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stageRoutePath } from '../../shared/model/transfer';
import { objectRoutePath } from '../../shared/object-url';
import { tokenParam } from '../../shared/wire';
import type { EventName, EventPayload } from '../../shared/contract';
import type { AppCore } from '../core/app-core-types';
import { appCsp } from '../core/http/app-csp';
import type { Logger } from '../core/logger';
import { cookieNameFor, hostMatches, newSecret, readCookie, secretMatches } from './host-auth';
import { startPreviewServer } from './preview-server';
import { createSocketServer } from './socket-server';
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
  /** Open this in Chromium: the token rides in the query once, then the page keeps it. */
  url: string;
  origin: string;
  token: string;
  /** The preview origin plus its secret path (AppInfo.previewBase). */
  previewBase: string;
  /**
   * Sends a push event to the open pages over their sockets, the way core events and Electron's
   * menu reach the window: the end-to-end tests run every menu command through it (`app:command`).
   */
  push<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

/**
 * Serves the same router as Electron's IPC on 127.0.0.1 for development and end-to-end tests.
 * Every HTTP request needs this host's exact Host header and the per-run token (query, then a
 * cookie named for this port); the API socket needs our Origin and the token in its first
 * message. Object previews are served by a second server on another port (another origin).
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? newSecret();
  let host = '';
  let origin = '';
  let cookieName = '';
  const preview = await startPreviewServer(options.core, () => origin, options.logger);
  options.core.setPreviewBase(preview.base);
  const sockets = createSocketServer({ core: options.core, logger: options.logger, token, address: () => ({ host, origin, cookieName }) });

  const server = createServer((req, res) => {
    void serveHttp(req, res).catch((error: unknown) => {
      options.logger.error('browser host: request failed', error);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  server.on('upgrade', (req, socket, head) => sockets.upgrade(req, socket, head));

  async function serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostMatches(req, host)) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('This host answers only to its own address, printed when it started.');
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    const fromQuery = url.searchParams.get(tokenParam);
    if (!secretMatches(fromQuery ?? readCookie(req, cookieName), token)) {
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
    // Object bytes live on the preview origin only; here the path would fall back to index.html.
    const file = url.pathname === objectRoutePath ? undefined : await readStaticFile(options.staticDir, url.pathname);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = {
      'content-type': file.contentType,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'content-security-policy': browserHostCsp(origin, preview.origin),
    };
    if (fromQuery) headers['set-cookie'] = `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : file.body);
  }

  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
    });
  } catch (error) {
    await preview.close();
    throw error;
  }
  server.on('error', (error) => options.logger.error('browser host: server error', error));
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
  cookieName = cookieNameFor(port);

  return {
    url: `${origin}/?${tokenParam}=${token}`,
    origin,
    token,
    previewBase: preview.base,
    push: (event, payload) => sockets.push(event, payload),
    async close() {
      sockets.close();
      server.closeAllConnections();
      await Promise.all([new Promise<void>((done) => server.close(() => done())), preview.close()]);
    },
  };
}

/** Same policy as the Electron window, plus this host's own WebSocket and preview origin. */
export function browserHostCsp(origin: string, previewOrigin: string): string {
  return appCsp({ preview: previewOrigin, socket: origin.replace(/^http/, 'ws') });
}
