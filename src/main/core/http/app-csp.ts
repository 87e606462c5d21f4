/**
 * The renderer's Content-Security-Policy, one builder for every host (the Electron shell's
 * `app://bundle` responses, the browser host's pages; `src/renderer/index.html`'s meta tag is
 * checked against it by a test). The renderer is untrusted: it loads only its own files, talks to
 * nothing remote, and object bytes come only from the preview origin, never its own.
 */
export interface AppCspSources {
  /** The preview origin (`app://preview`, or the browser host's preview port). */
  preview: string;
  /** The browser host's own WebSocket origin; Electron has none. */
  socket?: string;
}

/** Directive name -> sources, in a fixed order. */
export function appCspDirectives({ preview, socket }: AppCspSources): Record<string, string[]> {
  return {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    // No 'unsafe-inline': React sets styles through the CSSOM, which CSP does not block.
    'style-src': ["'self'"],
    'img-src': ["'self'", 'blob:', 'data:', preview],
    'media-src': ['blob:', preview],
    // PDF previews frame the preview origin; nothing else may be framed.
    'frame-src': [preview],
    // S3 and the disk are reached only through main, never from the page; text previews read
    // object bytes from the preview origin.
    'connect-src': ["'self'", ...(socket ? [socket] : []), preview],
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
}

/** The policy as one header value. */
export function appCsp(sources: AppCspSources): string {
  return Object.entries(appCspDirectives(sources))
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
