import { describe, expect, it } from 'vitest';
import { baseName, keyForNewName, nameProblem, parentPrefix } from '../../../src/main/core/browse/keys';
import { normalizeSelection, planRename, planTransfer, targetKeyFor } from '../../../src/main/core/browse/selection';
import { AppError } from '../../../src/shared/errors';

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
    expect(parentPrefix('/lead')).toBe('/');
    expect(parentPrefix('a//x')).toBe('a//');
    expect(baseName('a/b/')).toBe('b');
    expect(baseName('a/c d.txt')).toBe('c d.txt');
    expect(baseName('a//')).toBe('');
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
    expect(nameProblem('tab\there')).toMatch(/control characters/);
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

describe('selections', () => {
  it('drops repeats and keys inside a picked folder', () => {
    expect(normalizeSelection(['a/', 'a/x', 'b', 'b', 'a/y/', 'ab'])).toEqual(['a/', 'b', 'ab']);
  });

  it('plans where each item goes, keeping its name', () => {
    expect(planTransfer(['src/a.txt', 'src/dir/'], 'dst/', 'copy')).toEqual([
      { itemKey: 'src/a.txt', targetKey: 'dst/a.txt' },
      { itemKey: 'src/dir/', targetKey: 'dst/dir/' },
    ]);
    expect(targetKeyFor('src/dir/deep/f', { itemKey: 'src/dir/', targetKey: 'dst/dir/' })).toBe('dst/dir/deep/f');
    expect(planTransfer(['src/a.txt'], '', 'move')).toEqual([{ itemKey: 'src/a.txt', targetKey: 'a.txt' }]);
  });

  it('refuses moving a folder into itself or an item onto itself', () => {
    expect(codeOf(() => planTransfer(['a/'], 'a/', 'move'))).toBe('InvalidInput');
    expect(codeOf(() => planTransfer(['a/'], 'a/b/c/', 'move'))).toBe('InvalidInput');
    expect(codeOf(() => planTransfer(['a/x.txt'], 'a/', 'copy'))).toBe('InvalidInput');
    // A sibling whose name merely starts the same is not "inside".
    expect(codeOf(() => planTransfer(['a/'], 'ab/', 'move'))).toBeUndefined();
  });

  it('renames within the parent folder', () => {
    expect(planRename('p/old.txt', 'new.txt')).toEqual({ itemKey: 'p/old.txt', targetKey: 'p/new.txt' });
    expect(planRename('p/dir/', 'other')).toEqual({ itemKey: 'p/dir/', targetKey: 'p/other/' });
    expect(codeOf(() => planRename('p/dir/', 'dir'))).toBe('InvalidInput');
    expect(codeOf(() => planRename('p/a', 'b/c'))).toBe('InvalidInput');
  });
});
