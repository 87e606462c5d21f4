import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/shared/format/format-bytes';

describe('formatBytes', () => {
  it('shows small sizes in bytes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1)).toBe('1 B');
    expect(formatBytes(1023)).toBe('1023 B');
  });

  it('keeps one decimal below 10 and none above', () => {
    expect(formatBytes(1024)).toBe('1 KiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(12 * 1024 * 1024)).toBe('12 MiB');
    expect(formatBytes(3.44 * 1024 ** 3)).toBe('3.4 GiB');
  });

  it('steps up a unit instead of printing 1024 of the smaller one', () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe('1 MiB');
    expect(formatBytes(1023.7)).toBe('1 KiB');
  });

  it('handles the largest S3 object and beyond', () => {
    expect(formatBytes(5 * 1024 ** 4)).toBe('5 TiB');
    expect(formatBytes(2 ** 70)).toBe('1024 EiB');
  });

  it('gives a dash for values that are not sizes', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe('—');
  });
});
