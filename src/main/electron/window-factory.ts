import { BrowserWindow } from 'electron';
import type { WindowState } from '../core/app/window-state';
import { minWindowSize } from '../core/app/window-state';
import type { Logger } from '../core/logger';
import { secureWebPreferences } from './web-preferences';
import type { WindowRegistry } from './window-registry';

export interface MainWindowOptions {
  /** Absolute path of the bundled CommonJS preload. */
  preloadPath: string;
  /** Where the renderer is: `app://bundle/index.html`, or the dev server under `electron-vite dev`. */
  url: string;
  registry: WindowRegistry;
  devTools: boolean;
  logger: Logger;
  /** Where to open (`placeWindow`: the remembered place, clamped to the displays there are now). */
  placement: WindowState;
}

/** The one place a BrowserWindow is created, so every window gets the same secure preferences. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...options.placement.bounds,
    minWidth: minWindowSize.width,
    minHeight: minWindowSize.height,
    title: 'Bucket Admin',
    // Shown once painted, so the user never sees a blank white frame.
    show: false,
    webPreferences: secureWebPreferences(options.preloadPath, { devTools: options.devTools }),
  });
  // Registered before loading so the very first IPC call from the page is already trusted.
  options.registry.track(window.webContents);
  window.once('ready-to-show', () => {
    if (options.placement.maximized) window.maximize();
    window.show();
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    options.logger.error('The window process stopped', details);
  });
  window.loadURL(options.url).catch((error: unknown) => {
    options.logger.error(`Could not load the app page ${options.url}`, error);
  });
  return window;
}
