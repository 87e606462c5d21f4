/**
 * Where our renderer lives. Production pages come from the privileged `app://bundle` scheme;
 * in development electron-vite serves them from a local dev server instead.
 */
export const appScheme = 'app';
export const appHost = 'bundle';
/** The one origin the packaged renderer runs at. */
export const appOrigin = `${appScheme}://${appHost}`;
/**
 * Object bytes for previews: the same scheme under another host, so another origin. A planted
 * object in a preview frame can neither touch the app's page nor reach `bucketAdmin`.
 */
export const previewHost = 'preview';
export const previewOrigin = `${appScheme}://${previewHost}`;

/**
 * True when `url` has the same scheme, host and port as `origin`.
 * Compares parts rather than `URL.origin` because Node reports `"null"` as the origin of
 * non-special schemes such as `app:`, which would make every app URL look alike.
 */
export function sameOrigin(url: string, origin: string): boolean {
  const a = parse(url);
  const b = parse(origin);
  if (!a || !b) return false;
  return a.protocol === b.protocol && a.host === b.host && a.host !== '';
}

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
