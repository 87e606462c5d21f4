import type { ThemeChoice } from '../../../shared/model/settings';

/** Where this window remembers the last theme it was given, so the next load paints in it at once. */
const storageKey = 'bucketAdmin.theme';

/**
 * Applies the Settings theme to the page: `system` removes `data-theme` (the tokens follow
 * prefers-color-scheme), `light`/`dark` pin it (styles/tokens.css). Remembered locally only as a
 * start-up hint; the setting itself lives in state.sqlite.
 */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  try {
    window.localStorage.setItem(storageKey, choice);
  } catch {
    // Storage refused (a locked-down profile): the theme still applies once settings load.
  }
}

/** Before the first render: the theme the last run used, so a pinned theme does not flash the system one. */
export function applyRememberedTheme(root: HTMLElement = document.documentElement): void {
  let remembered: string | null;
  try {
    remembered = window.localStorage.getItem(storageKey);
  } catch {
    return;
  }
  if (remembered === 'light' || remembered === 'dark') root.dataset.theme = remembered;
}
