import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { objectRoutePath } from '../../shared/object-url';
import type { AppCore } from '../core/app-core-types';
import { contentTypeFor, resolveBundlePath } from './bundle-path';
import { contentSecurityPolicy } from './csp';
import { appScheme } from './origin';

/**
 * Declares `app:` a standard, secure scheme. Must run before the app is ready.
 * Standard + secure gives the page a real origin (`app://bundle`) and a secure context, which
 * `file://` cannot: every file:// page shares one origin and can read any other local file.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // stream: media elements may read responses piecemeal, with ranges (preview seeking).
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: true } },
  ]);
}

/**
 * Serves the renderer bundle at `app://bundle/...` from `bundleDir`, and object bytes for
 * previews at `app://bundle/__object?…` through the core. Call after the app is ready.
 */
export function serveBundle(bundleDir: string, objects: AppCore['objects']): void {
  protocol.handle(appScheme, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const url = new URL(request.url);
    if (url.pathname === objectRoutePath) return serveObject(objects, request, url);
    const filePath = resolveBundlePath(bundleDir, request.url);
    if (filePath === null) return textResponse(404, 'Not found');
    let body: Buffer;
    try {
      body = await readFile(filePath);
    } catch {
      return textResponse(404, 'Not found'); // missing file or a directory
    }
    const contentType = contentTypeFor(filePath);
    const headers = new Headers({ 'Content-Type': contentType, 'X-Content-Type-Options': 'nosniff' });
    if (contentType.startsWith('text/html')) headers.set('Content-Security-Policy', contentSecurityPolicy);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  });
}

/** The same core function as the browser host's route; Node's stream becomes a web stream. */
async function serveObject(objects: AppCore['objects'], request: Request, url: URL): Promise<Response> {
  const object = await objects.open({
    method: request.method,
    query: url.searchParams,
    range: request.headers.get('range'),
    signal: request.signal,
  });
  let body: BodyInit | null = null;
  if (typeof object.body === 'string') body = object.body;
  else if (object.body) body = Readable.toWeb(object.body) as ReadableStream<Uint8Array>;
  return new Response(request.method === 'HEAD' ? null : body, { status: object.status, headers: object.headers });
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}
