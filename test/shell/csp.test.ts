import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserHostCsp } from '../../src/main/browser-host/host-server';
import { contentSecurityPolicy, cspDirectives } from '../../src/main/electron/csp';

/** A policy string as directive -> sources. */
function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

const directive = (name: string): string[] => parse(contentSecurityPolicy).get(name) ?? [];

describe('contentSecurityPolicy', () => {
  it("starts from default-src 'none'", () => {
    expect(directive('default-src')).toEqual(["'none'"]);
  });

  it('allows no remote connections: only itself and the preview origin', () => {
    expect(directive('connect-src')).toEqual(["'self'", 'app://preview']);
    expect(contentSecurityPolicy).not.toMatch(/https?:|wss?:|\*/);
  });

  it('takes object bytes only from the preview origin, never its own', () => {
    expect(directive('frame-src')).toEqual(['app://preview']);
    expect(directive('media-src')).toEqual(['blob:', 'app://preview']);
    expect(directive('img-src')).not.toContain('app:');
  });

  it('never allows eval or inline script', () => {
    expect(contentSecurityPolicy).not.toContain("'unsafe-eval'");
    expect(directive('script-src')).toEqual(["'self'"]);
  });

  it('blocks plugins, <base>, form posts and framing', () => {
    expect(directive('object-src')).toEqual(["'none'"]);
    expect(directive('base-uri')).toEqual(["'none'"]);
    expect(directive('form-action')).toEqual(["'none'"]);
    expect(directive('frame-ancestors')).toEqual(["'none'"]);
  });

  it('serialises every directive', () => {
    expect(contentSecurityPolicy.split('; ')).toHaveLength(Object.keys(cspDirectives).length);
  });
});

describe('the HTML meta policy', () => {
  const html = readFileSync('src/renderer/index.html', 'utf8');
  const meta = parse(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '');
  /** True when a meta source covers a header source (`http://127.0.0.1:*` covers any port). */
  const covers = (metaSource: string, headerSource: string) =>
    metaSource === headerSource ||
    (metaSource.endsWith(':*') &&
      headerSource.startsWith(metaSource.slice(0, -1)) &&
      /^\d+$/.test(headerSource.slice(metaSource.length - 1)));

  for (const [host, policy] of [
    ['Electron', contentSecurityPolicy],
    ['the browser host', browserHostCsp('http://127.0.0.1:4100', 'http://127.0.0.1:4101')],
  ] as const) {
    it(`allows everything ${host}'s header allows and nothing of another kind`, () => {
      for (const [name, sources] of parse(policy)) {
        // frame-ancestors is ignored in a meta tag, so it lives only in the headers.
        if (name === 'frame-ancestors') continue;
        const metaSources = meta.get(name);
        expect(metaSources, name).toBeDefined();
        for (const source of sources)
          expect(
            metaSources?.some((m) => covers(m, source)),
            `${name} ${source}`,
          ).toBe(true);
      }
      expect([...meta.keys()].sort()).toEqual([...parse(policy).keys()].filter((n) => n !== 'frame-ancestors').sort());
    });
  }
});
