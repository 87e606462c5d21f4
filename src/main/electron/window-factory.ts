import { BrowserWindow } from 'electron';
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
}

/** The one place a BrowserWindow is created, so every window gets the same secure preferences. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 560,
    title: 'Bucket Admin',
    // Shown once painted, so the user never sees a blank white frame.
    show: false,
    webPreferences: secureWebPreferences(options.preloadPath, { devTools: options.devTools }),
  });
  // Registered before loading so the very first IPC call from the page is already trusted.
  options.registry.track(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.webContents.on('render-process-gone', (_event, details) => {
    options.logger.error('The window process stopped', details);
  });
  window.loadURL(options.url).catch((error: unknown) => {
    options.logger.error(`Could not load the app page ${options.url}`, error);
  });
  return window;
}
