import type { ObjectHeaders } from './copy-source';

const byName = ([a]: [string, unknown], [b]: [string, unknown]): number => (a < b ? -1 : a > b ? 1 : 0);

/** One canonical text per set of headers: metadata sorted by name, dates as ISO text, absent or empty fields left out. */
function canonical(headers: ObjectHeaders): string {
  const { Metadata: metadata, ...rest } = headers;
  // Absent fields are left out by the builders (no undefined values), so entries compare as they are.
  const entries: [string, unknown][] = Object.entries(rest).map(([name, value]): [string, unknown] => [
    name,
    value instanceof Date ? value.toISOString() : value,
  ]);
  const sortedMetadata = Object.entries(metadata ?? {}).sort(byName);
  if (sortedMetadata.length > 0) entries.push(['Metadata', sortedMetadata]);
  return JSON.stringify(entries.sort(byName));
}

/** Whether two header sets would store the same object headers (so a copy would change nothing). */
export function sameHeaders(a: ObjectHeaders, b: ObjectHeaders): boolean {
  return canonical(a) === canonical(b);
}
