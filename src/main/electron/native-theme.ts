import { nativeTheme } from 'electron';
import type { ThemePort } from '../core/app/theme-port';

/**
 * The theme setting applied to Electron itself: `themeSource` 'system' follows the OS, 'light'
 * and 'dark' override it for native menus, dialogs, the title bar and the page's
 * `prefers-color-scheme` (https://www.electronjs.org/docs/latest/api/native-theme).
 */
export const nativeThemePort: ThemePort = {
  apply(theme) {
    nativeTheme.themeSource = theme;
  },
};
