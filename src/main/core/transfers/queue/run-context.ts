import type { Semaphore } from '../../../../shared/concurrency';
import type { BucketCapabilities } from '../../access/capabilities';
import type { TransferJournal } from '../journal/transfer-journal';
import type { TransferEngineOptions } from './engine-options';
import type { TransferItem } from './transfer-item';
import type { TransferClients } from '../client/transfer-client';
import type { KeyLocks } from './key-locks';
import type { Throttle } from './bandwidth-bucket';

/** What a runner (one upload or download) needs from the queue around it. */
export interface RunContext {
  signal: AbortSignal;
  options: TransferEngineOptions;
  clients: TransferClients;
  journal: TransferJournal;
  /** What each bucket said about ACLs: an upload sends one only where the bucket takes them. */
  capabilities: BucketCapabilities;
  /** The folder the user chose for a download's batch: its writes stay inside it. */
  destinationOf(item: TransferItem): string | undefined;
  /** Global limit on data requests in flight. */
  slots: Semaphore;
  /** The bandwidth limit every data request's bytes go through (uploads and downloads alike). */
  throttle: Throttle;
  /** Per bucket/key: creating a multipart upload and sweeping its strays never overlap. */
  keyLocks: KeyLocks;
  /** Bytes moved (negative when a failed request's bytes are taken back). */
  addBytes(item: TransferItem, delta: number): void;
  /** The item's size changed (the file or object changed since it was planned). */
  resize(item: TransferItem, size: number): void;
  /** The item's phase, parts or notice changed: include it in the next progress event. */
  touch(item: TransferItem): void;
  /** A request is being retried after `error`; counted on the item and shown. */
  retrying(item: TransferItem, error: unknown): void;
}

/** S3 returns ETags in quotes; the journal and comparisons use them bare. */
export function bareEtag(etag: string | undefined): string {
  return (etag ?? '').replace(/^"|"$/g, '');
}
