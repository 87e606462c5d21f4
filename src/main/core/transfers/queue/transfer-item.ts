import type { TransferDirection, TransferError, TransferPhase, TransferState, UploadAcl } from '../../../../shared/model/transfer';

/**
 * `create`: the name was free when planned; never replace what someone else wrote meanwhile
 * (conditional PUT, HEAD before completing, no-clobber rename). `overwrite`: the user said so.
 * `keepBoth`: like create, but a taken name moves on to `name (1).ext`, `name (2).ext`, …
 */
export type WriteMode = 'create' | 'overwrite' | 'keepBoth';

export interface UploadSpec {
  kind: 'upload';
  mode: WriteMode;
  acl: UploadAcl;
  cacheControl: string | null;
  contentType: string;
}

export interface DownloadSpec {
  kind: 'download';
  mode: WriteMode;
  /** A zero-byte `folder/` object: create the local folder, nothing to fetch. */
  folderMarker: boolean;
}

export type TransferSpec = UploadSpec | DownloadSpec;

/** One file in the queue, as main keeps it (journaled fields plus live progress). */
export interface TransferItem {
  id: string;
  batchId: string;
  seq: number;
  direction: TransferDirection;
  connectionId: string;
  bucket: string;
  key: string;
  localPath: string;
  name: string;
  size: number;
  /** Uploads: the source file's mtime when queued (ms, truncated). */
  sourceMtimeMs: number | null;
  /** Downloads: the object's ETag when planned. */
  remoteEtag: string | null;
  state: TransferState;
  spec: TransferSpec;
  uploadId: string | null;
  partSize: number | null;
  /** Uploads: a CreateMultipartUpload was sent and its answer is not known yet (see CreateIntent). */
  createIntent: CreateIntent | null;
  /** Uploads: the source file as it was when the journaled parts were read. */
  sourceStamp: SourceStamp | null;
  error: TransferError | null;
  notice: string | null;
  attempts: number;
  createdAt: string;
  // Live, not journaled (recomputed on resume):
  phase?: TransferPhase;
  bytesDone: number;
  partsDone: number;
  partsTotal: number;
  startedAt?: string;
  finishedAt?: string;
}

/** A batch as main keeps it. */
export interface TransferBatch {
  id: string;
  direction: TransferDirection;
  connectionId: string;
  bucket: string;
  destination: string;
  label: string;
  createdAt: string;
  finishedAt?: string;
  /** Set once `transfers:batchFinished` was sent, so it is sent once. */
  announced?: boolean;
}

/**
 * Journaled before each CreateMultipartUpload is sent: if its answer is lost, the uploads of
 * `key` the server initiated in [firstAt, lastAt] (client clock, ms, plus `offsetMs` = server
 * clock minus ours when known) can only be ours, and are aborted before anything else happens.
 */
export interface CreateIntent {
  key: string;
  firstAt: number;
  lastAt: number;
  offsetMs?: number;
}

/**
 * Who a source file is: a rewrite in place keeps dev/ino (and may put size and mtime back), but
 * always moves ctime, which no program can set.
 */
export interface SourceStamp {
  dev: number;
  ino: number;
  size: number;
  /** Truncated to whole ms, as journaled since v3. */
  mtimeMs: number;
  ctimeMs: number;
}

/** A part (upload) or range (download) known to be complete. */
export interface JournalPart {
  partNumber: number;
  size: number;
  etag: string;
  checksum: string | null;
}

export const terminalStates: ReadonlySet<TransferState> = new Set(['done', 'failed', 'cancelled', 'skipped']);
