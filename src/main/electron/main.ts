import path from 'node:path';
import { app, BrowserWindow, clipboard, dialog, Menu, Notification, safeStorage, screen } from 'electron';
import type { CommandId } from '../../shared/commands/command-table';
import { placeWindow } from '../core/app/window-state';
import { createAppCore } from '../core/app-core';
import { createDemoGateway } from '../local-gateway/demo-gateway';
import type { Logger } from '../core/logger';
import { registerAppScheme, serveBundle } from './app-protocol';
import { configureAppPaths, coreDataDir } from './app-paths';
import { openFileLogger } from './file-logger';
import { logsFolderPort } from './reveal-folder';
import { nativeThemePort } from './native-theme';
import { createDragOutPort } from './drag-out';
import { bindIpc, pushToWindow } from './ipc-binding';
import { buildMenuTemplate } from './menu';
import { appOrigin, previewOrigin } from './origin';
import { createElectronClipboard } from './electron-clipboard';
import { createElectronDialogs } from './electron-dialogs';
import { showTransfersOnTaskbar } from './transfer-taskbar';
import { createSafeStorageSecretStore } from './safe-storage-secret-store';
import { applySecurityRestrictions } from './security-restrictions';
import { createMainWindow } from './window-factory';
import { rememberWindowState } from './window-state-tracker';
import { createWindowRegistry } from './window-registry';

// Built layout: out/main/index.js, out/preload/index.cjs, out/renderer/index.html.
const outDir = path.join(import.meta.dirname, '..');
const preloadPath = path.join(outDir, 'preload', 'index.cjs');
const bundleDir = path.join(outDir, 'renderer');

/** The dev server URL electron-vite passes under `dev`; never honoured in a packaged app. */
function devServerUrl(): string | null {
  const url = process.env['ELECTRON_RENDERER_URL'];
  return !app.isPackaged && url ? url : null;
}

/** Starts the app: paths, single instance, security policy, then core, IPC and the window. */
export function startApp(): void {
  configureAppPaths(app, process.env);
  if (!app.requestSingleInstanceLock()) {
    app.quit(); // the first instance gets 'second-instance' and comes to the front
    return;
  }
  // Sandbox every renderer, even one created by a future code path that forgets the factory.
  app.enableSandbox();
  registerAppScheme();

  const devUrl = devServerUrl();
  const rendererOrigin = devUrl ? new URL(devUrl).origin : appOrigin;
  const rendererUrl = devUrl ?? `${appOrigin}/index.html`;
  const log = openFileLogger(app.getPath('logs'));
  applySecurityRestrictions(rendererOrigin, (error) => log.logger.error('Could not open a link', error));

  app.on('window-all-closed', () => {
    // macOS apps stay active without windows until the user quits explicitly.
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => onReady({ rendererOrigin, rendererUrl, logger: log.logger, closeLog: log.close, logPath: log.logPath }))
    .catch((error: unknown) => fatal(log.logger, log.logPath, error));
}

interface ReadyOptions {
  rendererOrigin: string;
  rendererUrl: string;
  logger: Logger;
  closeLog: () => Promise<void>;
  logPath: string;
}

function onReady({ rendererOrigin, rendererUrl, logger, closeLog, logPath }: ReadyOptions): void {
  logger.info('Starting', { version: app.getVersion(), platform: process.platform, rendererOrigin });
  let core: ReturnType<typeof createAppCore>;
  try {
    core = createAppCore({
      dataDir: coreDataDir(app),
      // After 'ready': only then does safeStorage know the Linux keyring backend.
      secretStore: createSafeStorageSecretStore(safeStorage, process.platform),
      host: 'electron',
      version: app.getVersion(),
      logger,
      clipboard: createElectronClipboard(clipboard),
      dialogs: createElectronDialogs(dialog, () => BrowserWindow.getFocusedWindow()),
      previewBase: previewOrigin,
      logs: logsFolderPort(path.dirname(logPath)),
      // Native menus and dialogs follow the Settings theme, as the page does.
      theme: nativeThemePort,
      dragOut: createDragOutPort(() => BrowserWindow.getFocusedWindow()?.webContents ?? null),
      dataFolderHint:
        // The app keeps its files in <BUCKET_ADMIN_DATA_DIR>/data (app-paths.ts), so the variable names the folder above this one.
        'Quit the app, make a new folder and move this “data” folder into it, then start the app with BUCKET_ADMIN_DATA_DIR set to the new folder (your connections and settings go with it).',
      demoGateway: createDemoGateway({
        stateFile: path.join(coreDataDir(app), 'demo', 'gateway.json'),
        // From a checkout the demo can install the gateway with the tests' preflight; a packaged app explains instead.
        ...(app.isPackaged ? {} : { preflightScript: path.join(app.getAppPath(), 'scripts', 'preflight.sh') }),
      }),
    });
    // `npm run demo`: start the demo at once; the window opens its bucket when it is ready.
    if (process.env['BUCKET_ADMIN_DEMO'] === '1') void core.router.handle('demo:start', {});
  } catch (error) {
    fatal(logger, logPath, error);
    return;
  }
  serveBundle(bundleDir, core.objects, rendererOrigin);

  const registry = createWindowRegistry();
  const unbind = bindIpc({ core, registry, rendererOrigin, logger });
  const stopTaskbar = showTransfersOnTaskbar(core, () => BrowserWindow.getAllWindows(), {
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    windowFocused: () => BrowserWindow.getFocusedWindow() !== null,
  });
  const openWindow = (): BrowserWindow => {
    const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
    const placement = placeWindow(core.windowState.load(), workAreas);
    const window = createMainWindow({ preloadPath, url: rendererUrl, registry, devTools: !app.isPackaged, logger, placement });
    rememberWindowState(window, (state) => core.windowState.save(state));
    return window;
  };
  let mainWindow = openWindow();

  // Menu commands go to the focused window (or the main one) as `app:command`, like any push event.
  const runCommand = (id: CommandId): void => {
    const target = BrowserWindow.getFocusedWindow() ?? (mainWindow.isDestroyed() ? null : mainWindow);
    if (target) pushToWindow(target.webContents, rendererOrigin, 'app:command', { id });
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({ platform: process.platform, appName: app.getName(), onCommand: runCommand, devTools: !app.isPackaged }),
    ),
  );

  app.on('second-instance', () => {
    if (mainWindow.isDestroyed()) mainWindow = openWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow();
  });
  app.on('will-quit', () => {
    unbind();
    stopTaskbar();
    core.close();
    logger.info('Stopped');
    void closeLog();
  });
}

/** Startup failed before there is a window to report in: tell the user where the details are. */
function fatal(logger: Logger, logPath: string, error: unknown): void {
  logger.error('Startup failed', error);
  const reason = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox(
    'Bucket Admin could not start',
    `${reason}\n\nDetails are in the log: ${logPath}\nTry again; if it keeps failing, send that log file with your report.`,
  );
  app.exit(1);
}
