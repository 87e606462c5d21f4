import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { objectRoutePath } from '../../shared/object-url';
import type { AppCore } from '../core/app-core-types';
import { previewCorsHeaders } from '../core/http/preview-headers';
import { readAppBundleFile } from './bundle-path';
import { contentSecurityPolicy } from './csp';
import { appHost, appScheme, previewHost } from './origin';

/**
 * Declares `app:` a standard, secure scheme. Must run before the app is ready.
 * Standard + secure gives the page a real origin (`app://bundle`) and a secure context, which
 * `file://` cannot: every file:// page shares one origin and can read any other local file.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // stream: media elements may read responses piecemeal, with ranges (preview seeking).
    // corsEnabled: the page (app://bundle) reads text previews from app://preview with CORS.
    {
      scheme: appScheme,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: true, corsEnabled: true },
    },
  ]);
}

/** Which part of the app scheme a URL names: the bundle, the preview route, or nothing we serve. */
export function appRoute(url: URL): 'bundle' | 'object' | null {
  if (url.host === appHost) return url.pathname === objectRoutePath ? null : 'bundle';
  if (url.host === previewHost) return url.pathname === objectRoutePath ? 'object' : null;
  return null;
}

/**
 * Serves the renderer bundle at `app://bundle/...` from `bundleDir`, and object bytes for
 * previews at `app://preview/__object?…` through the core: another origin, so a planted object
 * can never reach the page or `bucketAdmin`. `rendererOrigin` may read previews (CORS). Call
 * after the app is ready.
 */
export function serveBundle(bundleDir: string, objects: AppCore['objects'], rendererOrigin: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const route = appRoute(url);
    if (route === 'object') {
      const cors = previewCorsHeaders(rendererOrigin);
      if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: cors });
      if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
      return serveObject(objects, request, url, cors);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    if (route !== 'bundle') return textResponse(404, 'Not found');
    // Refused paths, missing files and directories all answer 404.
    const file = await readAppBundleFile(bundleDir, request.url);
    if (file === null) return textResponse(404, 'Not found');
    const headers = new Headers({ 'Content-Type': file.contentType, 'X-Content-Type-Options': 'nosniff' });
    if (file.contentType.startsWith('text/html')) headers.set('Content-Security-Policy', contentSecurityPolicy);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), { status: 200, headers });
  });
}

/** The same core function as the browser host's route; Node's stream becomes a web stream. */
async function serveObject(objects: AppCore['objects'], request: Request, url: URL, cors: Record<string, string>): Promise<Response> {
  const object = await objects.open({
    method: request.method,
    query: url.searchParams,
    range: request.headers.get('range'),
    signal: request.signal,
  });
  let body: BodyInit | null = null;
  if (typeof object.body === 'string') body = object.body;
  else if (object.body) body = Readable.toWeb(object.body) as ReadableStream<Uint8Array>;
  return new Response(request.method === 'HEAD' ? null : body, { status: object.status, headers: { ...object.headers, ...cors } });
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}
