import { bufferPool } from '../local/buffer-pool';
import { SourceRewrittenError, type FileSource } from '../local/file-source';
import { partRange } from '../../s3/part-size';
import type { IntegrityMode } from '../client/transfer-client';
import type { JournalPart, SourceStamp } from '../queue/transfer-item';

/** Which checksum a journaled part carries: base64 of a 16-byte MD5 or of a 4-byte CRC32. */
export const checksumMode = (checksum: string): IntegrityMode => (checksum.length === 8 ? 'crc32' : 'md5');

/**
 * The file's ctime moved since `since` while its size and mtime did not: reads the parts already
 * sent again and compares them with their checksums. Throws SourceRewrittenError when one differs
 * (the object would mix two versions) or when the file changes again while it is read; returns
 * the file's stamp the parts were found to match. Costs one more read of those parts, only in
 * this case (a rewrite in place, or a chmod/chown/link).
 */
export async function verifySentParts(
  source: FileSource,
  since: SourceStamp,
  parts: Iterable<JournalPart>,
  partSize: number,
): Promise<SourceStamp> {
  const before = await source.check(since);
  if (!before.now || before.state === 'changed') throw new SourceRewrittenError(source.path, 'it was replaced or written to');
  const scratch = bufferPool.take();
  try {
    for (const part of [...parts].sort((a, b) => a.partNumber - b.partNumber)) {
      const range = partRange(part.partNumber, partSize, before.now.size);
      const local = part.checksum ? await source.checksum(range.start, range.end, checksumMode(part.checksum), scratch) : undefined;
      if (local?.base64 !== part.checksum) {
        throw new SourceRewrittenError(source.path, `part ${part.partNumber} was rewritten after it was sent, its modification time kept`);
      }
    }
  } finally {
    bufferPool.give(scratch);
  }
  const after = await source.check(before.now);
  if (after.state !== 'same') throw new SourceRewrittenError(source.path, 'it was being written to while it was checked');
  return before.now;
}
