import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compareStamps, FileSource, sentAsChecksummed } from '../../../../src/main/core/transfers/local/file-source';
import { writeFileRange } from '../../../../src/main/core/transfers/local/file-range-body';
import { putTimesBack } from '../../../support/file-times';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempFile(size: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'bucket-admin-source-'));
  dirs.push(dir);
  const file = join(dir, 'clip.mov');
  writeFileSync(file, randomBytes(size));
  return file;
}

/** Rewrites bytes in place and puts the times back, as `cp -p` or `rsync -t --inplace` do. */
function rewriteKeepingTimes(file: string, at = 0): void {
  const before = statSync(file);
  const fd = openSync(file, 'r+');
  writeSync(fd, randomBytes(4096), 0, 4096, at);
  closeSync(fd);
  putTimesBack(file, before);
}

/** Collects what writeFileRange sends, as a socket would take it. */
function sink() {
  const chunks: Buffer[] = [];
  return {
    chunks,
    destroyed: false,
    write: (c: Buffer, cb: (e?: Error | null) => void) => (chunks.push(Buffer.from(c)), cb(), true),
    end: () => undefined,
  };
}

describe('a source file’s stamp', () => {
  it('is the same after reading; touched after a rewrite with the mtime put back, or a chmod; changed when written to', async () => {
    const file = tempFile(64 * 1024);
    const { source } = await FileSource.open(file);
    try {
      const scratch = Buffer.alloc(16 * 1024);
      await source.checksum(0, 64 * 1024, 'md5', scratch);
      expect((await source.check()).state).toBe('same');
      rewriteKeepingTimes(file);
      const touched = await source.check();
      expect(touched.state).toBe('touched');
      expect(touched.now?.mtimeMs).toBe(source.opened.mtimeMs);
      expect(compareStamps(source.opened, { ...source.opened, ctimeMs: source.opened.ctimeMs + 1 })).toBe('touched');
      expect(compareStamps(source.opened, { ...source.opened, ino: source.opened.ino + 1 })).toBe('changed');
      const since = touched.now ?? source.opened;
      expect((await source.check(since)).state).toBe('same');
      chmodSync(file, 0o600);
      expect((await source.check(since)).state).toBe('touched');
      appendFileSync(file, 'more');
      expect((await source.check(since)).state).toBe('changed');
    } finally {
      await source.close();
    }
  });
});

describe('the bytes a streamed body sent', () => {
  it('match its CRC32 when the file held still, and not when it was rewritten between the checksum read and the send', async () => {
    const size = 3 * 1024 * 1024 + 5;
    const file = tempFile(size);
    const { source } = await FileSource.open(file);
    try {
      const scratch = Buffer.alloc(1024 * 1024);
      const checksum = await source.checksum(0, size, 'crc32', scratch);
      const still = source.stream(0, size, () => undefined, true);
      const out = sink();
      await writeFileRange(out, still);
      expect(Buffer.concat(out.chunks).length).toBe(size);
      expect(sentAsChecksummed(still, checksum)).toBe(true);

      rewriteKeepingTimes(file, 2 * 1024 * 1024);
      const torn = source.stream(0, size, () => undefined, true);
      await writeFileRange(sink(), torn);
      expect(sentAsChecksummed(torn, checksum)).toBe(false);
      // Content-MD5 is checked by the server, so nothing is tracked for it.
      expect(sentAsChecksummed(torn, await source.checksum(0, size, 'md5', scratch))).toBe(true);
    } finally {
      await source.close();
    }
  });
});
