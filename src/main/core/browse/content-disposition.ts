import { baseName } from './keys';

/**
 * `inline` or `attachment` with the key's own name: an ASCII fallback for old clients and the
 * exact UTF-8 name in `filename*` (RFC 6266 / 8187), so odd names survive a save.
 */
export function contentDisposition(key: string, kind: 'inline' | 'attachment'): string {
  const name = baseName(key) || 'download';
  // Control characters cannot go in a header; they are outside \x20-\x7e and get replaced too.
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Types a browser would run as a document (HTML, SVG, XML): served under a sandbox CSP so an
 * object cannot script the app even when opened in a frame or tab. PDF stays viewable:
 * Chromium's viewer refuses sandboxed documents.
 */
export function needsSandbox(contentType: string): boolean {
  return !/^application\/pdf\b/i.test(contentType.trim());
}

/** The policy for served objects: no scripts, no plugins, no network, same-origin nothing. */
export const objectCsp = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; media-src 'self'";
