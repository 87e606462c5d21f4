import { open } from 'node:fs/promises';
import path from 'node:path';
import { sniffBytes, sniffContentType } from './magic-bytes';

/** Extensions of what a media bucket holds (and the web files served beside it). */
const byExtension: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', jpe: 'image/jpeg', png: 'image/png', gif: 'image/gif',
  webp: 'image/webp', avif: 'image/avif', heic: 'image/heic', heif: 'image/heif', svg: 'image/svg+xml',
  bmp: 'image/bmp', tif: 'image/tiff', tiff: 'image/tiff', ico: 'image/x-icon', psd: 'image/vnd.adobe.photoshop',
  dng: 'image/x-adobe-dng', cr2: 'image/x-canon-cr2', nef: 'image/x-nikon-nef', arw: 'image/x-sony-arw',
  mp4: 'video/mp4', m4v: 'video/x-m4v', mov: 'video/quicktime', webm: 'video/webm', mkv: 'video/x-matroska',
  avi: 'video/x-msvideo', wmv: 'video/x-ms-wmv', mpg: 'video/mpeg', mpeg: 'video/mpeg', ts: 'video/mp2t',
  m2ts: 'video/mp2t', mts: 'video/mp2t', '3gp': 'video/3gpp', ogv: 'video/ogg', mxf: 'application/mxf',
  m3u8: 'application/vnd.apple.mpegurl', mpd: 'application/dash+xml',
  mp3: 'audio/mpeg', m4a: 'audio/mp4', aac: 'audio/aac', wav: 'audio/wav', flac: 'audio/flac',
  ogg: 'audio/ogg', oga: 'audio/ogg', opus: 'audio/opus', aif: 'audio/aiff', aiff: 'audio/aiff', wma: 'audio/x-ms-wma',
  pdf: 'application/pdf', txt: 'text/plain; charset=utf-8', md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8', html: 'text/html; charset=utf-8', htm: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8', mjs: 'text/javascript; charset=utf-8',
  json: 'application/json', xml: 'application/xml', vtt: 'text/vtt; charset=utf-8', srt: 'application/x-subrip',
  zip: 'application/zip', gz: 'application/gzip', tar: 'application/x-tar', '7z': 'application/x-7z-compressed',
  woff: 'font/woff', woff2: 'font/woff2', ttf: 'font/ttf', otf: 'font/otf',
  bin: 'application/octet-stream', dat: 'application/octet-stream', iso: 'application/x-iso9660-image',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export const fallbackContentType = 'application/octet-stream';

/** The content type its extension gives a file name, if the extension is one we know. */
export function contentTypeFromName(name: string): string | undefined {
  const ext = path.extname(name).slice(1).toLowerCase();
  return ext ? byExtension[ext] : undefined;
}

/**
 * Content-Type for a local file: from its extension, else from its first bytes, else
 * application/octet-stream. Reads at most 64 bytes, and only when the extension is unknown.
 */
export async function detectContentType(file: string, size: number): Promise<string> {
  const fromName = contentTypeFromName(file);
  if (fromName) return fromName;
  if (size === 0) return fallbackContentType;
  try {
    const handle = await open(file, 'r');
    try {
      const head = new Uint8Array(Math.min(sniffBytes, size));
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      return sniffContentType(head.subarray(0, bytesRead)) ?? fallbackContentType;
    } finally {
      await handle.close();
    }
  } catch {
    // Unreadable here means unreadable at upload too; that step reports it with its own words.
    return fallbackContentType;
  }
}
