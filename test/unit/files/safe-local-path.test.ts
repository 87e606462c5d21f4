import { randomInt } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  keyToLocalSegments,
  localCollisionKey,
  maxSegmentBytes,
  resolveInside,
  safeSegment,
  type NameRules,
} from '../../../src/main/core/files/safe-local-path';

const rulesList: NameRules[] = ['posix', 'win32'];
const roots: Record<NameRules, string> = { posix: '/home/ann/Downloads', win32: 'C:\\Users\\Ann\\Downloads' };

/** Where a key lands (or an error), relative to the root, with `/` separators. */
function land(key: string, rules: NameRules): string {
  const { segments } = keyToLocalSegments(key, rules);
  const p = rules === 'win32' ? path.win32 : path.posix;
  const full = resolveInside(roots[rules], segments, rules);
  return p.relative(roots[rules], full).split(p.sep).join('/');
}

describe('keys mapped to local paths never leave the chosen folder', () => {
  it.each([
    ['a/b/c.jpg', 'a/b/c.jpg', false],
    ['../escape.txt', '__/escape.txt', true],
    ['a/../../b', 'a/__/__/b', true],
    ['/leading/slash.txt', 'leading/slash.txt', true],
    ['a//b.txt', 'a/b.txt', true],
    ['./a', '_/a', true],
    ['folder/', 'folder', false],
    ['nul\0byte', 'nul_byte', true],
    ['tab\tand\nnewline', 'tab_and_newline', true],
    ['del\x7f', 'del_', true],
    ['ünïcödé/ファイル.mp4', 'ünïcödé/ファイル.mp4', false],
    ['spaces in name .txt', 'spaces in name .txt', false],
  ])('posix: %j → %j', (key, expected, changed) => {
    expect(land(key, 'posix')).toBe(expected);
    expect(keyToLocalSegments(key, 'posix').changed).toBe(changed);
  });

  it.each([
    ['a\\..\\..\\evil.txt', 'a_.._.._evil.txt'],
    ['C:\\Windows\\system32', 'C__Windows_system32'],
    ['c:/x', 'c_/x'],
    ['CON', '_CON'],
    ['con.txt', '_con.txt'],
    ['dir/NUL.tar.gz', 'dir/_NUL.tar.gz'],
    ['COM1', '_COM1'],
    ['lpt9.log', '_lpt9.log'],
    ['COM¹', '_COM¹'],
    ['CONOUT$', '_CONOUT$'],
    ['trailing dot.', 'trailing dot_'],
    ['trailing space ', 'trailing space_'],
    ['dots...', 'dots___'],
    ['a<b>c:d"e|f?g*h', 'a_b_c_d_e_f_g_h'],
    ['..', '__'],
    ['folder./file', 'folder_/file'],
  ])('win32: %j → %j', (key, expected) => {
    expect(land(key, 'win32')).toBe(expected);
    expect(keyToLocalSegments(key, 'win32').changed).toBe(true);
  });

  it('keeps names that only look special', () => {
    expect(land('console.txt', 'win32')).toBe('console.txt');
    expect(land('..hidden', 'posix')).toBe('..hidden');
    expect(land('...', 'posix')).toBe('...');
    expect(keyToLocalSegments('..hidden', 'posix').changed).toBe(false);
  });

  it('keeps backslashes as part of a name on POSIX (they are not separators there)', () => {
    expect(land('a\\b.txt', 'posix')).toBe('a\\b.txt');
  });

  it('shortens names over 200 bytes on a character boundary, keeping the extension and uniqueness', () => {
    const a = safeSegment(`${'é'.repeat(150)}.mov`, 'posix').name;
    const b = safeSegment(`${'é'.repeat(151)}.mov`, 'posix').name;
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(maxSegmentBytes);
    expect(a.endsWith('.mov')).toBe(true);
    expect(a).not.toBe(b);
    expect(a).not.toContain('\ufffd');
  });

  it('leaves nothing for keys that are only slashes', () => {
    expect(keyToLocalSegments('///', 'posix').segments).toEqual([]);
    expect(() => resolveInside('/root', [], 'posix')).toThrow(/outside/);
  });

  it('refuses segments that would leave the root even if handed in directly', () => {
    expect(() => resolveInside('/root', ['..', 'x'], 'posix')).toThrow(/outside/);
    expect(() => resolveInside('/root', ['/etc/passwd'], 'posix')).toThrow(/outside/);
    expect(() => resolveInside('C:\\root', ['D:\\x'], 'win32')).toThrow(/outside/);
  });

  it('never escapes for 5,000 random keys built from hostile pieces', () => {
    const pieces = [
      '..',
      '.',
      '/',
      '//',
      '\\',
      'C:',
      'con',
      'NUL.',
      ' ',
      '\0',
      '\x01',
      '..\\',
      '%2e%2e',
      'a',
      'é',
      '~',
      '$',
      ':',
      '*',
      '?',
    ];
    for (const rules of rulesList) {
      const p = rules === 'win32' ? path.win32 : path.posix;
      for (let i = 0; i < 5000; i += 1) {
        const key = Array.from({ length: randomInt(1, 12) }, () => pieces[randomInt(pieces.length)]).join('');
        const { segments } = keyToLocalSegments(key, rules);
        if (segments.length === 0) continue;
        const full = resolveInside(roots[rules], segments, rules);
        const rel = p.relative(roots[rules], full);
        expect(rel === '..' || rel.startsWith(`..${p.sep}`) || p.isAbsolute(rel), `${JSON.stringify(key)} → ${full}`).toBe(false);
        expect(full.startsWith(roots[rules] + p.sep)).toBe(true);
        for (const s of segments) {
          expect(s).not.toMatch(/^\.{1,2}$/);
          // eslint-disable-next-line no-control-regex
          expect(s).not.toMatch(/[\x00-\x1f/]/);
          if (rules === 'win32') {
            expect(s).not.toMatch(/[<>:"|?*\\]|[. ]$/);
            expect(s).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
          }
        }
      }
    }
  });

  it('compares names case-insensitively where the file system does', () => {
    expect(localCollisionKey('A.jpg', 'win32')).toBe(localCollisionKey('a.JPG', 'win32'));
    expect(localCollisionKey('A.jpg', 'posix', 'darwin')).toBe(localCollisionKey('a.jpg', 'posix', 'darwin'));
    expect(localCollisionKey('A.jpg', 'posix', 'linux')).not.toBe(localCollisionKey('a.jpg', 'posix', 'linux'));
    expect(localCollisionKey('e\u0301.txt', 'win32')).toBe(localCollisionKey('\u00e9.txt', 'win32'));
  });
});
