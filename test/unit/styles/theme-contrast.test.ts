import { describe, expect, it } from 'vitest';
import { themeTokens, themeCases, type ThemeTokens } from './theme-tokens';
import { contrastRatio } from './wcag-contrast';

// WCAG 2.1 AA for both themes, read from the one token file, in each way a theme is reached (the
// system's scheme, or Settings pinning one against it). Text 4.5:1 (1.4.3); the focus ring 3:1
// against what it is drawn on (1.4.11). Disabled controls are exempt from 1.4.3, but people still
// read them to learn what they could do, so disabled text keeps 3:1.

/** Every neutral surface text sits on: panes, the sidebar, toolbars and cards, hovered and selected rows. */
const surfaces = ['--bg', '--bg-sidebar', '--bg-subtle', '--bg-hover', '--bg-selected'];

/**
 * Text colours that appear on any surface: body, hints and sizes (also in hovered and selected
 * rows), links (breadcrumbs, hovered), and status words (a danger menu item highlighted, a
 * public row's label, a copied ✓ in the inspector's sidebar).
 */
const textOnSurfaces = ['--text', '--text-muted', '--link', '--danger', '--success', '--public', '--private'];

/** Status tints (banners, badges, notes) with the words drawn on them. */
const tints: Array<[string, string[]]> = [
  ['--danger-bg', ['--danger', '--text', '--text-muted']],
  ['--success-bg', ['--success', '--text', '--text-muted']],
  ['--public-bg', ['--public', '--text', '--text-muted']],
  ['--private-bg', ['--private', '--text', '--text-muted']],
];

interface Check {
  pair: string;
  ratio: number;
  min: number;
}

function checks(t: ThemeTokens): Check[] {
  const out: Check[] = [];
  const add = (pair: string, ratio: number, min: number) => out.push({ pair, ratio, min });
  const plain = (fg: string, bg: string, min: number) => add(`${fg} on ${bg}`, contrastRatio(t.colour(fg), t.colour(bg)), min);

  for (const bg of surfaces) for (const fg of textOnSurfaces) plain(fg, bg, 4.5);
  for (const [bg, fgs] of tints) for (const fg of fgs) plain(fg, bg, 4.5);
  // Fields are drawn in --bg (fields.css, the palette's input); the placeholder is their hint.
  plain('--text-placeholder', '--bg', 4.5);
  // Button words on their fills, at rest and hovered.
  for (const fill of ['--accent', '--accent-strong']) plain('--accent-text', fill, 4.5);
  for (const fill of ['--danger', '--danger-strong']) plain('--danger-text', fill, 4.5);
  // The outline is offset 2px, so it is drawn on the surface around the control, never on its fill.
  for (const bg of surfaces) plain('--focus', bg, 3);
  // Field and button borders: the existing floor, a visible edge next to the label.
  plain('--border-strong', '--bg', 1.4);

  // Disabled controls draw their words in --text-disabled on a surface (a disabled .btn of any
  // variant is filled with --bg-subtle), not by fading the control with opacity: a faded primary
  // button would need 84% opacity to keep 3:1, and then it no longer looks disabled.
  for (const bg of surfaces) plain('--text-disabled', bg, 3);
  const muted = contrastRatio(t.colour('--text-muted'), t.colour('--bg'));
  add('--text-disabled on --bg, fainter than --text-muted', muted - contrastRatio(t.colour('--text-disabled'), t.colour('--bg')), 0.5);
  return out;
}

describe('theme tokens', () => {
  it.each(themeCases.map((c) => [c.label, c] as const))('meet WCAG AA contrast in %s', (_label, theme) => {
    const failing = checks(themeTokens(theme))
      .filter((c) => !(c.ratio >= c.min))
      .map((c) => `${c.pair}: ${c.ratio.toFixed(2)} < ${c.min}`);
    expect(failing).toEqual([]);
  });

  it('follow the system unless Settings pins a theme, and the pin wins against the system', () => {
    expect(themeCases.map((c) => themeTokens(c).scheme)).toEqual(['light', 'dark', 'light', 'dark']);
    const [light, dark] = [themeTokens({ label: 'light', system: 'light' }), themeTokens({ label: 'dark', system: 'dark' })];
    // A token that is the same in both themes is fine; most must differ, or the dark theme is not there.
    const differing = surfaces.filter((s) => JSON.stringify(light.colour(s)) !== JSON.stringify(dark.colour(s)));
    expect(differing).toEqual(surfaces);
  });
});
