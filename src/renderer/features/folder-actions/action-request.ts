/** A folder action the user asked for, waiting for its dialog. */
export type ActionRequest =
  | { kind: 'newFolder'; parentPrefix: string }
  | { kind: 'delete'; keys: string[] }
  | { kind: 'rename'; key: string }
  | { kind: 'move' | 'copy'; keys: string[]; fromPrefix: string }
  | { kind: 'download'; keys: string[] }
  | { kind: 'bulkEdit'; keys: string[] };

/** The most keys one request may carry (the channel's limit). */
export const maxSelection = 10_000;

/** The most whole folders one download may name (`transfers:planDownload`'s limit). */
export const maxDownloadFolders = 1_000;

/** The most whole folders one bulk edit may name (`objects:bulkStart`'s limit). */
export const maxBulkEditFolders = 100;

/** Plain words for a selection: "report.pdf", "3 items", "“media” folder". */
export function describeKeys(keys: readonly string[], leaf: (key: string) => string): string {
  if (keys.length === 1) {
    const key = keys[0] ?? '';
    return key.endsWith('/') ? `the folder “${leaf(key)}”` : `“${leaf(key)}”`;
  }
  return `${keys.length.toLocaleString()} items`;
}

/** Splits a selection into objects and whole folders, as `transfers:planDownload` takes them. */
export function splitSelection(keys: readonly string[]): { keys: string[]; prefixes: string[] } {
  return { keys: keys.filter((k) => !k.endsWith('/')), prefixes: keys.filter((k) => k.endsWith('/')) };
}
