import type { PreviewKind } from '../../../shared/model/preview-type';

/**
 * The Content-Security-Policy of every response on the preview origin: a sandboxed document
 * (an opaque origin, no script, no plugins, no forms, no navigation of other frames) that may
 * load nothing but what its kind needs to draw itself. Chromium's PDF viewer works under it.
 */
export function previewCsp(kind: PreviewKind): string {
  const base = ['sandbox', "default-src 'none'"];
  switch (kind) {
    case 'image':
      // An SVG opened as a document may draw inline styles and data: images, nothing else.
      return [...base, 'img-src data:', "style-src 'unsafe-inline'"].join('; ');
    case 'video':
    case 'audio':
      return [...base, "media-src 'self'", "style-src 'unsafe-inline'"].join('; ');
    case 'pdf':
    case 'text':
    case 'none':
      return base.join('; ');
  }
}

/**
 * CORS for the preview origin: only the app's own page may read bodies (the text preview's
 * ranged fetch); Range is allowed and Content-Range exposed so the reader can tell a part
 * from the whole. No credentials: the preview origin authorises by its secret path, not cookies.
 */
export function previewCorsHeaders(appOrigin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': appOrigin,
    'Access-Control-Allow-Methods': 'GET, HEAD',
    'Access-Control-Allow-Headers': 'Range',
    'Access-Control-Expose-Headers': 'Content-Range, Content-Length, Accept-Ranges',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}
