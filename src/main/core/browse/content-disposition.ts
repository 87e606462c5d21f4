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
