/** One object as a listing (or an inventory) reports it; the index stores it as a `StoredVersion` (`stored-values.ts`). */
export interface ListedObject {
  key: string;
  size: number;
  /** Without the quotes S3 puts around it. */
  etag: string | null;
  /** ISO 8601 (UTC, milliseconds). */
  lastModified: string | null;
  storageClass: string | null;
}

/** An ETag as the index keeps it: the quotes S3 wraps it in are dropped. */
export function bareEtag(etag: string | undefined | null): string | null {
  if (etag === undefined || etag === null || etag === '') return null;
  return etag.replace(/^"(.*)"$/, '$1');
}

/** A listing's storage class as the index keeps it: S3 omits it (or says STANDARD) for standard storage. */
export function storageClassOf(value: string | undefined | null): string {
  return value === undefined || value === null || value === '' ? 'STANDARD' : value;
}
