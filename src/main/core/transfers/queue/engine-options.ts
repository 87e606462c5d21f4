import type { NameRules } from '../../files/safe-local-path';
import { hostNameRules } from '../../files/safe-local-path';
import { progressIntervalMs } from '../../jobs/throttle';
import { MiB } from '../../s3/part-size';
import { defaultRetryPolicy, type RetryPolicy } from '../client/retry-policy';

/** Tunables of the transfer engine; tests shrink sizes and timeouts, the app uses the defaults. */
export interface TransferEngineOptions {
  /** Part size for multipart uploads unless the file needs larger ones (see choosePartSize). */
  preferredPartSize: number;
  /** Files larger than this go up in parts; smaller ones in one PUT. */
  multipartThreshold: number;
  /** Single PUTs up to this size (at most 1 MiB, one pooled buffer) are read once; larger ones stream from disk. */
  bufferedPutMax: number;
  /**
   * Whole GETs up to this size (at most 1 MiB, one pooled buffer) are read into memory, checked
   * there, and written with one call; larger ones stream to disk in `downloadWriteBytes` writes.
   */
  bufferedGetMax: number;
  /** Objects larger than this download in parallel ranges of `downloadRangeSize`. */
  rangedDownloadThreshold: number;
  downloadRangeSize: number;
  /** Bytes per file write of a download (64 KiB to 1 MiB, a power of two): socket reads are gathered into pooled buffers of this size. */
  downloadWriteBytes: number;
  /**
   * A download's bytes are copied into the file on the main thread where its folder is on a
   * disk known to be local, and through the thread pool elsewhere or once writes there turned slow
   * (`local/disk-writes.ts`); false: always through the pool (an A/B, a test of that path).
   */
  inlineDiskWrites: boolean;
  /**
   * Finished ranges of a download are journaled (after one fdatasync, beside the transfer) at most
   * this often, and when it stops part-way: a crash costs at most this much time fetched again.
   */
  downloadJournalMs: number;
  /** Files transferred at the same time. */
  maxActiveFiles: number;
  /** Data requests (PUT, part, ranged GET) in flight across the whole queue. */
  maxConcurrentRequests: number;
  /** Parts or ranges of one file in flight at once. */
  maxPartsPerFile: number;
  retry: RetryPolicy;
  /**
   * Times a multipart upload starts over because its file was rewritten in place while being
   * sent (size and mtime unchanged); after that the item fails, saying the file keeps changing.
   */
  maxSourceRestarts: number;
  /** A connection with no bytes moving for this long is dropped and the request retried. */
  stallTimeoutMs: number;
  connectTimeoutMs: number;
  /** Progress events at most this often (≈10 Hz). */
  progressIntervalMs: number;
  /** Most files one plan may hold. */
  maxPlanFiles: number;
  planTtlMs: number;
  /** File-name rules for downloads (the host's unless a test says otherwise). */
  nameRules: NameRules;
}

/**
 * Memory budget of the engine's own data, whatever the file or part size: every data request in
 * flight holds at most two pooled 1 MiB buffers (a file range is written double-buffered; the
 * checksum scratch is taken and given back before sending), so 16 requests × 2 MiB = 32 MiB,
 * plus about 1 KB of bookkeeping per queued file. Part size only changes how long a request runs,
 * never how much it holds. See README.md in this folder for measured figures.
 */
export const defaultEngineOptions: TransferEngineOptions = {
  preferredPartSize: 16 * MiB,
  multipartThreshold: 16 * MiB,
  bufferedPutMax: 1 * MiB,
  bufferedGetMax: 1 * MiB,
  rangedDownloadThreshold: 32 * MiB,
  downloadRangeSize: 16 * MiB,
  downloadWriteBytes: 64 * 1024,
  inlineDiskWrites: true,
  downloadJournalMs: 10_000,
  maxActiveFiles: 16,
  maxConcurrentRequests: 16,
  maxPartsPerFile: 4,
  retry: defaultRetryPolicy,
  maxSourceRestarts: 3,
  stallTimeoutMs: 30_000,
  connectTimeoutMs: 10_000,
  progressIntervalMs,
  maxPlanFiles: 200_000,
  planTtlMs: 30 * 60_000,
  nameRules: hostNameRules,
};
