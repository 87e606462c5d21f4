/** "2026-11-21 17:40:00 UTC": the same form main's explanations use. "—" when unreadable. */
export function utcText(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/**
 * The moment in the user's own time zone, to the second, with the zone's name ("21 Nov 2026,
 * 18:40:00 CET"). `locale` and `timeZone` exist for tests; the app passes neither.
 */
export function localText(iso: string, locale?: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'long',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** "21 Nov 2026, 18:40:00 CET (2026-11-21 17:40:00 UTC)": local time for the reader, UTC for the customer. */
export function expiryMoment(iso: string, locale?: string, timeZone?: string): string {
  return `${localText(iso, locale, timeZone)} (${utcText(iso)})`;
}
