import { displayName, type ListingRow } from './listing-rows';

const lowered = new WeakMap<object, string>();

function searchText(row: ListingRow): string {
  let text = lowered.get(row.entry);
  if (text === undefined) {
    text = displayName(row.entry).toLowerCase();
    lowered.set(row.entry, text);
  }
  return text;
}

/** Normalises what the user typed: trimmed of outer spaces only when it is nothing but spaces. */
function needleOf(filter: string): string {
  return filter.trim() === '' ? '' : filter.toLowerCase();
}

/**
 * The rows whose name contains the filter text, ignoring case; all rows (the same array) when
 * the filter is empty. Unicode names are compared as NFC so "é" typed matches "é" stored as NFD.
 */
export function filterRows(rows: readonly ListingRow[], filter: string): readonly ListingRow[] {
  const needle = needleOf(filter).normalize('NFC');
  if (!needle) return rows;
  return rows.filter((row) => {
    const text = searchText(row);
    return text.includes(needle) || (!isAscii(text) && text.normalize('NFC').includes(needle));
  });
}

function isAscii(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^[\u0000-\u007f]*$/.test(text);
}
