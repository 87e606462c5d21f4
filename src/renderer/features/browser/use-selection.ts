import { useCallback, useMemo, useState } from 'react';
import { emptySelection, pruneToView, type SelectionState, type ViewKeys } from './selection-model';

/**
 * Selection state for one folder. What the rest of the UI sees is always limited to the rows in
 * view, so a filter or refresh can never leave an invisible row selected for a Delete.
 */
export function useSelection(view: ViewKeys, initialFocus: string | null = null) {
  // A folder opened by going back up starts with the folder we came from selected.
  const [raw, setRaw] = useState<SelectionState>(() =>
    initialFocus === null ? emptySelection : { selected: new Set([initialFocus]), anchor: initialFocus, focus: initialFocus },
  );
  // `raw` may hold a key the listing has not delivered yet (a folder made a moment ago, or the
  // one we came back from on a later page): it shows as selected once its row arrives.
  const selection = useMemo(() => pruneToView(raw, view), [raw, view]);
  /** Applies a step to the visible selection (dropping what the filter hides). */
  const update = useCallback(
    (step: (current: SelectionState) => SelectionState) => setRaw((prev) => step(pruneToView(prev, view))),
    [view],
  );
  return { selection, update };
}
