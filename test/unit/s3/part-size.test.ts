import { describe, expect, it } from 'vitest';
import { choosePartSize, GiB, MiB, partCount, partRange, s3Limits } from '../../../src/main/core/s3/part-size';

describe('part size from file size', () => {
  it.each([
    [0, 16 * MiB],
    [1, 16 * MiB],
    [40 * MiB, 16 * MiB],
    [5 * GiB, 16 * MiB],
    [156 * GiB, 16 * MiB],
    [157 * GiB, 17 * MiB],
    [1024 * GiB, 105 * MiB],
    [s3Limits.maxObjectSize, 525 * MiB],
  ])('%d bytes → %d', (size, expected) => {
    const part = choosePartSize(size);
    expect(part).toBe(expected);
    expect(partCount(size, part)).toBeLessThanOrEqual(s3Limits.maxParts);
  });

  it('keeps every size within 5 MiB–5 GiB and 10,000 parts', () => {
    for (let size = 0; size <= s3Limits.maxObjectSize; size += 37 * GiB + 12_345) {
      for (const preferred of [1, 5 * MiB, 64 * MiB, 6 * GiB]) {
        const part = choosePartSize(size, preferred);
        expect(part).toBeGreaterThanOrEqual(s3Limits.minPartSize);
        expect(part).toBeLessThanOrEqual(s3Limits.maxPartSize);
        expect(partCount(size, part)).toBeLessThanOrEqual(s3Limits.maxParts);
      }
    }
  });

  it('refuses files over 5 TiB and nonsense sizes', () => {
    expect(() => choosePartSize(s3Limits.maxObjectSize + 1)).toThrow(/5 TiB/);
    expect(() => choosePartSize(-1)).toThrow(RangeError);
    expect(() => choosePartSize(1.5)).toThrow(RangeError);
  });

  it('splits a file into contiguous ranges, the last one short', () => {
    const size = 12 * MiB + 7;
    const ranges = Array.from({ length: partCount(size, 5 * MiB) }, (_, i) => partRange(i + 1, 5 * MiB, size));
    expect(ranges).toEqual([
      { start: 0, end: 5 * MiB, size: 5 * MiB },
      { start: 5 * MiB, end: 10 * MiB, size: 5 * MiB },
      { start: 10 * MiB, end: size, size: 2 * MiB + 7 },
    ]);
    expect(partCount(0, 5 * MiB)).toBe(1);
  });
});
