import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createJsonLogger, type Logger } from '../core/logger';

/** A JSON-lines logger appending to `main.log` in `logsDir`, plus a close for shutdown. */
export function openFileLogger(logsDir: string): { logger: Logger; logPath: string; close: () => void } {
  mkdirSync(logsDir, { recursive: true });
  const logPath = path.join(logsDir, 'main.log');
  const stream = createWriteStream(logPath, { flags: 'a' });
  // A full disk must not crash the app; losing log lines is the lesser harm.
  stream.on('error', () => {});
  return { logger: createJsonLogger((line) => stream.write(line)), logPath, close: () => stream.end() };
}
