/**
 * An ISO timestamp in the user's local time and locale ("12 Mar 2025, 14:05"); "—" when missing
 * or unreadable. `locale` and `timeZone` exist for tests; the app passes neither.
 */
export function formatDateTime(iso: string | undefined, locale?: string, timeZone?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}
