import type { ExpiryDecision, ShareLinkRow } from '../../../shared/model/share';
import { toCsv } from './csv';
import { formatUtc } from './expiry-policy';

/** key,url,expires_at as RFC 4180 CSV; public rows have an empty expires_at. Pure. */
export function linksCsv(rows: readonly ShareLinkRow[]): string {
  return toCsv(
    ['key', 'url', 'expires_at'],
    rows.map((r) => [r.key, r.url, r.expiresAt ?? '']),
  );
}

/** Plain text for an e-mail or a ticket: when the links stop, then each key above its URL. Pure. */
export function linksText(rows: readonly ShareLinkRow[], expiry: ExpiryDecision | null): string {
  const publicCount = rows.filter((r) => r.kind === 'public').length;
  const head: string[] = [];
  if (expiry && publicCount < rows.length) head.push(`These links work until ${formatUtc(new Date(expiry.expiresAt))}.`);
  if (publicCount > 0)
    head.push(publicCount === rows.length ? 'These links are public and do not expire.' : 'Public links among them do not expire.');
  const body = rows.map((r) => `${r.key}\n${r.url}`);
  return `${[head.join(' '), ...body].join('\n\n')}\n`;
}
