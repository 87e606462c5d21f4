import path from 'node:path';
import { appHost, appScheme } from './origin';

/**
 * Maps an `app://bundle/...` request to a file inside the renderer bundle, or null.
 * Pure so the refusal rules (traversal, encoded dots, absolute paths) are tested without Electron.
 */
export function resolveBundlePath(bundleDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null;
  return resolveBundlePathname(bundleDir, url.pathname);
}

/** Resolves a raw (still percent-encoded) URL path inside `bundleDir`; null if it could leave it. */
export function resolveBundlePathname(bundleDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null; // malformed escapes are never produced by our own bundle
  }
  const relative = decoded.startsWith('/') ? decoded.slice(1) : decoded;
  if (relative === '') return path.join(path.resolve(bundleDir), 'index.html');
  // Backslashes and colons act as separators or drive/stream markers on Windows; NUL truncates.
  if (/[\\:\0]/.test(relative)) return null;
  if (relative.startsWith('/') || path.isAbsolute(relative) || path.win32.isAbsolute(relative)) return null;
  if (relative.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  const root = path.resolve(bundleDir);
  const full = path.resolve(root, relative);
  // Belt and braces: whatever slipped past the rules above must still land inside the bundle.
  return full.startsWith(root + path.sep) ? full : null;
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a bundle file; unknown types are served as opaque bytes (with nosniff). */
export function contentTypeFor(filePath: string): string {
  return contentTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
