import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { hasControlCharacter, replaceControlCharacters } from '../../../src/shared/model/control-characters';
import {
  baseName,
  downloadName,
  encodeKeyPath,
  hasDotSegments,
  isFolderKey,
  keyBytes,
  keyForNewName,
  keySchema,
  maxKeyBytes,
  nameProblem,
  parentPrefix,
} from '../../../src/shared/model/keys';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
}

describe('key parts', () => {
  it('finds the parent folder and the name of objects and folders', () => {
    expect(parentPrefix('a/b/c.txt')).toBe('a/b/');
    expect(parentPrefix('a/b/')).toBe('a/');
    expect(parentPrefix('c.txt')).toBe('');
    expect(parentPrefix('c')).toBe('');
    expect(parentPrefix('/lead')).toBe('/');
    expect(parentPrefix('a//x')).toBe('a//');
    expect(parentPrefix('')).toBe('');
    expect(baseName('a/b/c.txt')).toBe('c.txt');
    expect(baseName('a/b/')).toBe('b');
    expect(baseName('a/c d.txt')).toBe('c d.txt');
    expect(baseName('a//')).toBe('');
    expect(isFolderKey('a/')).toBe(true);
    expect(isFolderKey('a')).toBe(false);
  });

  it('names a saved copy after the key, and "download" when the key ends in an empty name', () => {
    expect(downloadName('private/a/b/report.pdf')).toBe('report.pdf');
    expect(downloadName('top.txt')).toBe('top.txt');
    expect(downloadName('public/album/')).toBe('album');
    expect(downloadName('a//')).toBe('download');
  });

  it('finds the dot segments a URL parser would remove, and nothing else', () => {
    expect(hasDotSegments('a/./b')).toBe(true);
    expect(hasDotSegments('a/../b')).toBe(true);
    expect(hasDotSegments('..')).toBe(true);
    expect(hasDotSegments('a/..b/.c/...')).toBe(false);
  });
});

describe('the key limit', () => {
  it('counts UTF-8 bytes as S3 does, in the schema every channel uses', () => {
    expect(maxKeyBytes).toBe(1024);
    expect(keyBytes('é')).toBe(2);
    expect(keyBytes('😀')).toBe(4);
    expect(keySchema.safeParse('k'.repeat(1024)).success).toBe(true);
    expect(keySchema.safeParse('k'.repeat(1025)).success).toBe(false);
    // 512 characters, 1,025 bytes: too long though short in UTF-16.
    expect(keySchema.safeParse(`${'é'.repeat(512)}k`).success).toBe(false);
    expect(keySchema.safeParse('a\u0000b').success).toBe(false);
    expect(keySchema.safeParse('').success).toBe(true);
  });
});

describe('new names', () => {
  it('keeps spaces, unicode and punctuation exactly as typed', () => {
    expect(keyForNewName('p/', 'Ünïcode + % # ? & ', true)).toBe('p/Ünïcode + % # ? & /');
    const nfd = 'é'.normalize('NFD');
    expect(keyForNewName('p/', nfd, false)).toBe(`p/${nfd}`);
  });

  it('refuses names that are not one path segment', () => {
    expect(nameProblem('')).toMatch(/Enter a name/);
    expect(nameProblem('a/b')).toMatch(/cannot contain “\/”/);
    expect(nameProblem('..')).toMatch(/not usable/);
    expect(nameProblem('.')).toMatch(/parent folder/);
    expect(nameProblem('tab\there')).toMatch(/control characters/);
    for (const bad of ['a\u0000b', 'a\u001fb', 'a\u007fb', 'line\nbreak']) expect(nameProblem(bad), JSON.stringify(bad)).toMatch(/control/);
    for (const fine of ['...', '.hidden', ' edge ', 'naïve 日本', 'a\u00a0b']) expect(nameProblem(fine), fine).toBeUndefined();
    expect(codeOf(() => keyForNewName('p/', 'x/y', true))).toBe('InvalidInput');
  });

  it('refuses a name that makes the key longer than 1,024 bytes', () => {
    const parent = `${'p'.repeat(1000)}/`;
    expect(codeOf(() => keyForNewName(parent, 'x'.repeat(23), false))).toBeUndefined();
    expect(codeOf(() => keyForNewName(parent, 'x'.repeat(24), false))).toBe('InvalidInput');
    // Multi-byte characters count by their UTF-8 bytes, as S3 counts them.
    expect(codeOf(() => keyForNewName(parent, 'é'.repeat(12), false))).toBe('InvalidInput');
  });
});

describe('control characters', () => {
  it('are C0 and DEL: refused, marked or replaced alike everywhere', () => {
    for (const c of ['\u0000', '\t', '\n', '\r', '\u001b', '\u001f', '\u007f'])
      expect(hasControlCharacter(`a${c}b`), JSON.stringify(c)).toBe(true);
    for (const c of [' ', '~', '\u0080', '\u00a0', 'é']) expect(hasControlCharacter(`a${c}b`), JSON.stringify(c)).toBe(false);
    expect(replaceControlCharacters('a\r\nb\u007f', '_')).toBe('a__b_');
  });
});

describe('keys in URL paths', () => {
  it('encodes keys one segment at a time, the way S3 does, keeping empty segments', () => {
    expect(encodeKeyPath("public/a b/ü+é/it's (1)*.jpg")).toBe('public/a%20b/%C3%BC%2B%C3%A9/it%27s%20%281%29%2A.jpg');
    expect(encodeKeyPath('a//b?c#d')).toBe('a//b%3Fc%23d');
    expect(encodeKeyPath('public/a+b%c#d?e&f//g é')).toBe('public/a%2Bb%25c%23d%3Fe%26f//g%20%C3%A9');
    expect(encodeKeyPath('/lead')).toBe('/lead');
    expect(encodeKeyPath('a!b')).toBe('a%21b');
  });
});
