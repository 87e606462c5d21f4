import { extensionOf } from '../../shared/model/file-extension';

/** What a listing row is, in words: "Folder", "JPEG image", "MP4 video", "ZIP file". */
const labels: Record<string, string> = {
  jpg: 'JPEG image',
  jpeg: 'JPEG image',
  png: 'PNG image',
  gif: 'GIF image',
  webp: 'WebP image',
  avif: 'AVIF image',
  svg: 'SVG image',
  bmp: 'Bitmap image',
  ico: 'Icon',
  heic: 'HEIC image',
  tif: 'TIFF image',
  tiff: 'TIFF image',
  mp4: 'MP4 video',
  m4v: 'MP4 video',
  mov: 'QuickTime video',
  webm: 'WebM video',
  mkv: 'Matroska video',
  avi: 'AVI video',
  ogv: 'Ogg video',
  m3u8: 'HLS playlist',
  ts: 'MPEG-TS video',
  mp3: 'MP3 audio',
  m4a: 'AAC audio',
  aac: 'AAC audio',
  wav: 'WAV audio',
  flac: 'FLAC audio',
  ogg: 'Ogg audio',
  oga: 'Ogg audio',
  opus: 'Opus audio',
  pdf: 'PDF document',
  txt: 'Text',
  log: 'Log file',
  md: 'Markdown',
  csv: 'CSV table',
  tsv: 'TSV table',
  json: 'JSON',
  xml: 'XML',
  yaml: 'YAML',
  yml: 'YAML',
  html: 'HTML page',
  htm: 'HTML page',
  css: 'Stylesheet',
  js: 'JavaScript',
  vtt: 'Subtitles',
  srt: 'Subtitles',
  zip: 'ZIP archive',
  gz: 'Gzip archive',
  tar: 'Tar archive',
  '7z': '7-Zip archive',
  doc: 'Word document',
  docx: 'Word document',
  xls: 'Excel sheet',
  xlsx: 'Excel sheet',
  ppt: 'PowerPoint',
  pptx: 'PowerPoint',
};

/** The Type column: from the extension only, never from a per-row HEAD. */
export function typeLabel(kind: 'folder' | 'object', name: string): string {
  if (kind === 'folder') return 'Folder';
  const ext = extensionOf(name);
  if (!ext) return 'File';
  return labels[ext] ?? `${ext.toUpperCase()} file`;
}
