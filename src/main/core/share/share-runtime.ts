import { maxPresignSeconds } from '../../../shared/model/share';
import type { ConnectionsService, ResolvedConnection } from '../connections/connections-service';
import type { ClipboardPort } from './clipboard-port';
import type { LedgerRecord, LinkLedger } from './link-ledger';
import type { ExpiryUse, ShareSettings } from './share-settings';
import type { SnippetShelf } from './snippet-shelf';

/** The collaborators every share operation uses; built once by the ShareService. */
export interface ShareRuntime {
  connections: Pick<ConnectionsService, 'resolve'>;
  ledger: LinkLedger;
  settings: ShareSettings;
  clipboard?: ClipboardPort;
  /** What was made to be copied, so a later copy names it instead of sending it back. */
  snippets: SnippetShelf;
  now: () => Date;
  osUser: () => string;
  /** The expiry when none was given or remembered (Settings' default link expiry). */
  defaultExpiry: () => number;
}

/** The expiry to use: the one given, else the last one used on this connection, else the default from Settings. */
export function requestedExpiry(rt: ShareRuntime, use: ExpiryUse, connectionId: string, given: number | undefined): number {
  return given ?? rt.settings.lastExpiry(use, connectionId) ?? rt.defaultExpiry();
}

/**
 * Remembers an expiry the user picked (not one we defaulted to), capped at 7 days but not at the
 * credentials' expiry: that limit moves, and tomorrow's fresher credentials may allow it all.
 */
export function rememberExpiry(rt: ShareRuntime, use: ExpiryUse, connectionId: string, given: number | undefined): void {
  if (given !== undefined) rt.settings.setLastExpiry(use, connectionId, Math.min(given, maxPresignSeconds));
}

/** Copies through main when asked and possible; says whether it did. */
export function copyIfAsked(rt: ShareRuntime, text: string, ask: boolean): boolean {
  if (!ask || !rt.clipboard) return false;
  rt.clipboard.writeText(text);
  return true;
}

/** The ledger fields every row of one request shares. */
export function ledgerBase(
  rt: ShareRuntime,
  conn: ResolvedConnection,
  bucket: string,
  createdAt: Date,
  note: string | undefined,
): Pick<LedgerRecord, 'createdAt' | 'connectionId' | 'connectionName' | 'bucket' | 'osUser' | 'note'> {
  return {
    createdAt: createdAt.toISOString(),
    connectionId: conn.record.id,
    connectionName: conn.record.name,
    bucket,
    osUser: rt.osUser(),
    note: note ? note : null,
  };
}
