import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import path from 'node:path';

export interface RotatingLogOptions {
  /** The file lines go to, e.g. `<logs>/main.log`; older ones become `main.1.log`, `main.2.log`, … */
  file: string;
  /** A file is rotated once it would grow past this. */
  maxBytes?: number;
  /** Rotated files kept besides the current one. */
  keep?: number;
}

/**
 * An append-only log file that rotates by size: a full `main.log` becomes `main.1.log` (the
 * older ones move up, the oldest is dropped) and a fresh one starts. Writes are asynchronous (a
 * stream): a line written before a rotation still reaches the renamed file, because the stream
 * holds its descriptor. A full disk loses lines, never crashes the app.
 */
export function openRotatingLog(options: RotatingLogOptions): { write: (line: string) => void; close: () => Promise<void> } {
  const { file, maxBytes = 5 * 1024 * 1024, keep = 4 } = options;
  mkdirSync(path.dirname(file), { recursive: true });
  const rotated = (n: number) => file.replace(/(\.log)?$/, `.${n}$1`);
  let size = existsSync(file) ? statSync(file).size : 0;
  let stream = open();

  function open(): WriteStream {
    const s = createWriteStream(file, { flags: 'a' });
    s.on('error', () => {});
    return s;
  }

  function rotate(): void {
    stream.end();
    try {
      rmSync(rotated(keep), { force: true });
      for (let n = keep - 1; n >= 1; n -= 1) if (existsSync(rotated(n))) renameSync(rotated(n), rotated(n + 1));
      renameSync(file, rotated(1));
    } catch {
      // A file we cannot move: keep appending to it rather than lose the log.
    }
    size = existsSync(file) ? statSync(file).size : 0;
    stream = open();
  }

  return {
    write(line) {
      const bytes = Buffer.byteLength(line);
      if (size > 0 && size + bytes > maxBytes) rotate();
      size += bytes;
      stream.write(line);
    },
    /** Resolves once every line written is on disk. */
    close: () => new Promise<void>((resolve) => stream.end(resolve)),
  };
}
