import { describe, expect, it } from 'vitest';
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
