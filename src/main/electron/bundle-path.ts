import { readBundleFile, resolveBundlePathname, type BundleFile } from '../core/http/bundle-files';
import { appHost, appScheme } from './origin';

/** The URL path of an `app://bundle/...` request, or null for any other scheme or host. */
function bundlePathname(requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  return url.protocol === `${appScheme}:` && url.host === appHost ? url.pathname : null;
}

/**
 * Maps an `app://bundle/...` request to a file inside the renderer bundle, or null.
 * Pure so the refusal rules (traversal, encoded dots, absolute paths) are tested without Electron.
 */
export function resolveBundlePath(bundleDir: string, requestUrl: string): string | null {
  const pathname = bundlePathname(requestUrl);
  return pathname === null ? null : resolveBundlePathname(bundleDir, pathname);
}

/** The bundle file an `app://bundle/...` request names, with its type; null when refused or missing. */
export async function readAppBundleFile(bundleDir: string, requestUrl: string): Promise<BundleFile | null> {
  const pathname = bundlePathname(requestUrl);
  return pathname === null ? null : readBundleFile(bundleDir, pathname);
}
