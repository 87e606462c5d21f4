import type { LedgerEntry } from '../../../shared/model/share';
import { csvRecord, type CsvCell } from './csv';

/** Most rows one export writes; the result says when more matched. */
export const maxExportRows = 100_000;

const header = [
  'id',
  'created_at',
  'expires_at',
  'state',
  'kind',
  'connection',
  'bucket',
  'key',
  'target',
  'os_user',
  'note',
  'options',
  'resource',
] as const;

/** "alive", "expired", or "no expiry" for public links. */
export function ledgerState(entry: Pick<LedgerEntry, 'expiresAt' | 'alive'>): string {
  if (entry.expiresAt === null) return 'no expiry';
  return entry.alive ? 'alive' : 'expired';
}

/** The header record of a ledger export. */
export const ledgerCsvHeader = csvRecord(header);

/** The ledger as RFC 4180 CSV with the formula guard; options flattened to `name=value; …`. Pure. */
export function ledgerCsv(entries: readonly LedgerEntry[]): string {
  return ledgerCsvHeader + ledgerCsvRecords(entries);
}

/** Records without the header, so an export can be written a page at a time. Pure. */
export function ledgerCsvRecords(entries: readonly LedgerEntry[]): string {
  return entries
    .map((e): CsvCell[] => [
      e.id,
      e.createdAt,
      e.expiresAt,
      ledgerState(e),
      e.kind,
      e.connectionName,
      e.bucket,
      e.key,
      e.target,
      e.osUser,
      e.note,
      Object.entries(e.options)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join('; '),
      e.resource,
    ])
    .map(csvRecord)
    .join('');
}
