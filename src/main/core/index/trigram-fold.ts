import { trigramFoldRuns } from './trigram-fold-table';

/** Each code point the trigram tokenizer folds, and what to. */
const foldOf = new Map<number, number>();
for (const [first, count, step, offset] of trigramFoldRuns)
  for (let i = 0; i < count; i += 1) foldOf.set(first + i * step, first + i * step + offset);

/**
 * Text as SQLite's trigram tokenizer sees it for matching: each code point case-folded by SQLite's
 * own table (Unicode 6.1's, which differs from JavaScript's toLowerCase on about 460 code points:
 * LONG S and KELVIN SIGN fold into ASCII, Cherokee and Georgian capitals do not fold at all).
 */
export function trigramFold(text: string): string {
  // ASCII: the tokenizer folds A–Z only, as toLowerCase does.
  if (isAscii(text)) return text.toLowerCase();
  let folded = '';
  for (const char of text) {
    const to = foldOf.get(char.codePointAt(0) ?? 0);
    folded += to === undefined ? char : String.fromCodePoint(to);
  }
  return folded;
}

/** Whether every character of `text` is ASCII. */
export function isAscii(text: string): boolean {
  return /^\p{ASCII}*$/u.test(text);
}

/**
 * Whether `key` contains `needle` as the trigram index matches it (case-insensitively, by the
 * tokenizer's folding). The index (detail=none since v8) keeps which keys hold each trigram, not
 * where, so its matches are candidates this checks.
 */
export function keyContains(key: string, needle: string): boolean {
  return trigramFold(key).includes(foldedNeedle(needle));
}

/** A query checks every candidate against one needle: folded once. */
let lastNeedle = { text: '', folded: '' };
function foldedNeedle(needle: string): string {
  if (lastNeedle.text !== needle) lastNeedle = { text: needle, folded: trigramFold(needle) };
  return lastNeedle.folded;
}

/**
 * A trigram-index query for the keys holding every trigram of `text` (three characters or more),
 * each quoted, so FTS syntax in a name is plain text. All of them, not just enough to cover the
 * text: the index steps through them together, led by the rarest, so each one more costs little
 * and makes the candidates that fail `keyContains` fewer.
 */
export function trigramQuery(text: string): string {
  const chars = Array.from(text);
  const terms = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i += 1) {
    const trigram = chars.slice(i, i + 3).join('');
    terms.add(`"${trigram.replace(/"/g, '""')}"`);
  }
  return [...terms].join(' AND ');
}
