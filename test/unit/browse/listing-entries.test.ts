import { describe, expect, it } from 'vitest';
import { buildEntries } from '../../../src/main/core/browse/listing-entries';

describe('folder rows', () => {
  it('shows common prefixes as folders and objects as files, the folder itself not at all', () => {
    const rows = buildEntries('a/', {
      commonPrefixes: ['a/b/', 'a//'],
      contents: [
        { key: 'a/', size: 0 },
        { key: 'a/x.txt', size: 3, lastModified: new Date('2026-01-02T03:04:05Z'), etag: '"e"', storageClass: 'STANDARD' },
      ],
    });
    expect(rows).toEqual([
      { kind: 'folder', key: 'a/b/', name: 'b/' },
      { kind: 'folder', key: 'a//', name: '/' },
      {
        kind: 'object',
        key: 'a/x.txt',
        name: 'x.txt',
        size: 3,
        lastModified: '2026-01-02T03:04:05.000Z',
        etag: '"e"',
        storageClass: 'STANDARD',
      },
    ]);
  });

  it('shows a placeholder listed as an object once, as its folder', () => {
    const rows = buildEntries('a/', {
      commonPrefixes: ['a/b/'],
      contents: [
        { key: 'a/b/', size: 0 },
        { key: 'a/c/', size: 0 },
        { key: 'a/c/deep.txt', size: 1 },
      ],
    });
    expect(rows).toEqual([
      { kind: 'folder', key: 'a/b/', name: 'b/' },
      { kind: 'folder', key: 'a/c/', name: 'c/' },
    ]);
  });

  it('keeps odd names exactly and ignores keys outside the prefix', () => {
    const rows = buildEntries('', {
      commonPrefixes: ['/', 'p/', 'p/'],
      contents: [
        { key: 'trail ', size: 1 },
        { key: 'trail ', size: 1 },
      ],
    });
    expect(rows.map((r) => r.key)).toEqual(['/', 'p/', 'trail ']);
    expect(buildEntries('p/', { commonPrefixes: ['q/'], contents: [{ key: 'q', size: 1 }] })).toEqual([]);
  });
});
