import { extensionOf } from '../browser/file-types';

/** How an object can be previewed in the app, or 'none'. */
export type PreviewKind = 'image' | 'video' | 'audio' | 'pdf' | 'text' | 'none';

const byExtension: Record<string, PreviewKind> = {
  jpg: 'image', jpeg: 'image', png: 'image', gif: 'image', webp: 'image', avif: 'image', svg: 'image', bmp: 'image', ico: 'image',
  mp4: 'video', m4v: 'video', webm: 'video', mov: 'video', ogv: 'video',
  mp3: 'audio', m4a: 'audio', aac: 'audio', wav: 'audio', flac: 'audio', ogg: 'audio', oga: 'audio', opus: 'audio',
  pdf: 'pdf',
  txt: 'text', log: 'text', md: 'text', csv: 'text', tsv: 'text', json: 'text', xml: 'text', yaml: 'text', yml: 'text',
  html: 'text', htm: 'text', css: 'text', js: 'text', vtt: 'text', srt: 'text', m3u8: 'text', ini: 'text', conf: 'text',
};

const textTypes = ['application/json', 'application/xml', 'application/javascript', 'application/x-yaml', 'application/yaml', 'application/x-mpegurl', 'application/vnd.apple.mpegurl'];

/** From a Content-Type header; null when it says nothing useful (octet-stream, absent). */
function kindFromContentType(contentType: string | undefined): PreviewKind | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (!type || type === 'application/octet-stream' || type === 'binary/octet-stream') return null;
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('video/')) return 'video';
  if (type.startsWith('audio/')) return 'audio';
  if (type === 'application/pdf') return 'pdf';
  if (type.startsWith('text/') || textTypes.includes(type) || type.endsWith('+json') || type.endsWith('+xml')) return 'text';
  return 'none';
}

/**
 * Which preview fits: the stored Content-Type when it is specific, else the extension. HTML and
 * SVG are shown safely (as text in a <pre>; SVG through <img>, where its scripts never run).
 */
export function previewKind(name: string, contentType?: string): PreviewKind {
  const kind = kindFromContentType(contentType) ?? byExtension[extensionOf(name)] ?? 'none';
  // A frame given anything but a real PDF type would make the browser save the file instead.
  if (kind === 'pdf' && !/^application\/pdf\b/i.test(contentType ?? '')) return 'none';
  return kind;
}
