import { readBundleFile, type BundleFile } from '../core/http/bundle-files';

/**
 * Reads a bundle file for the browser host; undefined when the path would leave `root` (`..`,
 * encoded dots, backslashes, NUL) or names nothing. `/` and unknown routes without an extension
 * fall back to index.html (client routes).
 */
export async function readStaticFile(root: string, urlPath: string): Promise<BundleFile | undefined> {
  return (await readBundleFile(root, urlPath, { clientRoutes: true })) ?? undefined;
}
