import type { ShareWarning } from '../../../shared/model/share';
import { hasDotSegments } from '../../../shared/model/keys';

/**
 * Whether a browser fetches a link to this key as it was made. The WHATWG URL parser (browsers,
 * Node's fetch; curl does the same) removes `.` and `..` path segments before sending, so a link
 * to `a/./b` asks for `a/b` (a presigned one then fails its signature with 403, a public one names
 * another object). Measured against the gateway, nothing else in a key is rewritten: the links
 * percent-encode `\`, `%`, `?`, `#`, spaces and control characters, which parsers leave alone,
 * and `%2e` stays `%252e`. Pure.
 */
export function browserFetchable(key: string): boolean {
  return !hasDotSegments(key);
}

/** The warning for a link a browser cannot open as made, or undefined. Pure. */
export function browserPathWarning(key: string, kind: 'get' | 'public' | 'put'): ShareWarning | undefined {
  if (browserFetchable(key)) return undefined;
  const effect =
    kind === 'public'
      ? 'so a browser asks for another key (another object, or none)'
      : 'so the server is asked for another path and refuses the signature (403)';
  const works =
    kind === 'put'
      ? 'The curl command sends the path as is (--path-as-is) and works.'
      : 'Tools that send the path as is (curl --path-as-is) still work.';
  return {
    code: 'BrowserRewritesPath',
    message: `Browsers cannot use this link: the key has “.” or “..” segments, which browsers remove from a URL before sending it, ${effect}. ${works} To share it with a browser, copy or rename the object to a key without them.`,
  };
}

/** Puts the browser warning first, keeping what the object check found after it. Pure. */
export function withBrowserPathWarning(
  key: string,
  kind: 'get' | 'public' | 'put',
  warning: ShareWarning | undefined,
): ShareWarning | undefined {
  const browser = browserPathWarning(key, kind);
  if (!browser) return warning;
  return warning ? { code: browser.code, message: `${browser.message} Also: ${warning.message}` } : browser;
}
