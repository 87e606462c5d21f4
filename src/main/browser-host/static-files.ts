import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/**
 * Maps a URL path to a file inside `root`, or undefined when it would leave it
 * (`..`, encoded dots, backslashes, NUL). `/` and unknown routes fall back to index.html.
 */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const base = resolve(root);
  const full = resolve(base, relative);
  if (full !== base && !full.startsWith(base + sep)) return undefined;
  return full;
}

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Reads a bundle file; missing files without an extension get index.html (client routes). */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  const path = resolveStaticPath(root, urlPath);
  if (!path) return undefined;
  const ext = extname(path);
  try {
    return { body: await readFile(path), contentType: contentTypes[ext] ?? 'application/octet-stream' };
  } catch {
    if (ext) return undefined;
    const index = resolveStaticPath(root, '/index.html');
    return index ? { body: await readFile(index), contentType: contentTypes['.html'] ?? 'text/html' } : undefined;
  }
}
