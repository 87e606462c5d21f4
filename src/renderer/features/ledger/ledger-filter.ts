import type { ChannelInput } from '../../../shared/contract';
import type { LedgerEntry, ShareKind } from '../../../shared/model/share';

/** Rows per page of the ledger view. */
export const ledgerPageSize = 100;

/** The connection filter's value for "every connection" (never a connection id: those are longer). */
export const allConnections = 'all';

/** What the ledger view's controls hold. */
export interface LedgerUiFilter {
  /** One connection's id, or `allConnections` for every connection's links. */
  connectionId: string;
  search: string;
  kind: ShareKind | 'any';
  state: 'any' | 'alive' | 'expired';
  page: number;
}

export const kindLabels: Record<ShareKind, string> = {
  get: 'Download (presigned)',
  public: 'Public URL',
  post: 'Upload form (POST)',
  put: 'Upload (PUT)',
};

export type LedgerExportInput = ChannelInput<'share:ledgerExport'>;
export type LedgerPageInput = ChannelInput<'share:ledger'>;

/** The filter main applies, from the controls (search trimmed and kept within the contract's 200 characters). Pure. */
export function ledgerExportInput(f: LedgerUiFilter): LedgerExportInput {
  const search = f.search.trim().slice(0, 200);
  return {
    ...(f.connectionId !== allConnections ? { connectionId: f.connectionId } : {}),
    ...(search ? { search } : {}),
    ...(f.kind !== 'any' ? { kinds: [f.kind] } : {}),
    state: f.state,
  };
}

/** One page of the filtered ledger. Pure. */
export function ledgerPageInput(f: LedgerUiFilter): LedgerPageInput {
  return { ...ledgerExportInput(f), offset: f.page * ledgerPageSize, limit: ledgerPageSize };
}

/** "1–100 of 250 links", "No links match." Pure. */
export function pageRangeText(page: number, shown: number, total: number): string {
  if (total === 0) return 'No links match.';
  const first = page * ledgerPageSize + 1;
  return `${first.toLocaleString()}–${(first + shown - 1).toLocaleString()} of ${total.toLocaleString()} ${total === 1 ? 'link' : 'links'}`;
}

/** A row's state in words: links without expiry (public URLs) live as long as the object is public. Pure. */
export function entryState(entry: Pick<LedgerEntry, 'expiresAt' | 'alive'>): { label: string; tone: 'success' | 'neutral' | 'public' } {
  if (entry.expiresAt === null) return { label: 'While public', tone: 'public' };
  return entry.alive ? { label: 'Alive', tone: 'success' } : { label: 'Expired', tone: 'neutral' };
}
