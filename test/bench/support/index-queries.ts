// Times the audit's searches and reports on an index, as the UI runs them (the same functions the
// `audit:*` handlers call, through the index worker): p50/p95 per search kind, and each report.
import { searchIndexedObjects } from '../../../src/main/core/index/index-search';
import type { IndexStore } from '../../../src/main/core/index/index-store';
import { indexReports } from '../../../src/main/core/index/reports/report-registry';
import { reportParamsSchema, searchQuerySchema, type SearchQueryInput } from '../../../src/shared/model/audit';
import { defaultRoots } from '../../../src/shared/model/roots';

export interface Percentiles {
  p50: number;
  p95: number;
  max: number;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

function percentiles(times: number[]): Percentiles {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: round1(at(0.5)), p95: round1(at(0.95)), max: round1(sorted.at(-1) ?? 0) };
}

/** Runs each kind `runs` times (query `i` of run `i`), a page of 200 rows each, as the results table asks. */
export async function timeSearches(
  store: IndexStore,
  bucketId: number,
  kinds: Record<string, (i: number) => SearchQueryInput>,
  runs: number,
): Promise<Record<string, Percentiles>> {
  const scope = { bucketId, roots: defaultRoots };
  const out: Record<string, Percentiles> = {};
  for (const [kind, make] of Object.entries(kinds)) {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const query = searchQuerySchema.parse(make(i));
      const s = performance.now();
      await searchIndexedObjects(store, scope, query, { offset: 0, limit: 200 });
      times.push(performance.now() - s);
    }
    out[kind] = percentiles(times);
  }
  return out;
}

/** Each report's first page with its count, `runs` times; the slowest run is what a user may wait. */
export async function timeReports(store: IndexStore, bucketId: number, runs = 3): Promise<Record<string, Percentiles>> {
  const out: Record<string, Percentiles> = {};
  for (const [id, run] of Object.entries(indexReports)) {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const s = performance.now();
      await run({ store, bucketId, roots: defaultRoots, params: reportParamsSchema.parse({}), offset: 0, limit: 200 });
      times.push(performance.now() - s);
    }
    out[id] = percentiles(times);
  }
  return out;
}
