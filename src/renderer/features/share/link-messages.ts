import type { ExpiryDecision, ShareLinkResult, ShareLinksResult, ShareWarning } from '../../../shared/model/share';
import { expiryMoment } from './expiry-text';

/** A toast's words: a headline and the lines that matter under it. */
export interface LinkMessage {
  title: string;
  details: string[];
}

/** Why the link lives less than asked (the cap sentence), only when a limit applied. */
function capLines(expiry: ExpiryDecision | null): string[] {
  return expiry && expiry.cap !== 'requested' ? [expiry.explanation] : [];
}

function warningLines(warning: ShareWarning | undefined): string[] {
  return warning ? [warning.message] : [];
}

/**
 * "Link copied — expires <local> (<UTC>)", with the cap sentence when S3 or the credentials
 * shortened it and any warning (e.g. the object does not exist). Pure.
 */
export function copiedLinkMessage(result: ShareLinkResult, locale?: string, timeZone?: string): LinkMessage {
  const title = result.expiresAt
    ? `Link copied — expires ${expiryMoment(result.expiresAt, locale, timeZone)}`
    : result.route === 'cdn'
      ? 'Public link (CDN) copied — it does not expire'
      : 'Public link copied — it does not expire';
  return { title, details: [...capLines(result.expiry), ...warningLines(result.warning)] };
}

/** "3 links copied as CSV — expire …", with the cap sentence and how many rows carry a warning. Pure. */
export function copiedLinksMessage(result: ShareLinksResult, format: 'text' | 'csv', locale?: string, timeZone?: string): LinkMessage {
  const n = result.rows.length;
  const what = `${n.toLocaleString(locale)} ${n === 1 ? 'link' : 'links'} copied${format === 'csv' ? ' as CSV' : ''}`;
  const title = result.expiry
    ? `${what} — ${n === 1 ? 'expires' : 'expire'} ${expiryMoment(result.expiry.expiresAt, locale, timeZone)}`
    : `${what} — public links do not expire`;
  const warned =
    result.warnings > 0
      ? [
          `${result.warnings.toLocaleString(locale)} of them ${result.warnings === 1 ? 'has a warning' : 'have warnings'}: open Options… to see which.`,
        ]
      : [];
  return { title, details: [...capLines(result.expiry), ...warned] };
}

/** The headline when the link was made but the clipboard refused it: the URL is still usable. */
export const clipboardRefusedMessage =
  'The link was created, but the clipboard refused it. Click in the window and copy it from the dialog instead.';
