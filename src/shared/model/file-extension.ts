/** The lower-case extension of a name or key ("Clip.MP4" → "mp4"), or "" when it has none. */
export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  // A leading dot (".env") is a hidden name, not an extension; a trailing one is no extension.
  if (dot <= 0 || dot === base.length - 1) return '';
  const ext = base.slice(dot + 1);
  return ext.length <= 12 ? ext.toLowerCase() : '';
}
