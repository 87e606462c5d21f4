import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { removeTemp } from './download-files';
import type { RetryPolicy } from './retry-policy';
import { abortUpload } from './s3-ops';
import type { TransferClients } from './transfer-client';
import type { TransferItem } from './transfer-item';
import type { TransferJournal } from './transfer-journal';

/**
 * What a cancel leaves behind is removed: a multipart upload is aborted (and checked with
 * ListMultipartUploads, since a part still in flight can outlive one abort), a partial
 * download file is deleted. The journal forgets the upload id and parts.
 */
export async function cleanupCancelled(
  item: TransferItem,
  clients: TransferClients,
  journal: TransferJournal,
  policy: RetryPolicy,
): Promise<void> {
  if (item.direction === 'download') {
    await removeTemp(item.localPath);
    journal.clearParts(item.id);
    return;
  }
  const uploadId = item.uploadId;
  if (!uploadId) return;
  const { client } = clients.get(item.connectionId);
  const signal = AbortSignal.timeout(120_000);
  const shortPolicy = { ...policy, maxAttempts: Math.min(policy.maxAttempts, 5) };
  for (let round = 0; round < 3; round += 1) {
    await abortUpload(client, item.bucket, item.key, uploadId, shortPolicy, signal);
    const listed = await client.send(new ListMultipartUploadsCommand({ Bucket: item.bucket, Prefix: item.key }), { abortSignal: signal });
    if (!(listed.Uploads ?? []).some((u) => u.UploadId === uploadId)) break;
  }
  item.uploadId = null;
  journal.saveUpload(item.id, null, null);
  journal.clearParts(item.id);
}
