import { formatBytes } from '../../../shared/format/format-bytes';
import { describeDuration } from '../../../shared/model/share';
import { formatUtc } from './expiry-policy';

/** Where the customer's file goes in the snippets; they replace it with their own path. */
export const filePlaceholder = '/path/to/your-file';

/**
 * POSIX-shell quoting: plain words stay as they are, anything else goes in single quotes (a
 * leading = or % is quoted too: zsh expands =word, and %word names a job).
 */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_./:@+,-][A-Za-z0-9_./:@%+=,-]*$/.test(value)) return value;
  return singleQuote(value);
}

/** Always single-quoted: for the file path the customer edits, so spaces or ( ) in it stay safe. */
function singleQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const joinLines = (args: string[]) => args.join(' \\\n  ');

/**
 * curl for a presigned POST. `--form-string` sends each policy field verbatim (plain `-F` would
 * read a file for a value starting with @ or <); the file goes last, as S3 requires.
 */
export function postCurl(url: string, fields: Record<string, string>): string {
  const args = ['curl --fail-with-body -sS'];
  for (const [name, value] of Object.entries(fields)) args.push(`--form-string ${shellQuote(`${name}=${value}`)}`);
  args.push(`-F ${singleQuote(`file=@${filePlaceholder}`)}`, shellQuote(url));
  return joinLines(args);
}

/** curl for a presigned PUT; headers that were signed must be sent exactly as given. */
export function putCurl(url: string, headers: Record<string, string>, options: { pathAsIs?: boolean } = {}): string {
  // curl removes `.`/`..` segments from a URL's path unless told not to; the signature covers them.
  const args = [options.pathAsIs ? 'curl --fail-with-body -sS --path-as-is' : 'curl --fail-with-body -sS'];
  for (const [name, value] of Object.entries(headers)) args.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  args.push(`--upload-file ${singleQuote(filePlaceholder)}`, shellQuote(url));
  return joinLines(args);
}

export interface UploadFormText {
  url: string;
  fields: Record<string, string>;
  maxBytes: number;
  expiresAt: Date;
  /** Set for an exact content-type condition: the file picker suggests that type. */
  contentType?: string;
}

/** A minimal, self-contained HTML page (no script, no external resources) with the POST form. */
export function uploadFormHtml(form: UploadFormText): string {
  const hidden = Object.entries(form.fields)
    .map(([name, value]) => `    <input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const accept = form.contentType ? ` accept="${escapeHtml(form.contentType.split(';')[0] ?? '')}"` : '';
  const limits = `Files up to ${escapeHtml(formatBytes(form.maxBytes))}. This form works until ${escapeHtml(formatUtc(form.expiresAt))}.`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><title>Upload a file</title></head>',
    '<body>',
    '  <h1>Upload a file</h1>',
    `  <p>${limits}</p>`,
    `  <form action="${escapeHtml(form.url)}" method="post" enctype="multipart/form-data">`,
    hidden,
    `    <input type="file" name="file" required${accept}>`,
    '    <button type="submit">Upload</button>',
    '  </form>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** "expires in 1 hour, at … UTC": shared by the upload explanations. */
export function lifetimeText(seconds: number, expiresAt: Date): string {
  return `works for ${describeDuration(seconds)}, until ${formatUtc(expiresAt)}`;
}
