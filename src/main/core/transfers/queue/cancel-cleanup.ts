import { setTimeout as delay } from 'node:timers/promises';
import { removeTemp } from '../download/download-files';
import { objectLockName, type KeyLocks } from './key-locks';
import type { RetryPolicy } from '../client/retry-policy';
import { abortUpload } from '../client/s3-ops';
import { listUploadsOf, sweepStrayUploads } from '../journal/stray-uploads';
import type { TransferClients } from '../client/transfer-client';
import type { TransferItem } from './transfer-item';
import type { TransferJournal } from '../journal/transfer-journal';

/** A create aborted just as it was sent may still be acted on by the server: swept again after this. */
const lateCreateMs = 2_000;

/**
 * What a cancel leaves behind is removed: a multipart upload is aborted (and checked with
 * ListMultipartUploads, since a part still in flight can outlive one abort), and so is any upload
 * a CreateMultipartUpload whose answer never came may have made (the journaled intent); a partial
 * download file is deleted. The journal forgets the upload id, parts and intent. Works in every
 * state: queued, creating, sending parts, completing, paused, failed, interrupted.
 */
export async function cleanupCancelled(
  item: TransferItem,
  clients: TransferClients,
  journal: TransferJournal,
  policy: RetryPolicy,
  locks: KeyLocks,
): Promise<void> {
  if (item.direction === 'download') {
    await removeTemp(item.localPath);
    journal.clearParts(item.id);
    return;
  }
  const uploadId = item.uploadId;
  const intent = item.createIntent;
  if (!uploadId && !intent) return;
  const tc = clients.get(item.connectionId);
  const signal = AbortSignal.timeout(120_000);
  const shortPolicy = { ...policy, maxAttempts: Math.min(policy.maxAttempts, 5) };
  if (uploadId) {
    for (let round = 0; round < 3; round += 1) {
      await abortUpload(tc.client, item.bucket, item.key, uploadId, shortPolicy, signal);
      const listed = await listUploadsOf(tc.client, item.bucket, item.key, shortPolicy, signal);
      if (!listed.some((u) => u.uploadId === uploadId)) break;
    }
    item.uploadId = null;
    item.partSize = null;
    item.sourceStamp = null;
    journal.forgetUpload(item.id);
  }
  if (intent) {
    const sweep = () =>
      locks.run(objectLockName(item.bucket, intent.key), signal, () =>
        sweepStrayUploads(tc, journal, item.bucket, intent, shortPolicy, signal),
      );
    await sweep();
    await delay(lateCreateMs, undefined, { signal });
    await sweep();
    // Unless a retry of the item has started a create of its own meanwhile.
    if (item.createIntent === intent) {
      item.createIntent = null;
      journal.saveCreateIntent(item.id, null);
    }
  }
}
