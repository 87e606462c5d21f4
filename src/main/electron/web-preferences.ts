import type { WebPreferences } from 'electron';

export interface WebPreferenceOptions {
  /** DevTools only in development builds; a packaged app gives users no console to paste into. */
  devTools?: boolean;
}

/**
 * The one set of `webPreferences` every window uses, written out in full so a review can see
 * each choice instead of trusting Electron's defaults (which have changed between versions).
 */
export function secureWebPreferences(preloadPath: string, options: WebPreferenceOptions = {}): WebPreferences {
  return {
    preload: preloadPath,
    // The renderer is untrusted: OS sandbox, separate JS world for the preload, no Node anywhere.
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // A file dropped outside a drop zone must not replace the app with a file:// page.
    navigateOnDragDrop: false,
    // Hunspell dictionaries are downloaded from a Google CDN on Windows/Linux; the app stays offline.
    spellcheck: false,
    // Lets the user stop a page that loops on alert().
    safeDialogs: true,
    autoplayPolicy: 'user-gesture-required',
    // Only Chromium's built-in PDF viewer is a plugin in Electron 45; PDF previews need it.
    // CSP object-src 'none' still keeps <object>/<embed> out; frames reach only our own route.
    plugins: true,
    devTools: options.devTools ?? false,
  };
}
