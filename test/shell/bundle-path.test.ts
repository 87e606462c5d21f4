import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveBundlePath, resolveBundlePathname } from '../../src/main/electron/bundle-path';

const bundle = path.resolve('/srv/app/out/renderer');

describe('resolveBundlePath', () => {
  it('serves index.html for the root', () => {
    expect(resolveBundlePath(bundle, 'app://bundle/')).toBe(path.join(bundle, 'index.html'));
    expect(resolveBundlePath(bundle, 'app://bundle')).toBe(path.join(bundle, 'index.html'));
    expect(resolveBundlePathname(bundle, '')).toBe(path.join(bundle, 'index.html'));
  });

  it('serves files inside the bundle, ignoring query and hash', () => {
    expect(resolveBundlePath(bundle, 'app://bundle/assets/index-abc.js?v=1#x')).toBe(
      path.join(bundle, 'assets', 'index-abc.js'),
    );
    expect(resolveBundlePath(bundle, 'app://bundle/assets/my%20icon.svg')).toBe(path.join(bundle, 'assets', 'my icon.svg'));
  });

  it('refuses other schemes and hosts', () => {
    expect(resolveBundlePath(bundle, 'file:///etc/passwd')).toBeNull();
    expect(resolveBundlePath(bundle, 'app://other/index.html')).toBeNull();
    expect(resolveBundlePath(bundle, 'not a url')).toBeNull();
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2e%2E/etc/passwd',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5c..%5csecret.txt',
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

describe('contentTypeFor', () => {
  it('knows the bundle types and falls back to opaque bytes', () => {
    expect(contentTypeFor('/x/index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('/x/a.JS')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('/x/a.unknown')).toBe('application/octet-stream');
  });
});
