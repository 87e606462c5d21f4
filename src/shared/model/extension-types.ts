import standardTypes from 'mime/lite';
import { extensionOf } from './file-extension';

/**
 * The one extension → media type table: the `mime` package's, plus the overrides below. Main
 * passes the full database (uploads, the bundle); the preview decision uses `mime/lite` (standard
 * types only, small enough for the renderer) so main and renderer always guess alike.
 */

/** A `mime` instance: `getType('mp4')` → `video/mp4`, or null. */
export interface MimeLookup {
  getType(extension: string): string | null;
}

/**
 * Types this media app keeps where `mime` answers otherwise or not at all: what browsers, players
 * and CDNs expect, and what earlier uploads were given. A Map, so names like `x.constructor`
 * never find Object's own properties.
 */
const overrides = new Map<string, string>([
  // mime: image/vnd.microsoft.icon. Every browser and our bundle have always used x-icon.
  ['ico', 'image/x-icon'],
  // Camera raw files: not in mime's database.
  ['cr2', 'image/x-canon-cr2'],
  ['nef', 'image/x-nikon-nef'],
  ['arw', 'image/x-sony-arw'],
  // Not in mime/lite: the preview needs them, so the renderer and main guess the same.
  ['m4v', 'video/x-m4v'],
  ['m3u8', 'application/vnd.apple.mpegurl'],
  ['srt', 'application/x-subrip'],
  // mime: audio/x-flac, audio/ogg, audio/x-aiff. The registered types, which players expect.
  ['flac', 'audio/flac'],
  ['opus', 'audio/opus'],
  ['aif', 'audio/aiff'],
  ['aiff', 'audio/aiff'],
  // mime: application/octet-stream, or nothing (which would send the bytes to the sniffer).
  ['iso', 'application/x-iso9660-image'],
  ['dat', 'application/octet-stream'],
]);

/** The bare media type the extension of `name` (a key or a file name) gives it; undefined when unknown. */
export function typeForName(name: string, lookup: MimeLookup = standardTypes): string | undefined {
  const ext = extensionOf(name);
  if (ext === '') return undefined;
  return overrides.get(ext) ?? lookup.getType(ext) ?? undefined;
}
