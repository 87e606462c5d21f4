import { createWriteStream } from 'node:fs';
import { mkdir, rm, statfs, utimes } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isAppError } from '../../shared/errors';
import type { StageResponse } from '../../shared/model/transfer';
import { parseRelativePath } from '../core/files/relative-path';
import { resolveInside } from '../core/files/safe-local-path';
import { describeFsError } from '../core/files/fs-errors';

export interface StageOptions {
  /** `<dataDir>/staging`. */
  stagingDir: string;
  /** Largest single file accepted. */
  maxBytes: number;
  /** Free space to leave on the disk after staging. */
  reserveBytes: number;
}

const batchPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * `POST /__stage`: streams one dropped file (browser host only) to
 * `<stagingDir>/<batch>/<relative path>` and answers with where it went, so the upload takes the
 * same path-based route as in Electron. The path is validated (no absolute, `..`, backslash or
 * control characters), the size bounded by Content-Length, the free disk space checked first.
 */
export async function handleStageUpload(req: IncomingMessage, res: ServerResponse, url: URL, options: StageOptions): Promise<void> {
  const reply = (status: number, body: StageResponse | { code: string; message: string }) =>
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
  const batch = url.searchParams.get('batch') ?? '';
  if (!batchPattern.test(batch)) return void reply(400, { code: 'InvalidInput', message: 'The staging batch must be a UUID.' });
  let segments: string[];
  try {
    segments = parseRelativePath(url.searchParams.get('path') ?? '');
  } catch (error) {
    return void reply(400, { code: 'InvalidInput', message: isAppError(error) ? error.message : 'The file name cannot be used.' });
  }
  const length = Number(req.headers['content-length']);
  if (!Number.isSafeInteger(length) || length < 0)
    return void reply(411, { code: 'InvalidInput', message: 'The file size (Content-Length) is missing.' });
  if (length > options.maxBytes) {
    return void reply(413, {
      code: 'InvalidInput',
      message: `This file is larger than the browser host accepts (${options.maxBytes} bytes). Use the desktop app for it.`,
    });
  }
  const batchDir = path.join(options.stagingDir, batch);
  await mkdir(batchDir, { recursive: true });
  const disk = await statfs(batchDir);
  if (disk.bavail * disk.bsize < length + options.reserveBytes) {
    return void reply(507, {
      code: 'Internal',
      message: 'There is not enough free disk space to receive this file. Free some space, then drop it again.',
    });
  }
  const file = resolveInside(batchDir, segments);
  await mkdir(path.dirname(file), { recursive: true });
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > length) done(new Error('The body is longer than its Content-Length.'));
      else done(null, chunk);
    },
  });
  try {
    // `wx`: never replace a file staged before (the same name twice in one drop is a client bug).
    await pipeline(req, counter, createWriteStream(file, { flags: 'wx' }));
    if (received !== length) throw new Error(`Only ${received} of ${length} bytes arrived.`);
  } catch (error) {
    await rm(file, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'EEXIST'
        ? `${segments.join('/')} was already staged in this drop.`
        : code
          ? describeFsError(error, file, 'write')
          : (error as Error).message;
    if (!res.headersSent) reply(code === 'EEXIST' ? 409 : 400, { code: code === 'EEXIST' ? 'Conflict' : 'InvalidInput', message });
    return;
  }
  const mtime = Number(url.searchParams.get('mtime'));
  if (Number.isFinite(mtime) && mtime > 0) await utimes(file, new Date(), new Date(mtime)).catch(() => undefined);
  reply(201, { path: file, root: path.join(batchDir, segments[0] ?? '') });
}
