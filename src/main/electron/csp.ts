/**
 * The renderer's Content-Security-Policy, sent as a header with every HTML page of the bundle.
 * The renderer is untrusted: it loads only its own files and talks to nothing remote, so even
 * injected markup cannot fetch, exfiltrate, frame or post anywhere.
 */
export const cspDirectives: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  // No 'unsafe-inline': React sets styles through the CSSOM, which CSP does not block.
  'style-src': ["'self'"],
  'img-src': ["'self'", 'app:', 'blob:', 'data:'],
  'media-src': ["'self'", 'app:', 'blob:', 'data:'],
  // PDF previews frame the app's own object route (app://bundle/__object); nothing else.
  'frame-src': ["'self'"],
  // S3 and the disk are reached only through IPC, never from the page.
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** The policy as one header value. */
export const contentSecurityPolicy = Object.entries(cspDirectives)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');
