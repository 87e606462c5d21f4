import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { objectRoutePath } from '../../shared/object-url';
import type { AppCore } from '../core/app-core-types';
import { previewCorsHeaders } from '../core/http/preview-headers';
import type { Logger } from '../core/logger';
import { hostMatches, newSecret } from './host-auth';

export interface PreviewServer {
  /** What the renderer puts before `/__object` (origin plus the secret path). */
  base: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * Object bytes for previews on their own port, so they are a different origin from the app:
 * whatever a planted object manages in a frame, it cannot script the app's page or open its
 * socket (that needs the app's origin and token). Requests must carry this run's secret path
 * prefix, which no cookie holds, and name this exact host.
 */
export async function startPreviewServer(core: AppCore, appOrigin: () => string, logger: Logger): Promise<PreviewServer> {
  const secret = newSecret();
  let host = '';
  const server = createServer((req, res) => {
    void serve(req, res).catch((error: unknown) => {
      logger.error('browser host: preview request failed', error);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${host}`);
    const cors = previewCorsHeaders(appOrigin());
    // Chromium treats another port of 127.0.0.1 as another site for CORP, so `same-site` would
    // block our own page's <img>; the secret path is what keeps other pages out.
    const common = { ...cors, 'Cross-Origin-Resource-Policy': 'cross-origin', 'X-Content-Type-Options': 'nosniff' };
    if (!hostMatches(req, host) || url.pathname !== `/${secret}${objectRoutePath}`) {
      res.writeHead(404, { ...common, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found.');
      return;
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, common).end();
      return;
    }
    const viewer = new AbortController();
    res.on('close', () => viewer.abort());
    const object = await core.objects.open({
      method: req.method ?? 'GET',
      query: url.searchParams,
      range: req.headers.range ?? null,
      signal: viewer.signal,
    });
    res.writeHead(object.status, { ...object.headers, ...common });
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

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  server.on('error', (error) => logger.error('browser host: preview server error', error));
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  const origin = `http://${host}`;
  return {
    origin,
    base: `${origin}/${secret}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
