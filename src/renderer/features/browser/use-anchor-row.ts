import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { ListingRow } from './listing-rows';

/**
 * Keeps the row at the top of the view where it is when the rows change under the user without
 * them asking (the folder sorted once its last page arrived, a refresh): the table scrolls by as
 * much as that row moved. A new sort or filter (`order`) is the user's own doing and scrolls nothing.
 */
export function useAnchorRow(
  scrollRef: RefObject<HTMLElement | null>,
  rows: readonly ListingRow[],
  rowHeight: number,
  order: string,
  scrollTo: (offset: number) => void,
): void {
  const last = useRef<{ rows: readonly ListingRow[]; order: string } | null>(null);
  useLayoutEffect(() => {
    const before = last.current;
    last.current = { rows, order };
    const body = scrollRef.current;
    if (!before || !body || before.rows === rows || before.order !== order || body.scrollTop <= 0) return;
    // The first row whose top is in view (a sub-pixel scroll counts as that row).
    const index = Math.floor((body.scrollTop + 1) / rowHeight);
    const key = before.rows[index]?.entry.key;
    if (key === undefined || rows[index]?.entry.key === key) return;
    const moved = rows.findIndex((r) => r.entry.key === key);
    if (moved >= 0) scrollTo(body.scrollTop + (moved - index) * rowHeight);
  }, [scrollRef, rows, rowHeight, order, scrollTo]);
}
