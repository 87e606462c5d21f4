import { z } from 'zod';
import { hasControlCharacter } from './control-characters';
import { keySchema } from './keys';

/** What a ledger row records: a presigned download, a plain public URL, or an upload link. */
export const shareKinds = ['get', 'public', 'post', 'put'] as const;
export type ShareKind = (typeof shareKinds)[number];

/** SigV4 presigned URLs and POST policies live at most 7 days. */
export const maxPresignSeconds = 604_800;

/** Used when the user has never picked an expiry for this connection. */
export const defaultExpirySeconds = 3_600;

/** The expiries the dialog offers; anything else is "custom". */
export const expiryPresets = [
  { id: '15m', label: '15 minutes', seconds: 900 },
  { id: '1h', label: '1 hour', seconds: 3_600 },
  { id: '1d', label: '1 day', seconds: 86_400 },
  { id: '7d', label: '7 days', seconds: maxPresignSeconds },
] as const;

/** Largest number accepted at all; anything between 7 days and this is clamped, with a note. */
const maxRequestSeconds = 10 * 365 * 86_400;

/** An expiry in whole seconds; zero or negative is refused, beyond 7 days is clamped by main. */
export const expirySecondsSchema = z
  .number('Give the expiry as a number of seconds.')
  .int('Give the expiry in whole seconds.')
  .min(
    1,
    'An expiry of zero or less would give a link that never works. Choose 15 minutes, 1 hour, 1 day, 7 days or a custom length of at least 1 second.',
  )
  .max(maxRequestSeconds, 'That expiry is longer than 10 years. A presigned link lives at most 7 days; choose 7 days or less.');

/** No control characters: these strings end up in headers, CSV files and HTML. */
const printable = (max: number, what: string) =>
  z
    .string()
    .max(max, `${what} is at most ${max} characters.`)
    .refine((s) => !hasControlCharacter(s), `${what} cannot contain line breaks or control characters.`);

/** Free text kept with a ledger row, e.g. a ticket number. */
export const shareNoteSchema = printable(500, 'The note').transform((s) => s.trim());

/** A file name for `Content-Disposition: attachment`; any Unicode, encoded per RFC 6266/5987 by main. */
export const downloadFileNameSchema = printable(255, 'The file name')
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, 'The file name cannot be empty.')
  .refine((s) => !/[/\\]/.test(s), 'The file name cannot contain / or \\.');

/** An object key to share: not empty, and not a folder marker. */
export const objectKeySchema = keySchema
  .refine((k) => k.length > 0, 'Choose an object to share.')
  .refine((k) => !k.endsWith('/'), 'That is a folder; choose a file, or share an upload link for the folder.');

/** How the browser should treat the download. */
export type DispositionOption = { type: 'attachment'; filename?: string } | { type: 'inline' };

/** Which limit decided how long a link lives. */
export type ExpiryCap = 'requested' | 'sigv4-max-7-days' | 'credentials-expire';

/** How long a presigned link lives, and why. */
export interface ExpiryDecision {
  requestedSeconds: number;
  /** What the link actually got (≤ requested). */
  seconds: number;
  /** ISO 8601, UTC; the moment the link stops working. */
  expiresAt: string;
  cap: ExpiryCap;
  /** When the signing credentials themselves expire (temporary, SSO, assume-role), if known. */
  credentialsExpireAt?: string;
  /** One sentence for the user: how long, until when (UTC), and which limit applied. */
  explanation: string;
}

/** Something the user should know before sending a link; the link is issued anyway. */
export interface ShareWarning {
  /** `BrowserRewritesPath`: the key has `.`/`..` segments, which a browser removes before fetching. */
  code: 'NoSuchKey' | 'NoSuchBucket' | 'AccessDenied' | 'NotPublic' | 'WillOverwrite' | 'PublicTarget' | 'BrowserRewritesPath';
  message: string;
}

/** Ledger row as the renderer sees it; never a signature or a signed URL. */
export interface LedgerEntry {
  id: number;
  createdAt: string;
  connectionId: string;
  connectionName: string;
  bucket: string;
  /** The object key, or the key prefix of an upload link. */
  key: string;
  target: 'object' | 'prefix';
  kind: ShareKind;
  /** Null for public links: they work as long as the object stays public. */
  expiresAt: string | null;
  alive: boolean;
  osUser: string;
  note: string | null;
  /** Options that shaped the link (disposition, content type, size range, requested expiry…). */
  options: Record<string, string | number | boolean>;
  /** The unsigned address (scheme, host, path); for public links the link itself. */
  resource: string;
}

/**
 * Why the app offers no "revoke" button, and what works instead. Shown with every presigned link
 * and in the ledger view.
 */
export const revocationExplanation =
  'A presigned link cannot be revoked early: anyone who has it can use it until it expires. ' +
  'To stop it sooner, delete the object or move it to another key (links name the key), or deactivate ' +
  'and rotate the access key that signed it (every link it signed stops at once). Links signed with ' +
  'temporary credentials (SSO, assume-role) stop when those credentials expire. A public link works as ' +
  'long as the object stays public: make the object private or delete it. For an upload link, delete what was uploaded.';

const units = [
  [86_400, 'day'],
  [3_600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
] as const;

/** "1 hour", "7 days", "2 hours 5 minutes": the two largest non-zero units. */
export function describeDuration(seconds: number): string {
  const parts: string[] = [];
  let rest = Math.max(0, Math.floor(seconds));
  for (const [size, name] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 && parts.length < 2) parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
    else if (parts.length > 0) break;
  }
  return parts.length > 0 ? parts.join(' ') : '0 seconds';
}

/** Who copies to the OS clipboard: main (Electron) or the renderer (browser host, navigator.clipboard). */
export type ClipboardMode = 'main' | 'renderer';

/** What the share dialog needs before the user picks anything (`share:defaults`). */
export interface ShareDefaults {
  presets: typeof expiryPresets;
  /** The last expiry used on this connection, else 1 hour: the one-click "Copy link" uses it. */
  expirySeconds: number;
  lastUsedExpirySeconds: number | null;
  uploadExpirySeconds: number;
  /** min(7 days, time left on the signing credentials). */
  maxExpirySeconds: number;
  credentialsExpireAt: string | null;
  publicRoot: string;
  publicBaseUrl: string | null;
  clipboard: ClipboardMode;
  revocation: string;
}

/** How a download link reaches the object. */
export type LinkRoute = 'presigned' | 'endpoint' | 'cdn';

/** What `share:preview` says a link would be, without signing or recording anything. */
export interface SharePreview {
  kind: 'get' | 'public';
  route: LinkRoute;
  /** Null for public links, which do not expire. */
  expiry: ExpiryDecision | null;
  warning?: ShareWarning;
  object?: { size: number; contentType?: string; lastModified?: string };
  /** The whole story in a sentence or three: what kind of link, how long, which limit, any warning. */
  explanation: string;
}

/** One issued download link (`share:link`). */
export interface ShareLinkResult extends SharePreview {
  url: string;
  bucket: string;
  key: string;
  /** Same as `expiry.expiresAt`; null for public links. */
  expiresAt: string | null;
  cap: ExpiryCap | null;
  ledgerId: number;
  /** True when main already put the URL on the OS clipboard; otherwise the renderer copies `url`. */
  copiedByMain: boolean;
  revocation: string;
}

/** One row of `share:links`. */
export interface ShareLinkRow {
  key: string;
  url: string;
  kind: 'get' | 'public';
  expiresAt: string | null;
  warning?: ShareWarning;
}

/** Links for a selection (`share:links`), as rows and as ready-to-paste text and CSV. */
export interface ShareLinksResult {
  rows: ShareLinkRow[];
  /** The expiry shared by every presigned row; null when all rows are public. */
  expiry: ExpiryDecision | null;
  /** RFC 4180 CSV with header key,url,expires_at (CRLF line ends). */
  csv: string;
  /** Plain text for an e-mail: the expiry, then each key with its URL. */
  text: string;
  warnings: number;
  /** Ids of `text` and `csv` for `share:copySnippet` (main copies them without them coming back). */
  snippetIds: { text: string; csv: string };
  copiedByMain: boolean;
  explanation: string;
}

/** An upload link (`share:uploadLink`): POST form or PUT URL, with ready-to-paste snippets. */
export interface UploadLinkResult {
  method: 'post' | 'put';
  bucket: string;
  target: 'object' | 'prefix';
  /** The exact key, or the prefix uploads must start with. */
  key: string;
  url: string;
  /** POST only: the form fields to send before the file (order kept). */
  fields: Record<string, string>;
  /** PUT only: headers the upload must send exactly (signed). */
  headers: Record<string, string>;
  conditions: { minBytes?: number; maxBytes?: number; contentType?: string; anyContentType?: boolean };
  expiry: ExpiryDecision;
  expiresAt: string;
  cap: ExpiryCap;
  /** A POSIX-shell curl command; the customer replaces the file path. */
  curl: string;
  /** POST only: a self-contained HTML page with the form; empty for PUT. */
  html: string;
  warning?: ShareWarning;
  ledgerId: number;
  /** Ids of `url`, `curl` and `html` (null for PUT) for `share:copySnippet`. */
  snippetIds: { url: string; curl: string; html: string | null };
  copiedByMain: boolean;
  explanation: string;
  revocation: string;
}

/** What `share:ledgerExport` did: saved where the user chose (main wrote the file), or not (dialog cancelled). */
export type LedgerExportResult =
  | { saved: false }
  | {
      saved: true;
      /** The file main wrote. */
      path: string;
      fileName: string;
      rows: number;
      /** More rows matched than one export holds (100,000, the newest). */
      truncated: boolean;
    };

/** A page of the ledger (`share:ledger`). */
export interface LedgerPage {
  entries: LedgerEntry[];
  total: number;
  /** The moment "alive" was judged at (ISO). */
  now: string;
  revocation: string;
}
