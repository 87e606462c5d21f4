/** A cell value; null and undefined become empty cells. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * Spreadsheets run a cell that starts with one of these as a formula (CSV injection). Tab and CR
 * are on OWASP's list too: some importers strip them and then see the next character.
 */
const formulaStart = /^[=+\-@\t\r]/;

/** One cell: formula-looking text gets a leading apostrophe; then RFC 4180 quoting if needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One RFC 4180 record, with its CRLF. */
export function csvRecord(row: readonly CsvCell[]): string {
  return `${row.map(csvCell).join(',')}\r\n`;
}

/** RFC 4180: CRLF after every record, including the last; the header is the first record. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map(csvRecord).join('');
}
