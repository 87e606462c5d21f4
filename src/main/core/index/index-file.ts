import type { IndexOpenResult } from './index-store';

/** The object index: rebuildable from S3, so it is set aside and started empty rather than copied. */
export const indexFileName = 'index.sqlite';

/** What to tell the user, once, about how the index came up; null when there is nothing to say. */
export function indexStartupNotice(result: IndexOpenResult): string | null {
  if (result.state === 'unavailable') {
    return `The object index could not be opened (${result.error.message}). Browsing, transfers, sharing and your saved connections are not affected.`;
  }
  if (result.setAside === null) return null;
  return `The object index (${indexFileName}) could not be used because ${result.setAside.reason}, so it was set aside as ${result.setAside.setAsidePath} and a new, empty one was started; it fills again from S3 as buckets are indexed. Your connections, settings, transfers and shared-link history are kept in another file and were not touched.`;
}
