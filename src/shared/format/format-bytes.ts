const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;

/** The convention, in words, for the UI's help: every size the app shows uses it. */
export const sizeConvention = 'Sizes use binary units: 1 KiB = 1,024 bytes, 1 MiB = 1,024 KiB, 1 GiB = 1,024 MiB.';

/**
 * A byte count for people: "0 B", "999 B", "1.5 KiB", "12 MiB", "3.4 GiB" (powers of 1024,
 * named with the IEC units so "KiB" means the same here as in the upload-link limits; one
 * decimal below 10 so small sizes keep some precision). Anything that is not a size gives "—".
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let index = 0;
  // Also step up when rounding would print "1024 KB" instead of "1 MB".
  while (index < units.length - 1 && round(value, index) >= 1024) {
    value /= 1024;
    index++;
  }
  return `${round(value, index)} ${units[index] ?? 'B'}`;
}

function round(value: number, unitIndex: number): number {
  const digits = unitIndex > 0 && value < 10 ? 1 : 0;
  return Number(value.toFixed(digits));
}
