import { useDeferredValue, useMemo, useState } from 'react';
import type { ListPage } from '../../../shared/model/bucket';
import { filterRows } from './filter-rows';
import { buildListingRows, type ListingRow } from './listing-rows';
import type { Roots } from '../../../shared/model/roots';
import { viewKeys, type ViewKeys } from './selection-model';
import { sortIncrementally, type SortMemo, type SortSpec } from './sort-rows';

/** The rows on screen: listed, sorted, then filtered, plus a key lookup for selection. */
export interface ListingView {
  /** Every row of the folder listed so far (unfiltered). */
  total: number;
  rows: readonly ListingRow[];
  keys: ViewKeys;
  /** True while the typed filter has not been applied yet (a big folder filtering). */
  filtering: boolean;
  /** The sort and filter the rows reflect: rows changing under the same order were not the user's doing. */
  order: string;
}

/** Keeps the last sort so pages streaming in are merged in instead of re-sorting everything. */
function createSorter(): (rows: readonly ListingRow[], spec: SortSpec, streaming: boolean) => readonly ListingRow[] {
  let memo: SortMemo | undefined;
  return (rows, spec, streaming) => {
    memo = sortIncrementally(memo, rows, spec, streaming);
    return memo.output;
  };
}

/**
 * Derives the visible rows from the pages that arrived. Each step is memoised on its inputs, so
 * typing in the filter does not re-sort and a new page does not re-filter more than it must.
 */
export function useListingView(
  pages: readonly ListPage[] | undefined,
  prefix: string,
  roots: Roots,
  sort: SortSpec,
  filter: string,
  /** More pages are coming: new rows go after the ones shown, and are sorted in once all are in. */
  streaming: boolean,
): ListingView {
  const [sorter] = useState(createSorter);
  const deferredFilter = useDeferredValue(filter);
  const all = useMemo(() => buildListingRows(pages, prefix, roots), [pages, prefix, roots]);
  const sorted = useMemo(() => sorter(all, sort, streaming), [sorter, all, sort, streaming]);
  const rows = useMemo(() => filterRows(sorted, deferredFilter), [sorted, deferredFilter]);
  const keys = useMemo(() => viewKeys(rows.map((r) => r.entry.key)), [rows]);
  return {
    total: all.length,
    rows,
    keys,
    filtering: deferredFilter !== filter,
    order: `${sort.column} ${sort.direction} ${deferredFilter}`,
  };
}
