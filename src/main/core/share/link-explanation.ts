import type { ExpiryDecision, LinkRoute, ShareWarning } from '../../../shared/model/share';
import { formatBytes } from '../../../shared/format/format-bytes';

/** The sentence or three shown with a download link: what it is, how long it lives, any warning. Pure. */
export function explainDownload(route: LinkRoute, expiry: ExpiryDecision | null, reason?: string, warning?: ShareWarning): string {
  const parts: string[] = [];
  if (route === 'cdn')
    parts.push('A public link through the CDN: it does not expire, and works as long as the object stays public and the CDN serves it.');
  else if (route === 'endpoint') parts.push('A public link: it does not expire, and works as long as the object stays public.');
  else parts.push(`A presigned link.${reason ? ` ${reason}` : ''} ${expiry?.explanation ?? ''}`.trim());
  if (warning) parts.push(`Warning: ${warning.message}`);
  return parts.join(' ');
}

/** What an upload link accepts, for the explanation and the ledger. */
export interface UploadTerms {
  method: 'post' | 'put';
  target: 'object' | 'prefix';
  key: string;
  minBytes?: number;
  maxBytes?: number;
  contentType?: string;
  /** The user let the uploader choose the type (no Content-Type condition). */
  anyContentType?: boolean;
}

/** "An upload form for files of 1 byte to 10 MiB under private/inbox/…; works for 1 day, until …". Pure. */
export function explainUpload(terms: UploadTerms, expiry: ExpiryDecision, warning?: ShareWarning): string {
  const where = terms.target === 'prefix' ? `any name under “${terms.key}”` : `exactly “${terms.key}”`;
  const size =
    terms.maxBytes !== undefined ? ` Files of ${formatBytes(terms.minBytes ?? 0)} to ${formatBytes(terms.maxBytes)} are accepted.` : '';
  const type = terms.contentType
    ? ` The upload must have content type ${terms.contentType}.`
    : terms.anyContentType
      ? ' Any content type is accepted (you allowed it): the uploader decides how the file is served.'
      : '';
  const head =
    terms.method === 'post'
      ? `An upload link (HTML form / POST) that writes to ${where}.${size}${type}`
      : `An upload link (PUT) that writes to ${where}.${type} A PUT link cannot limit the file size; use a POST link for that.`;
  return [head, expiry.explanation, warning ? `Warning: ${warning.message}` : ''].filter(Boolean).join(' ');
}
