import { open, rename, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';
import { maxAuditExportRows, type AuditExportResult, type ReportColumn, type ReportRow } from '../../../shared/model/audit';
import type { DialogPort } from '../dialogs/dialog-port';
import { fsAppError } from '../files/fs-errors';
import { csvRecord } from '../share/csv';

/** Rows read and written per step. */
export const exportPageRows = 5_000;

/** A view to export: its columns, and its rows a page at a time (an empty page ends it). */
export interface ExportSource {
  /** For the file name offered: `search`, `exposure` … */
  name: string;
  title: string;
  columns: readonly ReportColumn[];
  /** Rows after the `done` first ones; at most `limit`. */
  page(done: number, limit: number): Promise<ReportRow[]>;
}

/** The columns of a search export (and the search table). */
export const searchColumns: readonly ReportColumn[] = [
  { id: 'key', label: 'Key', kind: 'key' },
  { id: 'size', label: 'Size (bytes)', kind: 'bytes' },
  { id: 'lastModified', label: 'Last modified', kind: 'date' },
  { id: 'storageClass', label: 'Storage class', kind: 'text' },
  { id: 'etag', label: 'ETag', kind: 'text' },
];

/**
 * Asks where to save, then writes every row of the view there as CSV (formula-safe cells, see
 * `share/csv.ts`) or JSON (an array of objects keyed by column id), at most `maxAuditExportRows`.
 * Main writes the file, a page at a time, to `<file>.partial`, renamed onto the chosen name once
 * complete: a failure never leaves half a file under it, and the rows never travel to the page.
 */
export async function exportView(dialogs: DialogPort, source: ExportSource, format: 'csv' | 'json', now: Date): Promise<AuditExportResult> {
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const choice = await dialogs.chooseSaveFile({
    title: `Export ${source.title}`,
    defaultName: `${source.name}-${stamp}.${format}`,
    filters: [format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'JSON', extensions: ['json'] }],
  });
  const target = choice.paths[0];
  if (choice.canceled || target === undefined) {
    if (choice.unsupported) throw new AppError('Forbidden', choice.unsupported);
    return { saved: false };
  }
  const partial = `${target}.partial`;
  let rows = 0;
  let truncated = false;
  try {
    const file = await open(partial, 'w');
    try {
      await file.write(format === 'csv' ? csvRecord(source.columns.map((c) => c.label)) : '[');
      for (;;) {
        const page = await source.page(rows, Math.min(exportPageRows, maxAuditExportRows - rows));
        if (page.length === 0) break;
        await file.write(
          format === 'csv'
            ? page.map((r) => csvRecord(source.columns.map((c) => r[c.id]))).join('')
            : jsonRows(page, source.columns, rows === 0),
        );
        rows += page.length;
        if (rows >= maxAuditExportRows) {
          truncated = (await source.page(rows, 1)).length > 0;
          break;
        }
      }
      if (format === 'json') await file.write(rows === 0 ? ']\n' : '\n]\n');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw fsAppError(error, target, 'write the export to');
  }
  return { saved: true, path: target, fileName: basename(target), rows, truncated };
}

function jsonRows(page: readonly ReportRow[], columns: readonly ReportColumn[], first: boolean): string {
  const lines = page.map((r) => JSON.stringify(Object.fromEntries(columns.map((c) => [c.id, r[c.id] ?? null]))));
  return `${first ? '\n' : ',\n'}${lines.join(',\n')}`;
}
