import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { buildQueryString, HttpResponse } from '@smithy/core/protocols';
import type { HttpHandlerOptions, HttpRequest } from '@smithy/types';
import { FileRangeBody, writeFileRange } from '../local/file-range-body';
import { requestSignal } from './request-signal';

export interface HandlerOptions {
  connectTimeoutMs: number;
  /** No byte in either direction for this long: the connection is dropped (and retried above). */
  stallTimeoutMs: number;
  maxSockets: number;
}

const named = (name: string, message: string, code?: string) => Object.assign(new Error(message), { name, ...(code ? { code } : {}) });

/**
 * The SDK's HTTP handler for the transfer data path. Differs from NodeHttpHandler where it
 * matters for large, long transfers: file ranges go to the socket from pooled buffers (no
 * stream per part, no garbage per chunk); a failing body read ends the request instead of
 * leaving it hanging with an unhandled stream error; a connection idle for `stallTimeoutMs` in
 * either direction (request body or response body) is dropped; keep-alive sockets are reused.
 */
export class TransferHttpHandler {
  private readonly httpAgent: HttpAgent;
  private readonly httpsAgent: HttpsAgent;

  constructor(private readonly options: HandlerOptions) {
    const agent = { keepAlive: true, keepAliveMsecs: 10_000, maxSockets: options.maxSockets };
    this.httpAgent = new HttpAgent(agent);
    this.httpsAgent = new HttpsAgent(agent);
  }

  handle(request: HttpRequest, handlerOptions: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    // The SDK types its signal loosely (it may be a polyfill); Node hands ours through unchanged.
    const abortSignal = (handlerOptions.abortSignal as AbortSignal | undefined) ?? requestSignal.getStore();
    return new Promise((resolve, reject) => {
      if (abortSignal?.aborted) {
        reject(named('AbortError', 'Request aborted'));
        return;
      }
      const secure = request.protocol === 'https:';
      const query = buildQueryString(request.query ?? {});
      const req: ClientRequest = (secure ? httpsRequest : httpRequest)({
        protocol: request.protocol,
        hostname: request.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: request.port,
        method: request.method,
        path: query ? `${request.path}?${query}` : request.path,
        headers: request.headers,
        agent: secure ? this.httpsAgent : this.httpAgent,
      });
      const onAbort = () => req.destroy(named('AbortError', 'Request aborted'));
      abortSignal?.addEventListener('abort', onAbort, { once: true });
      req.once('close', () => abortSignal?.removeEventListener('abort', onAbort));
      const connectTimer = setTimeout(
        () => req.destroy(named('TimeoutError', `Could not connect within ${this.options.connectTimeoutMs} ms.`, 'ETIMEDOUT')),
        this.options.connectTimeoutMs,
      );
      req.once('socket', (socket) => {
        if (!socket.connecting) clearTimeout(connectTimer);
        else socket.once('connect', () => clearTimeout(connectTimer));
      });
      req.setTimeout(this.options.stallTimeoutMs, () =>
        req.destroy(named('TimeoutError', `No data moved for ${this.options.stallTimeoutMs} ms; the connection was dropped.`, 'ETIMEDOUT')),
      );
      req.once('response', (res) => {
        clearTimeout(connectTimer);
        resolve({
          response: new HttpResponse({
            statusCode: res.statusCode ?? -1,
            reason: res.statusMessage,
            headers: flatten(res.headers),
            body: res,
          }),
        });
      });
      req.once('error', (error) => {
        clearTimeout(connectTimer);
        reject(error);
      });
      writeBody(req, request.body as unknown).catch((error: unknown) =>
        req.destroy(error instanceof Error ? error : new Error(String(error))),
      );
    });
  }

  updateHttpClientConfig(): void {
    // Nothing the SDK may change at run time.
  }

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

async function writeBody(req: ClientRequest, body: unknown): Promise<void> {
  if (body instanceof FileRangeBody) return writeFileRange(req, body);
  if (body instanceof Readable) return pipeline(body, req);
  if (body === undefined || body === null) return void req.end();
  if (typeof body === 'string' || Buffer.isBuffer(body)) return void req.end(body);
  if (body instanceof Uint8Array) return void req.end(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  throw new Error('Unsupported request body type.');
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return out;
}
