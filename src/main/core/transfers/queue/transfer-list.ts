import type { TransferListResult, TransferState } from '../../../../shared/model/transfer';
import type { ProgressReporter } from './progress-reporter';
import type { TransferRegistry } from './transfer-registry';
import { toItemView } from './transfer-views';

export interface ListFilter {
  batchId?: string;
  states?: TransferState[];
  offset?: number;
  limit?: number;
}

/** A page of the queue for the panel: batches newest first, their items in queue order. */
export function listPage(registry: TransferRegistry, reporter: ProgressReporter, filter: ListFilter): TransferListResult {
  const records = registry.batchesNewestFirst().filter((r) => !filter.batchId || r.batch.id === filter.batchId);
  const states = filter.states ? new Set(filter.states) : undefined;
  const offset = filter.offset ?? 0;
  const limit = filter.limit ?? 200;
  const items: TransferListResult['items'] = [];
  let matched = 0;
  for (const record of records) {
    for (const id of record.ids) {
      const item = registry.items.get(id);
      if (!item || (states && !states.has(item.state))) continue;
      if (matched >= offset && items.length < limit) items.push(toItemView(item, reporter.itemSpeed(id)));
      matched += 1;
    }
  }
  return { batches: records.map((r) => reporter.batchView(r)), items, totalItems: matched, overall: reporter.overall() };
}
