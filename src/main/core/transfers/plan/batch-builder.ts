import { randomUUID } from 'node:crypto';
import type { ConflictAction, ResolvedUploadOptions } from '../../../../shared/model/transfer';
import type { DownloadPlanData } from './download-planner';
import type { TransferBatch, TransferItem, WriteMode } from '../queue/transfer-item';
import type { UploadPlanData } from './upload-planner';

export interface ConflictAnswers {
  /** For every conflict not answered one by one. */
  conflict: ConflictAction;
  /** Per item: the key (uploads) or local path (downloads) → its answer. */
  choices: ReadonlyMap<string, ConflictAction>;
}

const modeFor = (action: ConflictAction): WriteMode => (action === 'overwrite' ? 'overwrite' : 'keepBoth');

/** "Shoot 12", or "Shoot 12 and 3 more" for several dropped items. */
function labelFor(names: readonly string[]): string {
  const tops = [...new Set(names.map((n) => n.split('/')[0] ?? n))];
  const first = tops[0] ?? 'Transfer';
  return tops.length > 1 ? `${first} and ${tops.length - 1} more` : first;
}

function newItem(
  batch: TransferBatch,
  seq: number,
  fields: Pick<TransferItem, 'key' | 'localPath' | 'name' | 'size' | 'sourceMtimeMs' | 'remoteEtag' | 'spec'>,
  skipped: boolean,
): TransferItem {
  return {
    id: randomUUID(),
    batchId: batch.id,
    seq,
    direction: batch.direction,
    connectionId: batch.connectionId,
    bucket: batch.bucket,
    ...fields,
    state: skipped ? 'skipped' : 'queued',
    uploadId: null,
    partSize: null,
    createIntent: null,
    sourceStamp: null,
    error: null,
    notice: skipped ? 'Skipped: it already exists at the destination.' : null,
    attempts: 0,
    createdAt: batch.createdAt,
    bytesDone: 0,
    partsDone: 0,
    partsTotal: 0,
  };
}

/** The batch and its items for a started upload plan; skipped conflicts stay in the batch as skipped. */
export function buildUploadBatch(
  plan: UploadPlanData,
  answers: ConflictAnswers,
  options: ResolvedUploadOptions,
): { batch: TransferBatch; items: TransferItem[] } {
  const batch: TransferBatch = {
    id: randomUUID(),
    direction: 'upload',
    connectionId: plan.connectionId,
    bucket: plan.bucket,
    destination: plan.prefix,
    label: labelFor(plan.files.map((f) => f.relPath)),
    createdAt: new Date().toISOString(),
  };
  const items = plan.files.map((file, seq) => {
    const action = file.existing ? (answers.choices.get(file.key) ?? answers.conflict) : null;
    return newItem(
      batch,
      seq,
      {
        key: file.key,
        localPath: file.absPath,
        name: file.relPath,
        size: file.size,
        sourceMtimeMs: file.mtimeMs,
        remoteEtag: null,
        spec: {
          kind: 'upload',
          mode: action ? modeFor(action) : 'create',
          // The requested ACL: where the bucket refuses ACLs each item says so in its notice.
          acl: options.requestedAcl,
          cacheControl: options.cacheControl,
          contentType: options.contentType ?? file.contentType,
        },
      },
      action === 'skip',
    );
  });
  return { batch, items };
}

/** The batch and its items for a started download plan. */
export function buildDownloadBatch(plan: DownloadPlanData, answers: ConflictAnswers): { batch: TransferBatch; items: TransferItem[] } {
  const batch: TransferBatch = {
    id: randomUUID(),
    direction: 'download',
    connectionId: plan.connectionId,
    bucket: plan.bucket,
    destination: plan.destination,
    label: labelFor(plan.files.map((f) => f.name)),
    createdAt: new Date().toISOString(),
  };
  const items = plan.files.map((file, seq) => {
    const action = file.existing ? (answers.choices.get(file.localPath) ?? answers.conflict) : null;
    return newItem(
      batch,
      seq,
      {
        key: file.key,
        localPath: file.localPath,
        name: file.name,
        size: file.size,
        sourceMtimeMs: null,
        remoteEtag: file.etag,
        spec: { kind: 'download', mode: action ? modeFor(action) : 'create', folderMarker: file.folderMarker },
      },
      action === 'skip',
    );
  });
  return { batch, items };
}
