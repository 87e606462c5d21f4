import type { ThemeChoice } from '../../../shared/model/settings';
import type { SettingsListener } from '../settings/settings-service';

/**
 * Where the host applies the theme setting outside the page. Electron sets
 * `nativeTheme.themeSource` (`electron/native-theme.ts`), so native menus, dialogs and the
 * window frame follow the same choice as the renderer's tokens; the browser host has nothing to
 * set (the page follows the setting itself).
 */
export interface ThemePort {
  apply(theme: ThemeChoice): void;
}

/** The slice of `SettingsService` the theme follows. */
export interface ThemeSettingsSource {
  readonly settings: { theme: ThemeChoice };
  onChange(listener: SettingsListener): () => void;
}

/**
 * Applies the stored theme now and every change of it as it is saved (no restart). Other
 * settings' changes leave the port alone, so the native theme is set only when it changes.
 * Returns the unsubscribe.
 */
export function followThemeSetting(settings: ThemeSettingsSource, port: ThemePort): () => void {
  port.apply(settings.settings.theme);
  return settings.onChange((changed) => {
    if (changed.theme !== undefined) port.apply(changed.theme);
  });
}
