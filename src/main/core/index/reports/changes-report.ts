import type { ReportRow } from '../../../../shared/model/audit';
import { SnapshotRepository } from '../snapshot-repository';
import type { IndexReport } from './report-kit';

/** Most changes one report lists in a page's reach (paging is by key, so deeper pages read the ones before). */
export const maxListedChanges = 100_000;

/**
 * Changes between two snapshots (the two latest finished syncs unless chosen): added, changed
 * (ETag, size, last-modified, storage class) and removed, with totals. From the snapshot queries
 * of `snapshot-repository.ts`.
 */
export const changesReport: IndexReport = async (ctx) => {
  const syncs = await ctx.store.all<{ id: number; finishedAt: string | null }>(
    `SELECT id, finished_at AS finishedAt FROM syncs WHERE bucket_id = @bucketId AND state = 'done' ORDER BY id DESC LIMIT 2`,
    { bucketId: ctx.bucketId },
  );
  const toSync = ctx.params.toSync ?? syncs[0]?.id;
  const fromSync = ctx.params.fromSync ?? (ctx.params.toSync === undefined ? syncs[1]?.id : undefined) ?? 0;
  const base = {
    report: 'changes' as const,
    title: 'Changes between snapshots',
    columns: [
      { id: 'key', label: 'Key', kind: 'key' as const },
      { id: 'change', label: 'Change', kind: 'text' as const },
      { id: 'sizeBefore', label: 'Size before', kind: 'bytes' as const },
      { id: 'sizeAfter', label: 'Size after', kind: 'bytes' as const },
      { id: 'etagBefore', label: 'ETag before', kind: 'text' as const },
      { id: 'etagAfter', label: 'ETag after', kind: 'text' as const },
      { id: 'modifiedAfter', label: 'Last modified', kind: 'date' as const },
      { id: 'classAfter', label: 'Storage class', kind: 'text' as const },
    ],
    offset: ctx.offset,
  };
  if (toSync === undefined) {
    return {
      ...base,
      description: 'What was added, changed and removed between two syncs.',
      rows: [],
      total: 0,
      figures: [],
      notes: ['This bucket has no finished sync yet: sync it (twice, some time apart) to compare.'],
    };
  }
  const repo = new SnapshotRepository(ctx.store);
  const query = { bucketId: ctx.bucketId, fromSync, toSync, ...(ctx.params.prefix ? { prefix: ctx.params.prefix } : {}) };
  const reach = Math.min(ctx.offset + ctx.limit, maxListedChanges);
  const [totals, changes] = await Promise.all([
    repo.changeTotals(query),
    ctx.offset >= reach ? [] : repo.changes({ ...query, limit: reach }),
  ]);
  const rows: ReportRow[] = changes.slice(ctx.offset).map((c) => ({
    key: c.key,
    change: c.change,
    sizeBefore: c.before?.size ?? null,
    sizeAfter: c.after?.size ?? null,
    etagBefore: c.before?.etag ?? null,
    etagAfter: c.after?.etag ?? null,
    modifiedAfter: c.after?.lastModified ?? c.before?.lastModified ?? null,
    classAfter: c.after?.storageClass ?? c.before?.storageClass ?? null,
  }));
  const total = totals.added.count + totals.changed.count + totals.removed.count;
  return {
    ...base,
    description:
      fromSync === 0
        ? `Everything sync ${toSync} found (there is no earlier sync to compare with).`
        : `What changed from sync ${fromSync} to sync ${toSync}.`,
    rows,
    total,
    figures: [
      { label: 'Added', value: totals.added.count, kind: 'count' },
      { label: 'Changed', value: totals.changed.count, kind: 'count' },
      { label: 'Removed', value: totals.removed.count, kind: 'count' },
      { label: 'Bytes added', value: totals.added.bytes, kind: 'bytes' },
      { label: 'Bytes removed', value: totals.removed.bytes, kind: 'bytes' },
    ],
    chart: {
      kind: 'bars',
      title: 'Changes',
      items: [
        { name: 'Added', value: totals.added.count },
        { name: 'Changed', value: totals.changed.count },
        { name: 'Removed', value: totals.removed.count },
      ],
    },
    notes:
      total > maxListedChanges
        ? [`Only the first ${maxListedChanges.toLocaleString('en-US')} changes can be paged to; narrow by prefix for the rest.`]
        : [],
  };
};
