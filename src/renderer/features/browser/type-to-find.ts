/** How long typed letters keep adding to one search ("rep" for "report.pdf") before it restarts. */
export const typeAheadResetMs = 900;

export interface TypeAhead {
  buffer: string;
  /** When the last letter was typed (ms). */
  at: number;
}

export const emptyTypeAhead: TypeAhead = { buffer: '', at: 0 };

/** Adds a typed character, starting over when the user paused longer than the reset delay. */
export function typeAheadStep(prev: TypeAhead, char: string, now: number): TypeAhead {
  const fresh = now - prev.at > typeAheadResetMs;
  return { buffer: (fresh ? '' : prev.buffer) + char.toLowerCase(), at: now };
}

/** True while letters typed now would still extend the search (so Space is part of it). */
export function typeAheadActive(state: TypeAhead, now: number): boolean {
  return state.buffer !== '' && now - state.at <= typeAheadResetMs;
}

/**
 * The row to jump to: the first name starting with `buffer`, searching from the focused row
 * onwards and wrapping. Pressing one letter again ("r", "r") moves on to the next match, as file
 * managers do. Returns -1 when no name matches.
 */
export function findTypeAheadMatch(count: number, nameAt: (index: number) => string, buffer: string, focused: number): number {
  if (!buffer || count === 0) return -1;
  const repeated = buffer.length > 1 && buffer.split(buffer.charAt(0)).every((part) => part === '');
  const needle = repeated ? (buffer[0] ?? '') : buffer;
  // A fresh single letter or a repeated letter starts after the focused row; a longer word keeps
  // the focused row if it still matches ("re" → "rep" stays on "report.pdf").
  const start = needle.length === 1 ? focused + 1 : Math.max(focused, 0);
  for (let step = 0; step < count; step++) {
    const index = (((start + step) % count) + count) % count;
    if (nameAt(index).toLowerCase().startsWith(needle)) return index;
  }
  return -1;
}
