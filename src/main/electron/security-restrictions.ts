import { app, type Session, type WebContents } from 'electron';
import { sameOrigin } from './origin';
import { isSafeExternalUrl, safeOpenExternal } from './safe-open-external';

/** Permissions the renderer may use: writing (sanitised) text to the clipboard, for copy-link. */
const allowedPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** True only for permissions on the allow list; camera, geolocation, notifications… are denied. */
export function isPermissionAllowed(permission: string): boolean {
  return allowedPermissions.has(permission);
}

/**
 * Locks down every webContents the app ever creates, including ones we did not plan for:
 * no navigation away from our renderer, no new windows, no webviews, no permissions beyond
 * the allow list. Call once, before the first window.
 */
export function applySecurityRestrictions(rendererOrigin: string, onError: (error: unknown) => void): void {
  app.on('web-contents-created', (_event, contents) => {
    restrictContents(contents, rendererOrigin, onError);
    restrictSession(contents.session);
  });
}

function restrictContents(contents: WebContents, rendererOrigin: string, onError: (error: unknown) => void): void {
  const openOutside = (url: string): void => {
    if (isSafeExternalUrl(url)) safeOpenExternal(url).catch(onError);
  };
  // A link or script pointing elsewhere would turn our privileged window into a browser.
  contents.on('will-navigate', (event, url) => {
    if (sameOrigin(url, rendererOrigin)) return;
    event.preventDefault();
    openOutside(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!sameOrigin(url, rendererOrigin)) event.preventDefault();
  });
  // New windows would get our preload's defaults; web links go to the user's browser instead.
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function restrictSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}
