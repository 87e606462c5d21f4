import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspDirectives } from '../../src/main/electron/csp';

const directive = (name: string): string[] =>
  contentSecurityPolicy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1) ?? [];

describe('contentSecurityPolicy', () => {
  it("starts from default-src 'none'", () => {
    expect(directive('default-src')).toEqual(["'none'"]);
  });

  it('allows no remote connections', () => {
    expect(directive('connect-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy).not.toMatch(/https?:|wss?:|\*/);
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
