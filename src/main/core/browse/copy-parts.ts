const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** CopyObject copies at most 5 GiB in one request; above that, multipart copy is required. */
export const maxSingleCopyBytes = 5 * GiB;
/** S3's multipart limits: parts 5 MiB–5 GiB (the last may be smaller), at most 10,000 parts. */
export const minPartBytes = 5 * MiB;
export const maxPartBytes = 5 * GiB;
export const maxParts = 10_000;
/** Largest object S3 stores. */
export const maxObjectBytes = 5 * 1024 * GiB;
/**
 * Server-side parts cost the client nothing to move, so large parts (fewer requests) are best;
 * 512 MiB keeps a 5 TiB object within 10,000 parts.
 */
export const defaultCopyPartBytes = 512 * MiB;

/** One UploadPartCopy: bytes `first`..`last` inclusive, as CopySourceRange wants them. */
export interface CopyPart {
  partNumber: number;
  first: number;
  last: number;
}

/**
 * Splits an object of `size` bytes into copy parts of `preferred` bytes, grown (in whole MiB)
 * when that would need more than 10,000 parts, and kept within S3's part limits.
 */
export function planCopyParts(size: number, preferred = defaultCopyPartBytes): CopyPart[] {
  if (!Number.isSafeInteger(size) || size <= 0) throw new RangeError('A multipart copy needs an object of at least 1 byte.');
  if (size > maxObjectBytes) throw new RangeError('S3 objects are at most 5 TiB.');
  const needed = Math.ceil(Math.ceil(size / maxParts) / MiB) * MiB;
  const partSize = Math.min(maxPartBytes, Math.max(minPartBytes, preferred, needed));
  const parts: CopyPart[] = [];
  for (let first = 0, n = 1; first < size; first += partSize, n += 1) {
    parts.push({ partNumber: n, first, last: Math.min(size, first + partSize) - 1 });
  }
  return parts;
}
