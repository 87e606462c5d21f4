import { describe, expect, it } from 'vitest';
import { compareKeys, prefixEnd } from '../../../src/main/core/index/key-order';

describe('keys in S3 listing order', () => {
  it('compares by UTF-8 bytes, not UTF-16 code units', () => {
    // U+FF5E (3 UTF-8 bytes, EF BD 9E) sorts before U+1F600 (F0 9F 98 80); as UTF-16 it sorts after.
    expect(['\u{1f600}', '\u{ff5e}'].sort()).toEqual(['\u{1f600}', '\u{ff5e}']);
    expect(compareKeys('\u{ff5e}', '\u{1f600}')).toBeLessThan(0);
    expect(compareKeys('a/b', 'a/b')).toBe(0);
  });

  it('bounds a prefix: every key under it sorts before prefixEnd, and the next key outside does not', () => {
    expect(prefixEnd('a/')).toBe('a0');
    expect(prefixEnd('')).toBeNull();
    const under = ['photos/', 'photos/\u{10fff0}', 'photos/~~~~'];
    for (const key of under) expect(compareKeys(key, prefixEnd('photos/') ?? '')).toBeLessThan(0);
    expect(compareKeys('photos0', prefixEnd('photos/') ?? '')).toBe(0);
    expect(prefixEnd('x\u{d7ff}')).toBe('x\u{e000}');
  });
});
