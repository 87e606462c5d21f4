import type { ListEntry } from '../../../shared/model/bucket';
import type { BulkScope } from '../../../shared/model/bulk-edit';

/** A listing selection as a bulk edit's scope: files by key, folders as prefixes (edited recursively). */
export function bulkScopeOf(entries: readonly ListEntry[]): BulkScope {
  return {
    keys: entries.filter((e) => e.kind === 'object').map((e) => e.key),
    prefixes: entries.filter((e) => e.kind === 'folder').map((e) => e.key),
  };
}
