import type { ListEntry } from '../../../shared/model/bucket';

/** What several selected rows add up to, from the listing alone (folders are not measured here). */
export interface SelectionSummary {
  count: number;
  objects: number;
  folders: number;
  /** Bytes of the selected objects; folder contents are not included. */
  bytes: number;
}

export function summariseSelection(entries: readonly ListEntry[]): SelectionSummary {
  let bytes = 0;
  let folders = 0;
  for (const entry of entries) {
    if (entry.kind === 'object') bytes += entry.size;
    else folders++;
  }
  return { count: entries.length, objects: entries.length - folders, folders, bytes };
}
