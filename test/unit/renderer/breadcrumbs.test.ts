import { describe, expect, it } from 'vitest';
import { breadcrumbSegments } from '../../../src/renderer/features/browser/breadcrumbs';
import { parentPrefix } from '../../../src/shared/model/keys';

describe('breadcrumbSegments', () => {
  it('is just the bucket at the top level', () => {
    expect(breadcrumbSegments('media', '')).toEqual([{ label: 'media', prefix: '' }]);
  });

  it('adds one crumb per folder, each opening its own prefix', () => {
    expect(breadcrumbSegments('media', 'public/photos/2024/')).toEqual([
      { label: 'media', prefix: '' },
      { label: 'public', prefix: 'public/' },
      { label: 'photos', prefix: 'public/photos/' },
      { label: '2024', prefix: 'public/photos/2024/' },
    ]);
  });

  it('keeps empty segments, which S3 allows', () => {
    expect(breadcrumbSegments('b', 'a//c/').map((c) => c.prefix)).toEqual(['', 'a/', 'a//', 'a//c/']);
  });

  it('ignores a trailing part that is not a folder', () => {
    expect(breadcrumbSegments('b', 'a/file').map((c) => c.label)).toEqual(['b', 'a']);
  });
});

describe('parentPrefix', () => {
  it('goes one folder up', () => {
    expect(parentPrefix('public/media/')).toBe('public/');
    expect(parentPrefix('public/')).toBe('');
    expect(parentPrefix('')).toBe('');
  });
});
