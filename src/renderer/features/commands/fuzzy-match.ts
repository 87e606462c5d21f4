/**
 * A small fuzzy score for the palette: every query character must appear in order; earlier,
 * consecutive and word-start matches score higher. Null when it does not match. Pure.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.trim().toLowerCase();
  if (q === '') return 0;
  const t = text.toLowerCase();
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const char of q) {
    if (char === ' ') continue;
    const at = t.indexOf(char, from);
    if (at < 0) return null;
    score += at === previous + 1 ? 3 : 1;
    if (at === 0 || /[\s\-/(]/.test(t[at - 1] ?? '')) score += 2;
    score -= at * 0.01;
    previous = at;
    from = at + 1;
  }
  return score;
}

/** The items that match, best first (ties keep their order). */
export function fuzzyFilter<T>(items: readonly T[], query: string, text: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, score: fuzzyScore(query, text(item)) }))
    .filter((m): m is { item: T; index: number; score: number } => m.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((m) => m.item);
}
