import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveBundlePath } from '../../src/main/electron/bundle-path';

// The path rules themselves are shared with the browser host: test/unit/http/bundle-files.test.ts.
const bundle = path.resolve('/srv/app/out/renderer');

describe('resolveBundlePath', () => {
  it('serves index.html for the root', () => {
    expect(resolveBundlePath(bundle, 'app://bundle/')).toBe(path.join(bundle, 'index.html'));
    expect(resolveBundlePath(bundle, 'app://bundle')).toBe(path.join(bundle, 'index.html'));
  });

  it('serves files inside the bundle, ignoring query and hash', () => {
    expect(resolveBundlePath(bundle, 'app://bundle/assets/index-abc.js?v=1#x')).toBe(path.join(bundle, 'assets', 'index-abc.js'));
    expect(resolveBundlePath(bundle, 'app://bundle/assets/my%20icon.svg')).toBe(path.join(bundle, 'assets', 'my icon.svg'));
  });

  it('refuses other schemes and hosts', () => {
    expect(resolveBundlePath(bundle, 'file:///etc/passwd')).toBeNull();
    expect(resolveBundlePath(bundle, 'app://other/index.html')).toBeNull();
    expect(resolveBundlePath(bundle, 'not a url')).toBeNull();
  });
});
