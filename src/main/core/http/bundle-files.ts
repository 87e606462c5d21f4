import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentTypeFromName, fallbackContentType } from '../files/content-type';

/**
 * Serving the renderer bundle, for both hosts (Electron's `app://bundle`, the browser host's
 * loopback server): which file a URL path names, never one outside the bundle, and its type.
 */

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

/** The Content-Type for a bundle file; unknown types are served as opaque bytes (with nosniff). */
export function bundleContentType(filePath: string): string {
  return contentTypeFromName(filePath) ?? fallbackContentType;
}

export interface BundleFile {
  body: Buffer;
  contentType: string;
}

/**
 * Reads the bundle file a URL path names; null when the path is refused or names no file. With
 * `clientRoutes`, a missing path without an extension gets index.html (routes the page handles).
 */
export async function readBundleFile(
  bundleDir: string,
  pathname: string,
  options: { clientRoutes?: boolean } = {},
): Promise<BundleFile | null> {
  const file = resolveBundlePathname(bundleDir, pathname);
  if (file === null) return null;
  try {
    return { body: await readFile(file), contentType: bundleContentType(file) };
  } catch {
    // A missing file or a directory.
    if (!options.clientRoutes || path.extname(file) !== '') return null;
    return readBundleFile(bundleDir, '/index.html');
  }
}
