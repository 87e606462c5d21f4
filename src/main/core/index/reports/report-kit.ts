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
