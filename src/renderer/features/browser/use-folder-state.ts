import { useCallback, useMemo, useState } from 'react';
import type { ListEntry } from '../../../shared/model/bucket';
import type { ActionRequest } from '../folder-actions/action-request';
import type { ListingRow } from './listing-rows';
import type { Roots } from '../../../shared/model/roots';
import { selectedInOrder } from './selection-model';
import { defaultSort, nextSort, type SortColumn, type SortSpec } from './sort-rows';
import { useListing, type FolderRef } from './use-listing';
import { useListingView } from './use-listing-view';
import { useSelection } from './use-selection';

/**
 * The state of one open folder: its streamed listing, the sorted and filtered view of it, the
 * selection, and which dialog or preview is open. Sort order survives navigation (the caller
 * keeps it); everything else starts fresh in each folder.
 */
export function useFolderState(folder: FolderRef, roots: Roots, sort: SortSpec, initialFocus: string | null) {
  const listing = useListing(folder);
  const [filter, setFilter] = useState('');
  const view = useListingView(listing.data?.pages, folder.prefix, roots, sort, filter, listing.hasNextPage);
  const { selection, update } = useSelection(view.keys, initialFocus);
  const [request, setRequest] = useState<ActionRequest | null>(null);
  const [preview, setPreview] = useState<ListEntry | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const selectedRows = useMemo((): readonly ListingRow[] => {
    const rows: ListingRow[] = [];
    for (const key of selectedInOrder(selection, view.keys)) {
      const row = view.rows[view.keys.indexOf.get(key) ?? -1];
      if (row) rows.push(row);
    }
    return rows;
  }, [selection, view]);

  const focusIndex = selection.focus !== null ? (view.keys.indexOf.get(selection.focus) ?? -1) : -1;
  const selectKey = useCallback((key: string) => update(() => ({ selected: new Set([key]), anchor: key, focus: key })), [update]);

  return {
    listing,
    view,
    filter,
    setFilter,
    selection,
    update,
    selectKey,
    selectedRows,
    focusIndex,
    request,
    setRequest,
    preview,
    setPreview,
    notice,
    setNotice,
  };
}

/** The next sort for a header click, as a state updater. */
export const sortBy = (column: SortColumn) => (current: SortSpec) => nextSort(current, column);

export { defaultSort };
