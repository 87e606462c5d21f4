/** Byte units. */
export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;

/** S3's multipart rules: parts of 5 MiB to 5 GiB (the last may be smaller), at most 10,000 of them. */
export const s3Limits = {
  minPartSize: 5 * MiB,
  maxPartSize: 5 * GiB,
  maxParts: 10_000,
  maxObjectSize: 5 * 1024 * GiB,
  maxSinglePut: 5 * GiB,
} as const;

/**
 * The part size for a file: the preferred size unless the file is so large that 10,000 parts
 * would not hold it, then the smallest whole number of MiB that fits. Always within S3's limits.
 * Throws for files over S3's 5 TiB object limit. Pure.
 */
export function choosePartSize(fileSize: number, preferred: number = 16 * MiB): number {
  if (!Number.isSafeInteger(fileSize) || fileSize < 0) throw new RangeError(`Not a file size: ${fileSize}`);
  if (fileSize > s3Limits.maxObjectSize) {
    throw new RangeError(`A file of ${fileSize} bytes is larger than S3's 5 TiB object limit.`);
  }
  const needed = Math.ceil(fileSize / s3Limits.maxParts);
  const size = Math.max(preferred, s3Limits.minPartSize, Math.ceil(needed / MiB) * MiB);
  return Math.min(size, s3Limits.maxPartSize);
}

/** How many parts a file of `fileSize` has at `partSize` (a zero-byte file still has one). */
export function partCount(fileSize: number, partSize: number): number {
  return Math.max(1, Math.ceil(fileSize / partSize));
}

/** Byte range of part `partNumber` (1-based): `start` inclusive, `end` exclusive. */
export function partRange(partNumber: number, partSize: number, fileSize: number): { start: number; end: number; size: number } {
  const start = (partNumber - 1) * partSize;
  const end = Math.min(fileSize, start + partSize);
  return { start, end, size: end - start };
}
