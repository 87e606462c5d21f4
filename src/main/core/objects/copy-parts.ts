import { choosePartSize, MiB, partCount, partRange } from '../s3/part-size';

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
 * Splits an object of `size` bytes into copy parts of `preferred` bytes, sized by the same rule
 * as upload parts (`choosePartSize`: grown in whole MiB past 10,000 parts, within S3's limits).
 */
export function planCopyParts(size: number, preferred = defaultCopyPartBytes): CopyPart[] {
  if (!Number.isSafeInteger(size) || size <= 0) throw new RangeError('A multipart copy needs an object of at least 1 byte.');
  const partSize = choosePartSize(size, preferred);
  return Array.from({ length: partCount(size, partSize) }, (_, i) => {
    const { start, end } = partRange(i + 1, partSize, size);
    return { partNumber: i + 1, first: start, last: end - 1 };
  });
}
