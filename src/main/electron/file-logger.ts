import path from 'node:path';
import { createJsonLogger, type Logger } from '../core/logger';
import { openRotatingLog } from '../core/rotating-log-file';

/** A JSON-lines logger appending to `main.log` in `logsDir` (rotated at 5 MiB, 4 old files kept), plus a close for shutdown. */
export function openFileLogger(logsDir: string): { logger: Logger; logPath: string; close: () => Promise<void> } {
  const logPath = path.join(logsDir, 'main.log');
  const file = openRotatingLog({ file: logPath });
  return { logger: createJsonLogger(file.write), logPath, close: file.close };
}
