import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleContentType, readBundleFile, resolveBundlePathname } from '../../../src/main/core/http/bundle-files';

const bundle = path.resolve('/srv/app/out/renderer');

describe('resolveBundlePathname (both hosts)', () => {
  it('serves index.html for the root and files inside the bundle', () => {
    expect(resolveBundlePathname(bundle, '')).toBe(path.join(bundle, 'index.html'));
    expect(resolveBundlePathname(bundle, '/')).toBe(path.join(bundle, 'index.html'));
    expect(resolveBundlePathname(bundle, '/assets/my%20icon.svg')).toBe(path.join(bundle, 'assets', 'my icon.svg'));
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2e%2E/etc/passwd',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5c..%5csecret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%5csecret.txt',
    '/./index.html',
  ])('refuses traversal %s', (pathname) => {
    expect(resolveBundlePathname(bundle, pathname)).toBeNull();
  });

  it.each(['//etc/passwd', '/%2fetc/passwd', '/C:/Windows/win.ini', '/%5c%5cserver%5cshare', '/index.html%00.png'])(
    'refuses absolute or odd paths %s',
    (pathname) => {
      expect(resolveBundlePathname(bundle, pathname)).toBeNull();
    },
  );

  it('refuses malformed escapes', () => {
    expect(resolveBundlePathname(bundle, '/%E0%A4%A')).toBeNull();
  });
});

describe('bundleContentType', () => {
  it('knows the bundle types and falls back to opaque bytes', () => {
    expect(bundleContentType('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(bundleContentType('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(bundleContentType('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(bundleContentType('/x/a.js.map')).toBe('application/json');
    expect(bundleContentType('/x/favicon.ico')).toBe('image/x-icon');
    expect(bundleContentType('/x/font.woff2')).toBe('font/woff2');
    expect(bundleContentType('/x/a.unknownext')).toBe('application/octet-stream');
  });
});

describe('readBundleFile', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'bundle-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'export {}');
  writeFileSync(path.join(tmpdir(), 'outside-the-bundle.txt'), 'secret');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads files with their type, and nothing outside the bundle', async () => {
    expect(await readBundleFile(root, '/assets/app.js')).toEqual({
      body: Buffer.from('export {}'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(await readBundleFile(root, '/../outside-the-bundle.txt', { clientRoutes: true })).toBeNull();
  });

  it('answers a missing file or a folder with null, or index.html for a client route when asked', async () => {
    expect(await readBundleFile(root, '/settings')).toBeNull();
    expect(await readBundleFile(root, '/assets')).toBeNull();
    expect((await readBundleFile(root, '/settings', { clientRoutes: true }))?.contentType).toBe('text/html; charset=utf-8');
    expect(await readBundleFile(root, '/missing.js', { clientRoutes: true })).toBeNull();
  });
});
