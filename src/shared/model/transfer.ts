import { z } from 'zod';
import { headerValueSchema } from './header-value';
import type { AclSupport } from './bucket-capabilities';
import { contentTypeSchema } from './media-type';
import type { RootOrOther } from './roots';

/*
 * Transfers (uploads and downloads) as the renderer sees them. Main owns the queue; the renderer
 * gets snapshots (`transfers:list`) and deltas (`transfers:progress`, ~10 Hz) of these shapes.
 */

export type TransferDirection = 'upload' | 'download';

/**
 * Where an item is. `interrupted`: left unfinished by a previous run (quit or crash); it waits
 * until the user resumes or cancels it. Terminal: done, failed (retryable), cancelled, skipped.
 */
export type TransferState = 'queued' | 'active' | 'paused' | 'interrupted' | 'done' | 'failed' | 'cancelled' | 'skipped';

export const transferStates = [
  'queued',
  'active',
  'paused',
  'interrupted',
  'done',
  'failed',
  'cancelled',
  'skipped',
] as const satisfies readonly TransferState[];

/** What an active item is doing right now, for the panel's secondary line. */
export type TransferPhase = 'preparing' | 'transferring' | 'verifying' | 'finishing' | 'retrying';

/** The ACL an upload sets: a canned ACL, or none at all so the bucket's own rules decide. */
export type UploadAcl = 'public-read' | 'private' | 'bucket-default';

/** Headers an upload sets, per root. `cacheControl: null` sends no Cache-Control header. */
export interface UploadRootDefaults {
  acl: UploadAcl;
  cacheControl: string | null;
}

/** A connection's upload defaults, editable per connection (`transfers:setDefaults`). */
export interface UploadDefaultsSettings {
  public: UploadRootDefaults;
  private: UploadRootDefaults;
  other: UploadRootDefaults;
}

/** The options one upload batch will use, shown before it starts. */
export interface ResolvedUploadOptions {
  /** Which configured root the destination falls under. */
  root: RootOrOther;
  /** The ACL that will actually be sent (`bucket-default` when ACLs are disabled on the bucket). */
  acl: UploadAcl;
  /** The ACL the defaults asked for, before the bucket's ACL support was taken into account. */
  requestedAcl: UploadAcl;
  cacheControl: string | null;
  /** Empty: each file's type comes from its extension, then its first bytes. */
  contentType: string | null;
  aclSupport: AclSupport;
  /** Plain words for the UI, e.g. that the bucket policy or CDN decides public access. */
  notes: string[];
}

/** What to do when the destination already has an object or file of that name. */
export type ConflictAction = 'skip' | 'overwrite' | 'keepBoth';

export interface PlanProblem {
  /** The local path (uploads) or key (downloads) concerned. */
  path: string;
  /** `SameKey`: another file of the same upload gets this key (it is named in the message). */
  code: 'NotFound' | 'Unreadable' | 'NotAFile' | 'SymlinkLoop' | 'Symlink' | 'KeyTooLong' | 'TooLarge' | 'TooMany' | 'BadName' | 'SameKey';
  message: string;
}

/** One planned file, as sampled into a plan for the UI (the full list stays in main). */
export interface PlannedItem {
  /** Relative path shown to the user, with `/` separators. */
  name: string;
  key: string;
  localPath: string;
  size: number;
  contentType?: string;
  /** Set when the destination already has something under this name. */
  existing?: { size: number; lastModified?: string };
  /** Downloads: the key had characters the local file system cannot hold, so the name was changed. */
  renamed?: boolean;
}

/** Common to upload and download plans: what will happen, before anything is sent. */
export interface TransferPlanBase {
  planId: string;
  direction: TransferDirection;
  connectionId: string;
  bucket: string;
  fileCount: number;
  totalBytes: number;
  /** Up to 200 items for a preview table. */
  sample: PlannedItem[];
  /** How many planned files already exist at the destination; the UI asks once for all of them. */
  conflictCount: number;
  /** Up to 200 of the conflicting items. */
  conflicts: PlannedItem[];
  /** Files that cannot be transferred (they are left out; the rest goes ahead). */
  problems: PlanProblem[];
  problemCount: number;
  /** Plans are kept in main for 30 minutes. */
  expiresAt: string;
}

export interface UploadPlan extends TransferPlanBase {
  direction: 'upload';
  prefix: string;
  options: ResolvedUploadOptions;
  /** Files that will go up in parts (large files). */
  multipartCount: number;
  /** Operating-system clutter left out on purpose (.DS_Store, Thumbs.db, desktop.ini). */
  ignoredCount: number;
}

export interface DownloadPlan extends TransferPlanBase {
  direction: 'download';
  destination: string;
  /** Keys whose local name had to change (characters or names the file system forbids). */
  renamedCount: number;
  /** Up to 200 of them, each with the local name it gets, so the user sees what changes. */
  renamed: PlannedItem[];
  /** Empty folders (zero-byte `name/` objects) that will be created. */
  folderCount: number;
}

export interface TransferError {
  code: string;
  message: string;
}

/** One file in the queue. */
export interface TransferItemView {
  id: string;
  batchId: string;
  direction: TransferDirection;
  connectionId: string;
  bucket: string;
  key: string;
  localPath: string;
  /** Relative path within the batch, for display. */
  name: string;
  state: TransferState;
  phase?: TransferPhase;
  bytesTotal: number;
  bytesDone: number;
  /** 0–100, one decimal. */
  percent: number;
  /** Bytes per second, moving average over the last few seconds. */
  speed: number;
  /** Seconds left at the current speed; null when unknown. */
  eta: number | null;
  /** Multipart uploads and ranged downloads. */
  parts?: { done: number; total: number };
  error?: TransferError;
  /** Something the user should know although it did not fail, e.g. "restarted: the file changed". */
  notice?: string;
  /** Uploads: the headers it is sent with. */
  upload?: { acl: UploadAcl; cacheControl: string | null; contentType: string };
  attempts: number;
  startedAt?: string;
  finishedAt?: string;
}

/** Counts of a batch's items by state. */
export type StateCounts = Record<TransferState, number>;

/** One drop, pick or download request: the unit the UI asks about and notifies on. */
export interface TransferBatchView {
  id: string;
  direction: TransferDirection;
  connectionId: string;
  bucket: string;
  /** Destination prefix (uploads) or local folder (downloads). */
  destination: string;
  label: string;
  /** The batch's overall state: active while anything runs or waits, then done/failed/cancelled. */
  state: TransferState;
  itemCount: number;
  counts: StateCounts;
  bytesTotal: number;
  bytesDone: number;
  percent: number;
  speed: number;
  eta: number | null;
  createdAt: string;
  finishedAt?: string;
}

/** Everything not finished, for a taskbar/dock progress bar. */
export interface TransferOverall {
  active: number;
  queued: number;
  paused: number;
  interrupted: number;
  failed: number;
  bytesTotal: number;
  bytesDone: number;
  /** 0–1, or null when nothing is in flight. */
  fraction: number | null;
  speed: number;
  eta: number | null;
}

/** An empty queue's overall figures: where main starts its sums and the renderer its state. Copy before changing. */
export const emptyTransferOverall: TransferOverall = {
  active: 0,
  queued: 0,
  paused: 0,
  interrupted: 0,
  failed: 0,
  bytesTotal: 0,
  bytesDone: 0,
  fraction: null,
  speed: 0,
  eta: null,
};

/** `transfers:progress`: only what changed since the previous event (at most ~10 per second). */
export interface TransferProgressEvent {
  items: TransferItemView[];
  batches: TransferBatchView[];
  overall: TransferOverall;
}

/** `transfers:batchFinished`: once per batch when nothing in it is left to run (for a notification). */
export interface TransferBatchFinishedEvent {
  batch: TransferBatchView;
}

export interface TransferListResult {
  batches: TransferBatchView[];
  items: TransferItemView[];
  /** Items matching the filter, beyond the page returned. */
  totalItems: number;
  overall: TransferOverall;
}

/** Result of pause/resume/cancel/retry/clear: how many items changed state. */
export interface TransferControlResult {
  changed: number;
}

export interface TransferStartResult {
  batchId: string;
  queued: number;
  skipped: number;
}

/** Unfinished work from a previous run, offered for resume at start-up. */
export interface InterruptedSummary {
  batches: TransferBatchView[];
  itemCount: number;
  bytesLeft: number;
}

/**
 * Browser host only: a dropped file is first sent to the host, which stores it under its data
 * folder; the upload then goes through the same plan/start channels as a path from Electron.
 * `POST /__stage?batch=<uuid>&path=<relative path, URL-encoded>[&mtime=<ms>]`, body = the file's
 * bytes (Content-Length required), same origin and token cookie as the page. One `batch` uuid per
 * drop; relative paths keep the dropped folders (`Shoot/raw/a.mov`).
 */
export const stageRoutePath = '/__stage';

/** The answer to a staged file: 201 with this, or an error status with `{ code, message }`. */
export interface StageResponse {
  /** Where the file was stored. */
  path: string;
  /** The dropped top-level item it belongs to: pass each distinct `root` to `transfers:planUpload`. */
  root: string;
}

// ---- input schemas (validated in main) ----

/** A local absolute path as the renderer hands it over (Electron drop/dialog, or a staged file). */
export const localPathSchema = z
  .string()
  .min(1)
  .max(4096, 'A local path is at most 4,096 characters.')
  .refine((p) => !p.includes('\0'), 'A path cannot contain a NUL character.')
  // Absolute only (POSIX, drive letter or UNC): a relative path would depend on main's working folder.
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'A local path must be absolute.');

export const transferIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a transfer ID.');

export const uploadAclSchema = z.enum(['public-read', 'private', 'bucket-default']);

/** A Cache-Control value, e.g. `public, max-age=86400`: a clean header value (see header-value.ts). */
export const cacheControlSchema = headerValueSchema('Cache-Control', 256);

export const uploadRootDefaultsSchema = z.object({ acl: uploadAclSchema, cacheControl: cacheControlSchema.nullable() }).strict();

export const uploadDefaultsSettingsSchema = z
  .object({ public: uploadRootDefaultsSchema, private: uploadRootDefaultsSchema, other: uploadRootDefaultsSchema })
  .strict();

/** Per-upload changes to the connection's defaults. */
export const uploadOverridesSchema = z
  .object({
    acl: uploadAclSchema.optional(),
    cacheControl: cacheControlSchema.nullable().optional(),
    contentType: contentTypeSchema.optional(),
  })
  .strict();
export type UploadOverrides = z.output<typeof uploadOverridesSchema>;

export const conflictActionSchema = z.enum(['skip', 'overwrite', 'keepBoth']);

/** Which items a control applies to: some items, one batch, or everything. */
export const transferTargetSchema = z.union([
  z.object({ ids: z.array(transferIdSchema).min(1).max(10_000) }).strict(),
  z.object({ batchId: transferIdSchema }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type TransferTarget = z.output<typeof transferTargetSchema>;
