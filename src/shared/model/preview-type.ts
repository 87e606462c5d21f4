import { typeForName } from './extension-types';
import { parseMediaType, type MediaType } from './media-type';

/** How an object can be previewed in the app, or 'none'. */
export type PreviewKind = 'image' | 'video' | 'audio' | 'pdf' | 'text' | 'none';

/**
 * What the object route sends for one object and what the renderer may do with it. Decided by
 * one function, used by both, so the preview never frames something the route did not vouch for.
 */
export interface PreviewPolicy {
  kind: PreviewKind;
  /** The Content-Type the route serves: never the stored value as is. */
  servedType: string;
  /** Shown in place (`inline`), or only ever saved (`attachment`). */
  disposition: 'inline' | 'attachment';
}

export const octetStream = 'application/octet-stream';

/** Raster images a browser decodes in <img>, and SVG (an <img> never runs its scripts). */
const inlineImages = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
  'image/x-icon',
  'image/vnd.microsoft.icon',
  'image/svg+xml',
]);

/** Types whose bytes are text, shown in a <pre> by the renderer and served as plain text. */
const textTypes = new Set([
  'application/json',
  'application/xml',
  'application/javascript',
  'application/x-yaml',
  'application/yaml',
  'application/x-mpegurl',
  'application/vnd.apple.mpegurl',
  'application/x-subrip',
]);

const saveOnly: PreviewPolicy = { kind: 'none', servedType: octetStream, disposition: 'attachment' };

/**
 * The one decision about an object's stored Content-Type: parsed strictly (one type, valid
 * parameters); only images, audio, video, PDF and plain text may render in place, each served
 * as its bare type; text kinds are served as `text/plain; charset=utf-8`; everything else,
 * including every malformed value, is `application/octet-stream` to be saved, never shown.
 * A PDF must say so in its own stored type: an extension alone never frames a document.
 */
export function previewPolicy(contentType: string | undefined, key: string): PreviewPolicy {
  const stored = contentType === undefined || contentType.trim() === '' ? undefined : parseMediaType(contentType);
  if (stored === null) return saveOnly; // present but malformed: hostile or broken, never guessed at
  if (stored === undefined || isUnspecific(stored)) {
    // Untyped objects are judged by the type our uploads would have given them, with the same allow-list.
    const guessed = typeForName(key);
    if (!guessed) return saveOnly;
    const media = parseMediaType(guessed);
    return media ? policyFor(media, false) : saveOnly;
  }
  return policyFor(stored, true);
}

/** The preview kind alone, for the renderer. */
export function previewKind(key: string, contentType?: string): PreviewKind {
  return previewPolicy(contentType, key).kind;
}

function isUnspecific(media: MediaType): boolean {
  return media.essence === octetStream || media.essence === 'binary/octet-stream';
}

function policyFor(media: MediaType, declared: boolean): PreviewPolicy {
  const { essence, type } = media;
  if (inlineImages.has(essence)) return { kind: 'image', servedType: essence, disposition: 'inline' };
  if (type === 'video') return { kind: 'video', servedType: essence, disposition: 'inline' };
  if (type === 'audio') return { kind: 'audio', servedType: essence, disposition: 'inline' };
  if (essence === 'application/pdf') return declared ? { kind: 'pdf', servedType: essence, disposition: 'inline' } : saveOnly;
  if (type === 'text' || textTypes.has(essence) || essence.endsWith('+json') || (essence.endsWith('+xml') && type === 'application')) {
    return { kind: 'text', servedType: 'text/plain; charset=utf-8', disposition: 'inline' };
  }
  return saveOnly;
}
