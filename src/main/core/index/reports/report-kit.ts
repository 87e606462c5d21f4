import type { ReportPage, ReportParams } from '../../../../shared/model/audit';
import type { Roots } from '../../../../shared/model/roots';
import type { IndexStore } from '../index-store';
import { keyRangeCondition } from '../key-range';

/** What every report query takes. */
export interface ReportContext {
  store: IndexStore;
  /** `buckets.id` (-1 for a bucket never indexed: every report is then empty). */
  bucketId: number;
  roots: Roots;
  params: ReportParams;
  offset: number;
  limit: number;
}

/** A report over the index: one page of it, without `tookMs` (the registry times it). */
export type IndexReport = (ctx: ReportContext) => Promise<Omit<ReportPage, 'tookMs'>>;

/** The scope conditions every report starts with (`o` is `objects`), and their parameters. */
export function scopeOf(ctx: ReportContext): { where: string; params: Record<string, string | number> } {
  return {
    where: 'o.bucket_id = @bucketId',
    params: { bucketId: ctx.bucketId, limit: ctx.limit, offset: ctx.offset },
  };
}

/** "Under this root" over `o.key`, with parameter names unique to `name`. */
export function underRoot(ctx: ReportContext, root: 'public' | 'private', name = root): { sql: string; params: Record<string, string> } {
  return keyRangeCondition('o.key', `${name}Root`, ctx.roots[root]) ?? { sql: '1', params: {} };
}

/** Reads one number (a count or a sum); 0 when the query has no row. */
export async function scalar(store: IndexStore, sql: string, params: Record<string, string | number>): Promise<number> {
  const row = await store.get<{ n: number | null }>(sql, params);
  return row?.n ?? 0;
}

/**
 * `objects o` with what the deep scan found about each (`object_scans s`, index v14): only the
 * scanned ones, which `scanned_at` marks and its partial index (v11) finds in key order.
 */
export const scannedObjects = 'objects o JOIN object_scans s ON s.object_id = o.id';

/**
 * How many objects under `roots` the deep scan has not judged: those under them less those it has
 * (`scanned_at` set and `judged`, a condition over `object_scans s`, from the small index of scanned rows, index v11), in one
 * statement, so both counts come from one snapshot whatever a sync or a deep scan writes meanwhile.
 * Asking for the unjudged rows directly took three passes over the table (1,000,000 objects:
 * 0.45 s, 3.4 s the first time after the disk cache was dropped); this takes one. It reads the
 * table in its own order (`NOT INDEXED`): the key index, a third of its size, was 22.7 s that first
 * time here, its pages being scattered through the file by a first sync's inserts in parallel ranges.
 */
export function unjudgedUnder(ctx: ReportContext, roots: readonly ('public' | 'private')[], judged = '1'): Promise<number> {
  const ranges = roots.map((root) => underRoot(ctx, root));
  // A key under two roots (one inside the other) meets the OR once.
  const under = ranges.map((r) => r.sql).join(' OR ');
  return scalar(
    ctx.store,
    `SELECT (SELECT count(*) FROM objects o NOT INDEXED WHERE o.bucket_id = @bucketId AND (${under}))
      - (SELECT count(*) FROM ${scannedObjects} WHERE o.bucket_id = @bucketId AND o.scanned_at IS NOT NULL AND (${under}) AND ${judged}) AS n`,
    ranges.reduce<Record<string, string | number>>((params, r) => ({ ...params, ...r.params }), { bucketId: ctx.bucketId }),
  );
}
