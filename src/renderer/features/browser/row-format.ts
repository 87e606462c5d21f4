/**
 * Formatting for listing cells, with one shared Intl formatter: creating a DateTimeFormat per
 * cell costs more than rendering the row, and a fast scroll renders hundreds of rows a second.
 */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "12 Mar 2025, 14:05" in the user's locale and zone; "—" when missing or unreadable. */
export function formatRowDate(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : dateTime.format(date);
}
