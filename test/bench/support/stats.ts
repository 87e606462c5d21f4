/** Median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? Number.NaN) + upper) / 2;
}

/** Rounds for the printed report (figures keep 3 significant decimals at most). */
export const round = (value: number, digits = 0): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** How a table is laid out: text columns on the left (padded right), figures after; a rule under the header. */
export interface TableLayout {
  leftColumns?: number;
  rule?: boolean;
}

/** A plain text table: first row is the header, columns padded to fit. */
export function formatTable(rows: readonly (readonly string[])[], { leftColumns = 1, rule = true }: TableLayout = {}): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const line = (r: readonly string[]) =>
    r.map((cell, c) => (c < leftColumns ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
  const [head, ...body] = rows;
  return [line(head ?? []), ...(rule ? [widths.map((w) => '─'.repeat(w)).join('  ')] : []), ...body.map(line)].join('\n');
}
