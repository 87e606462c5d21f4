import { ListMultipartUploadsCommand, type S3Client } from '@aws-sdk/client-s3';
import type { RetryPolicy } from '../client/retry-policy';
import { withRetry } from '../client/retry';
import { abortUpload } from '../client/s3-ops';
import type { TransferClient } from '../client/transfer-client';
import type { CreateIntent } from '../queue/transfer-item';
import type { TransferJournal } from './transfer-journal';

/** An in-progress multipart upload as ListMultipartUploads reports it. */
export interface ListedUpload {
  key: string;
  uploadId: string;
  /** Server time, ms. */
  initiatedMs: number;
}

/** Server-clock bounds (ms) within which our lost CreateMultipartUpload can have been initiated. */
export interface StrayWindow {
  fromMs: number;
  toMs: number;
}

/** Error of our estimate of the server's clock (Date has whole seconds) plus latency, with room. */
const skewMarginMs = 5_000;
/** Without any Date from the server, its clock could be anything within reason. */
const unknownSkewMarginMs = 15 * 60_000;
/** How long after we sent it the server may still initiate an upload (connect, queueing). */
export const answerAllowanceMs = 2 * 60_000;

/** The window of an intent, in server time, with the clock offset known now as a fallback. Pure. */
export function strayWindow(intent: CreateIntent, offsetNowMs: number | undefined): StrayWindow {
  const offset = intent.offsetMs ?? offsetNowMs;
  const margin = offset === undefined ? unknownSkewMarginMs : skewMarginMs;
  return { fromMs: intent.firstAt + (offset ?? 0) - margin, toMs: intent.lastAt + (offset ?? 0) + answerAllowanceMs + margin };
}

/**
 * The uploads a lost CreateMultipartUpload of ours left: exactly the key (a Prefix listing also
 * returns longer keys), initiated within the window, and not an upload the journal knows (another
 * item's, live or paused). Pure.
 */
export function selectStrays(uploads: readonly ListedUpload[], key: string, window: StrayWindow, known: ReadonlySet<string>): string[] {
  return uploads
    .filter((u) => u.key === key && u.initiatedMs >= window.fromMs && u.initiatedMs <= window.toMs && !known.has(u.uploadId))
    .map((u) => u.uploadId);
}

/** In-progress uploads of `key` and of keys starting with it (pages through 1,000 at a time). */
export async function listUploadsOf(
  client: S3Client,
  bucket: string,
  key: string,
  policy: RetryPolicy,
  signal: AbortSignal,
): Promise<ListedUpload[]> {
  const found: ListedUpload[] = [];
  let markers: { KeyMarker?: string; UploadIdMarker?: string } = {};
  for (let page = 0; page < 20; page += 1) {
    const out = await withRetry(
      () => client.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: key, ...markers }), { abortSignal: signal }),
      { policy, signal },
    );
    for (const u of out.Uploads ?? []) {
      if (u.Key === undefined || u.UploadId === undefined) continue;
      found.push({ key: u.Key, uploadId: u.UploadId, initiatedMs: u.Initiated?.getTime() ?? Number.NaN });
    }
    // Keys are listed in order, the key itself first: once past it, nothing more can match.
    const last = out.Uploads?.at(-1)?.Key;
    if (!out.IsTruncated || (last !== undefined && last !== key)) break;
    markers = {
      ...(out.NextKeyMarker ? { KeyMarker: out.NextKeyMarker } : {}),
      ...(out.NextUploadIdMarker ? { UploadIdMarker: out.NextUploadIdMarker } : {}),
    };
  }
  return found;
}

/**
 * Aborts what a CreateMultipartUpload whose answer never came (lost, or the request was aborted
 * by a pause, a cancel or a quit) left on the server. Call it under the key's lock (KeyLocks), so
 * no other item of ours is between its create and journaling the id. Returns how many it aborted.
 */
export async function sweepStrayUploads(
  tc: TransferClient,
  journal: TransferJournal,
  bucket: string,
  intent: CreateIntent,
  policy: RetryPolicy,
  signal: AbortSignal,
): Promise<number> {
  // Listed first: its answer's Date also tells the server's clock.
  const uploads = await listUploadsOf(tc.client, bucket, intent.key, policy, signal);
  const strays = selectStrays(uploads, intent.key, strayWindow(intent, tc.clock.offsetMs), journal.uploadIdsOf(bucket, intent.key));
  for (const uploadId of strays) await abortUpload(tc.client, bucket, intent.key, uploadId, policy, signal);
  return strays.length;
}
