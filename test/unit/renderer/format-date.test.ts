import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../src/renderer/format/format-date';

describe('formatDateTime', () => {
  it('formats in the given locale and time zone', () => {
    const text = formatDateTime('2025-03-12T13:05:00.000Z', 'en-GB', 'Europe/Berlin');
    expect(text).toContain('12 Mar 2025');
    expect(text).toContain('14:05');
  });

  it('gives a dash when the time is missing or unreadable', () => {
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('')).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });
});
