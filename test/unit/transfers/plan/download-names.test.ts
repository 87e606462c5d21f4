import { describe, expect, it } from 'vitest';
import { defaultEngineOptions } from '../../../../src/main/core/transfers/queue/engine-options';
import { mapToLocal } from '../../../../src/main/core/transfers/plan/download-planner';
import { parentPrefix } from '../../../../src/shared/model/keys';
import type { PlanProblem } from '../../../../src/shared/model/transfer';

describe('download names', () => {
  const options = { ...defaultEngineOptions, nameRules: 'win32' as const };

  it('cuts the chosen folder’s parent off, so the folder’s own name comes first', () => {
    expect(parentPrefix('public/media/')).toBe('public/');
    expect(parentPrefix('public/a.jpg')).toBe('public/');
    expect(parentPrefix('a.jpg')).toBe('');
    expect(parentPrefix('/leading.txt')).toBe('/');
  });

  it('numbers keys that would land on one file, or a file where a folder must go', () => {
    const problems: PlanProblem[] = [];
    const listed = [
      { key: 'm/A.jpg', base: '', size: 1, etag: null },
      { key: 'm/a.jpg', base: '', size: 1, etag: null },
      { key: 'm/x', base: '', size: 1, etag: null },
      { key: 'm/x/inner.txt', base: '', size: 1, etag: null },
      { key: 'm/con', base: '', size: 1, etag: null },
      { key: 'm/empty/', base: '', size: 0, etag: null },
      { key: 'm/bad/', base: '', size: 3, etag: null },
      { key: '///', base: '', size: 1, etag: null },
    ];
    const mapped = mapToLocal(listed, 'C:\\dl', options, problems);
    expect(mapped.map((m) => [m.name, m.renamed, m.folderMarker])).toEqual([
      ['m/A.jpg', false, false],
      ['m/a (1).jpg', true, false],
      ['m/x (1)', true, false],
      ['m/x/inner.txt', false, false],
      ['m/_con', true, false],
      ['m/empty', false, true],
    ]);
    expect(mapped[0]?.localPath).toBe('C:\\dl\\m\\A.jpg');
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['m/bad/', 'BadName'],
      ['///', 'BadName'],
    ]);
  });
});
