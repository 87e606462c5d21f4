import type { ResolvedConnection } from '../connections/connections-service';
import { toAppError } from '../s3/s3-errors';
import { deleteBatch, deleteBatchSize } from './batch-delete';
import type { JobContext } from '../jobs/job-runner';
import { WorkQueue } from '../jobs/work-queue';
import { isFolderKey } from '../../../shared/model/keys';
import { walkObjects } from './object-walker';
import { normalizeSelection } from './selection';

export interface DeleteRequest {
  bucket: string;
  keys: readonly string[];
}

/**
 * Deletes the picked objects and everything under the picked folders. Folders are listed while
 * earlier batches are already being deleted; each batch is one DeleteObjects of up to 1,000 keys.
 * Cancel takes effect between batches (a batch sent is left to finish, so counts stay true).
 */
export async function runDelete({ record, client }: ResolvedConnection, req: DeleteRequest, ctx: JobContext): Promise<void> {
  const endpoint = record.endpoint ?? 'AWS';
  const selection = normalizeSelection(req.keys);
  const queue = new WorkQueue<string>();
  queue.push(selection.filter((k) => !isFolderKey(k)));
  const folders = selection.filter(isFolderKey);
  // The lister stops with the job, and also when deleting fails for good.
  const stop = new AbortController();
  const listSignal = AbortSignal.any([ctx.signal, stop.signal]);
  const producer = (async () => {
    for (const folder of folders) {
      for await (const page of walkObjects(client, req.bucket, folder, listSignal)) queue.push(page.map((o) => o.key));
    }
    queue.close();
  })().catch((error: unknown) => queue.fail(toAppError(error, { bucket: req.bucket, endpoint })));

  try {
    ctx.progress(folders.length === 0 ? queue.pushed : undefined);
    for (;;) {
      if (ctx.signal.aborted) return;
      const batch = await queue.take(deleteBatchSize);
      if (!batch) return;
      try {
        const result = await deleteBatch(client, req.bucket, batch);
        ctx.tally.succeeded(result.deleted);
        for (const f of result.failed) ctx.tally.failed(f.key, f.error);
      } catch (error) {
        const appError = toAppError(error, { bucket: req.bucket, endpoint });
        // A denial of the whole request concerns these keys only; anything else stops the job.
        if (appError.code !== 'AccessDenied') throw appError;
        for (const key of batch) ctx.tally.failed(key, appError);
      }
      ctx.progress(queue.isClosed ? queue.pushed : undefined);
    }
  } finally {
    stop.abort();
    await producer;
  }
}
