/** Byte units. */
export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;

/**
 * S3's multipart rules: parts of 5 MiB to 5 GiB (the last may be smaller), at most 10,000 of them.
 * One PutObject or CopyObject moves at most 5 GiB; larger objects need a multipart upload or copy.
 */
export const s3Limits = {
  minPartSize: 5 * MiB,
  maxPartSize: 5 * GiB,
  maxParts: 10_000,
  maxObjectSize: 5 * 1024 * GiB,
  maxSinglePut: 5 * GiB,
  maxSingleCopy: 5 * GiB,
} as const;

/**
 * The part size for an object of `fileSize` bytes, for uploads and server-side copies alike: the
 * preferred size unless the object is so large that 10,000 parts would not hold it, then the
 * smallest whole number of MiB that fits. Always within S3's limits. Throws over 5 TiB. Pure.
 */
export function choosePartSize(fileSize: number, preferred: number = 16 * MiB): number {
  if (!Number.isSafeInteger(fileSize) || fileSize < 0) throw new RangeError(`Not a file size: ${fileSize}`);
  if (fileSize > s3Limits.maxObjectSize) {
    throw new RangeError(`An object of ${fileSize} bytes is larger than S3's 5 TiB object limit.`);
  }
  const needed = Math.ceil(fileSize / s3Limits.maxParts);
  const size = Math.max(preferred, s3Limits.minPartSize, Math.ceil(needed / MiB) * MiB);
  return Math.min(size, s3Limits.maxPartSize);
}

/** How many parts an object of `fileSize` has at `partSize` (a zero-byte one still has one). */
export function partCount(fileSize: number, partSize: number): number {
  return Math.max(1, Math.ceil(fileSize / partSize));
}

/** Byte range of part `partNumber` (1-based): `start` inclusive, `end` exclusive. */
export function partRange(partNumber: number, partSize: number, fileSize: number): { start: number; end: number; size: number } {
  const start = (partNumber - 1) * partSize;
  const end = Math.min(fileSize, start + partSize);
  return { start, end, size: end - start };
}
