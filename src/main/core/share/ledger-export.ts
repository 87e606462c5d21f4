import { open, rename, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { LedgerExportResult } from '../../../shared/model/share';
import type { DialogPort } from '../dialogs/dialog-port';
import { fsAppError } from '../files/fs-errors';
import { ledgerCsvHeader, ledgerCsvRecords, maxExportRows } from './ledger-csv';
import type { LedgerFilter, LinkLedger } from './link-ledger';

/** Rows read and written per step: the main thread answers other requests between steps. */
const pageRows = 2_000;

/** What an export needs. */
export interface LedgerExportDeps {
  ledger: LinkLedger;
  dialogs: DialogPort;
  now: Date;
}

/**
 * Asks where to save (the host's save dialog), then writes the filtered ledger there as CSV, newest
 * first, at most `maxExportRows` rows. Main writes the file: the rows never travel to the page. The
 * rows are those that existed when the export began, read a page at a time, written to
 * `<file>.partial` and renamed onto the chosen name once complete, so a failure never leaves half a
 * file under it.
 */
export async function exportLedger(deps: LedgerExportDeps, filter: LedgerFilter): Promise<LedgerExportResult> {
  const stamp = deps.now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const choice = await deps.dialogs.chooseSaveFile({
    title: 'Export shared links',
    defaultName: `share-ledger-${stamp}.csv`,
    filters: [{ name: 'CSV', extensions: ['csv'] }],
  });
  const target = choice.paths[0];
  if (choice.canceled || target === undefined) {
    if (choice.unsupported) throw new AppError('Forbidden', choice.unsupported);
    return { saved: false };
  }
  const snapshot: LedgerFilter = { ...filter, upToId: deps.ledger.newestId() };
  const total = deps.ledger.count(snapshot, deps.now);
  const partial = `${target}.partial`;
  let rows = 0;
  try {
    const file = await open(partial, 'w');
    try {
      await file.write(ledgerCsvHeader);
      while (rows < Math.min(total, maxExportRows)) {
        const entries = deps.ledger.entries(snapshot, deps.now, rows, Math.min(pageRows, maxExportRows - rows));
        if (entries.length === 0) break;
        await file.write(ledgerCsvRecords(entries));
        rows += entries.length;
      }
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw fsAppError(error, target, 'write the export to');
  }
  return { saved: true, path: target, fileName: basename(target), rows, truncated: total > rows };
}
