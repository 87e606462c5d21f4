import type { WindowState } from '../core/app/window-state';

/** The slice of a BrowserWindow the tracker reads (structural, so no Electron import is needed). */
export interface TrackedWindow {
  getNormalBounds(): { x: number; y: number; width: number; height: number };
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
}

/**
 * Saves the window's normal bounds and maximized flag when they change (at most twice a second
 * while dragging) and once more as it closes. A minimized or full-screen window is not saved, so
 * the next launch opens it as the user last arranged it.
 */
export function rememberWindowState(window: TrackedWindow, save: (state: WindowState) => void): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const saveNow = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (window.isMinimized() || window.isFullScreen()) return;
    save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  };
  const soon = () => {
    timer ??= setTimeout(saveNow, 500);
  };
  for (const event of ['resize', 'move'] as const) window.on(event, soon);
  for (const event of ['maximize', 'unmaximize', 'close'] as const) window.on(event, saveNow);
}
