import { describe, expect, it } from 'vitest';
import { parseRelativePath } from '../../../src/main/core/files/relative-path';

describe('relative paths of staged browser uploads', () => {
  it('accepts ordinary nested names', () => {
    expect(parseRelativePath('Shoot/raw/a b.mov')).toEqual(['Shoot', 'raw', 'a b.mov']);
    expect(parseRelativePath('ファイル.mp4')).toEqual(['ファイル.mp4']);
  });

  it.each([
    '',
    '/etc/passwd',
    'C:/x',
    'c:x',
    'a/../b',
    '../a',
    'a/./b',
    'a//b',
    'a/',
    'a\\b',
    'a\0b',
    'a\nb',
    'x'.repeat(256),
    `${'a/'.repeat(64)}b`,
  ])('refuses %j with a message that says what to do', (input) => {
    expect(() => parseRelativePath(input)).toThrow(/cannot be used: .+\. Rename it and try again\./);
  });
});
