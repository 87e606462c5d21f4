import { describe, expect, it } from 'vitest';
import { hasHiddenCharacters, nameParts } from '../../../src/renderer/ui/name-parts';

describe('nameParts', () => {
  it('shows plain names as they are', () => {
    expect(nameParts('a + b % c # d ? e & f.txt')).toEqual([{ kind: 'text', text: 'a + b % c # d ? e & f.txt' }]);
    expect(hasHiddenCharacters('日本語 ファイル.txt')).toBe(false);
  });

  it('marks a trailing and a leading space', () => {
    expect(nameParts('report.pdf ')).toEqual([
      { kind: 'text', text: 'report.pdf' },
      { kind: 'mark', text: '␣', title: 'Ends with 1 space' },
    ]);
    expect(nameParts('  x')[0]).toEqual({ kind: 'mark', text: '␣␣', title: 'Starts with 2 spaces' });
  });

  it('marks empty names and control characters', () => {
    expect(nameParts('')).toEqual([expect.objectContaining({ kind: 'mark', text: '(empty name)' })]);
    expect(nameParts('a\tb')).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'mark', text: '\\u0009', title: 'Control character U+0009' },
      { kind: 'text', text: 'b' },
    ]);
  });

  it('marks a name that is only spaces', () => {
    expect(nameParts('   ')).toEqual([{ kind: 'mark', text: '␣␣␣', title: 'Starts with 3 spaces' }]);
  });
});
