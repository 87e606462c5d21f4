import { describe, expect, it } from 'vitest';
import { planCopyParts } from '../../../src/main/core/objects/copy-parts';
import { GiB, MiB, s3Limits } from '../../../src/main/core/s3/part-size';

const { maxParts, maxPartSize: maxPartBytes, minPartSize: minPartBytes } = s3Limits;

function covers(size: number, parts: ReturnType<typeof planCopyParts>): boolean {
  return (
    parts.every((p, i) => p.partNumber === i + 1 && p.first === (i === 0 ? 0 : (parts[i - 1]?.last ?? -2) + 1)) &&
    parts.at(-1)?.last === size - 1
  );
}

describe('multipart copy parts', () => {
  it('splits into preferred-size parts with a smaller last part', () => {
    const parts = planCopyParts(12 * MiB, 5 * MiB);
    expect(parts).toEqual([
      { partNumber: 1, first: 0, last: 5 * MiB - 1 },
      { partNumber: 2, first: 5 * MiB, last: 10 * MiB - 1 },
      { partNumber: 3, first: 10 * MiB, last: 12 * MiB - 1 },
    ]);
  });

  it('never goes below 5 MiB parts', () => {
    const parts = planCopyParts(11 * MiB, 1 * MiB);
    expect(parts).toHaveLength(3);
    expect(parts[0]?.last).toBe(minPartBytes - 1);
  });

  it('uses 512 MiB parts for a just-over-5 GiB object by default', () => {
    const size = 5 * GiB + 1;
    const parts = planCopyParts(size);
    expect(parts).toHaveLength(11);
    expect(covers(size, parts)).toBe(true);
  });

  it('grows parts to stay within 10,000 for a 5 TiB object', () => {
    const size = 5 * 1024 * GiB;
    const parts = planCopyParts(size, 5 * MiB);
    expect(parts.length).toBeLessThanOrEqual(maxParts);
    expect((parts[0]?.last ?? 0) + 1).toBeLessThanOrEqual(maxPartBytes);
    expect(((parts[0]?.last ?? 0) + 1) % MiB).toBe(0);
    expect(covers(size, parts)).toBe(true);
  });

  it('refuses empty and oversized objects', () => {
    expect(() => planCopyParts(0)).toThrow(RangeError);
    expect(() => planCopyParts(5 * 1024 * GiB + 1)).toThrow(RangeError);
  });
});
