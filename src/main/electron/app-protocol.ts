import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
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
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the renderer bundle at `app://bundle/...` from `bundleDir`. Call after the app is ready. */
export function serveBundle(bundleDir: string): void {
  protocol.handle(appScheme, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
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

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}
