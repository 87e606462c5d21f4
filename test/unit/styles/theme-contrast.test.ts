import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// WCAG AA for both themes, read from the one token file: every light-dark() pair is checked in
// its own theme. Text: 4.5:1; large text and UI parts (focus ring, badges' words) 3:1 or more.
const css = readFileSync('src/renderer/styles/tokens.css', 'utf8');
const tokens = new Map<string, [string, string]>();
for (const m of css.matchAll(/(--[\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi))
  tokens.set(m[1] ?? '', [m[2] ?? '', m[3] ?? '']);

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** [foreground, background, minimum ratio] as the stylesheets pair them. */
const pairs: Array<[string, string, number]> = [
  ['--text', '--bg', 4.5],
  ['--text', '--bg-sidebar', 4.5],
  ['--text', '--bg-subtle', 4.5],
  ['--text', '--bg-hover', 4.5],
  ['--text', '--bg-selected', 4.5],
  ['--text-muted', '--bg', 4.5],
  ['--text-muted', '--bg-sidebar', 4.5],
  ['--text-muted', '--bg-subtle', 4.5],
  ['--accent-text', '--accent', 4.5],
  ['--accent', '--bg', 4.5],
  ['--danger', '--bg', 4.5],
  ['--danger', '--danger-bg', 4.5],
  ['--success', '--bg', 4.5],
  ['--success', '--success-bg', 4.5],
  ['--public', '--public-bg', 4.5],
  ['--private', '--private-bg', 4.5],
  ['--focus', '--bg', 3],
  ['--border-strong', '--bg', 1.4],
];

describe('theme tokens', () => {
  it.each(['light', 'dark'] as const)('meet WCAG AA contrast in the %s theme', (theme) => {
    const at = theme === 'light' ? 0 : 1;
    const failing = pairs
      .map(([fg, bg, min]) => ({ pair: `${fg} on ${bg}`, ratio: contrast(tokens.get(fg)?.[at] ?? '', tokens.get(bg)?.[at] ?? ''), min }))
      .filter((p) => !(p.ratio >= p.min))
      .map((p) => `${p.pair}: ${p.ratio.toFixed(2)} < ${p.min}`);
    expect(failing).toEqual([]);
  });
});
