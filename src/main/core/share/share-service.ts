import type { SqlDatabase } from '../store/sql-port';
import type { ParsedInput } from '../../../shared/contract';
import {
  defaultExpirySeconds,
  expiryPresets,
  revocationExplanation,
  type LedgerExportResult,
  type LedgerPage,
  type ShareDefaults,
  type ShareLinkResult,
  type ShareLinksResult,
  type SharePreview,
  type UploadLinkResult,
} from '../../../shared/model/share';
import { ConnectionSettings } from '../connections/connection-settings';
import type { ConnectionsService } from '../connections/connections-service';
import type { DialogPort } from '../dialogs/dialog-port';
import { issueLinks } from './bulk-issuer';
import type { ClipboardPort } from './clipboard-port';
import { credentialLifetime } from './credential-lifetime';
import { issueLink, previewLink } from './download-issuer';
import { maxExpirySeconds, signingInstant } from './expiry-policy';
import { exportLedger } from './ledger-export';
import { LinkLedger, type LedgerFilter } from './link-ledger';
import { osUserName } from './os-user';
import { ShareSettings } from './share-settings';
import { SnippetShelf } from './snippet-shelf';
import type { ShareRuntime } from './share-runtime';
import { issueUploadLink } from './upload-issuer';

export interface ShareServiceOptions {
  db: SqlDatabase;
  /** Anything that resolves a connection id to its settings and signing client. */
  connections: Pick<ConnectionsService, 'resolve'>;
  /** The OS clipboard when the host has one (Electron); absent in the browser host. */
  clipboard?: ClipboardPort;
  /** The host's dialogs: an export asks where to save through them. */
  dialogs: DialogPort;
  now?: () => Date;
  osUser?: () => string;
  /** The expiry links get when none was picked for the connection yet (Settings); 1 hour without it. */
  defaultExpirySeconds?: () => number;
}

/**
 * Share links for support: presigned and public download links, upload links, and the ledger of
 * everything issued. Links are signed here, in main, with the connection's own credentials.
 */
export class ShareService {
  private readonly rt: ShareRuntime;
  private readonly dialogs: DialogPort;

  constructor(options: ShareServiceOptions) {
    const clock = options.now ?? (() => new Date());
    this.dialogs = options.dialogs;
    this.rt = {
      connections: options.connections,
      ledger: new LinkLedger(options.db),
      settings: new ShareSettings(new ConnectionSettings(options.db)),
      ...(options.clipboard ? { clipboard: options.clipboard } : {}),
      snippets: new SnippetShelf(),
      now: () => signingInstant(clock()),
      osUser: options.osUser ?? osUserName,
      defaultExpiry: options.defaultExpirySeconds ?? (() => defaultExpirySeconds),
    };
  }

  /** Starting values for the share dialog, including how long links can live right now. */
  async defaults(connectionId: string): Promise<ShareDefaults> {
    const { record, client } = this.rt.connections.resolve(connectionId);
    const creds = await credentialLifetime(client);
    const last = this.rt.settings.lastExpiry('download', connectionId);
    return {
      presets: expiryPresets,
      expirySeconds: last ?? this.rt.defaultExpiry(),
      lastUsedExpirySeconds: last,
      uploadExpirySeconds: this.rt.settings.lastExpiry('upload', connectionId) ?? this.rt.defaultExpiry(),
      maxExpirySeconds: maxExpirySeconds(this.rt.now(), creds),
      credentialsExpireAt: creds.expiresAt?.toISOString() ?? null,
      publicRoot: record.roots.public,
      publicBaseUrl: record.publicBaseUrl ?? null,
      clipboard: this.rt.clipboard ? 'main' : 'renderer',
      revocation: revocationExplanation,
    };
  }

  preview(input: ParsedInput<'share:preview'>): Promise<SharePreview> {
    return previewLink(this.rt, input);
  }

  link(input: ParsedInput<'share:link'>): Promise<ShareLinkResult> {
    return issueLink(this.rt, input);
  }

  links(input: ParsedInput<'share:links'>): Promise<ShareLinksResult> {
    return issueLinks(this.rt, input);
  }

  uploadLink(input: ParsedInput<'share:uploadLink'>): Promise<UploadLinkResult> {
    return issueUploadLink(this.rt, input);
  }

  /** Puts a snippet main made on the OS clipboard when main can; else the renderer must. */
  copySnippet(snippetId: string): { copiedByMain: boolean } {
    if (!this.rt.clipboard) return { copiedByMain: false };
    this.rt.clipboard.writeText(this.rt.snippets.text(snippetId));
    return { copiedByMain: true };
  }

  ledger(filter: LedgerFilter, offset: number, limit: number): LedgerPage {
    const now = this.rt.now();
    const page = this.rt.ledger.page(filter, now, offset, limit);
    return { ...page, now: now.toISOString(), revocation: revocationExplanation };
  }

  /** Asks where to save, then writes the filtered ledger there as CSV (main writes the file). */
  ledgerExport(filter: LedgerFilter): Promise<LedgerExportResult> {
    return exportLedger({ ledger: this.rt.ledger, dialogs: this.dialogs, now: this.rt.now() }, filter);
  }
}
