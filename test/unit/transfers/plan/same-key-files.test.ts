import { describe, expect, it } from 'vitest';
import { splitSameKeyFiles } from '../../../../src/main/core/transfers/plan/same-key-files';

const f = (absPath: string, key: string) => ({ absPath, key });

describe('local files that would become one key', () => {
  it('keeps the first and reports each later one, naming both files and the key', () => {
    const { kept, problems } = splitSameKeyFiles([
      f('/a/photos/a.txt', 'p/photos/a.txt'),
      f('/a/photos/b.txt', 'p/photos/b.txt'),
      f('/b/photos/a.txt', 'p/photos/a.txt'),
      f('/c/photos/a.txt', 'p/photos/a.txt'),
    ]);
    expect(kept.map((k) => k.absPath)).toEqual(['/a/photos/a.txt', '/a/photos/b.txt']);
    expect(problems).toEqual([
      {
        path: '/b/photos/a.txt',
        code: 'SameKey',
        message: expect.stringMatching(
          /^\/b\/photos\/a\.txt and \/a\/photos\/a\.txt would both be uploaded as “p\/photos\/a\.txt”, so this one was left out\./,
        ) as string,
      },
      { path: '/c/photos/a.txt', code: 'SameKey', message: expect.stringContaining('/c/photos/a.txt and /a/photos/a.txt') as string },
    ]);
  });

  it('treats keys that differ only in case or in Unicode form as different (S3 keys are byte strings)', () => {
    const { kept, problems } = splitSameKeyFiles([
      f('/a/A.txt', 'p/A.txt'),
      f('/a/a.txt', 'p/a.txt'),
      f('/a/\u00e9', 'p/\u00e9'),
      f('/a/e\u0301', 'p/e\u0301'),
    ]);
    expect(kept).toHaveLength(4);
    expect(problems).toEqual([]);
  });
});
