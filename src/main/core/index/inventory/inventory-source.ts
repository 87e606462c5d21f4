import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { AppError } from '../../../../shared/errors';
import { toAppError } from '../../s3/s3-errors';
import type { InventoryFile } from './inventory-manifest';

/** Where an inventory is read from: a folder on this computer, or the inventory's destination bucket. */
export type InventoryLocation = { kind: 'folder'; path: string } | { kind: 'bucket'; bucket: string; manifestKey: string };

/** A data file ready to read: a local path whose bytes matched the manifest's MD5; `done` removes a downloaded copy. */
export interface FetchedFile {
  path: string;
  done(): Promise<void>;
}

/** Reads an inventory's manifest and fetches its data files, each checked against the manifest. */
export interface InventorySource {
  /** Where it is, in words (for messages and the sync's record). */
  describe(): string;
  manifestText(): Promise<string>;
  fetch(file: InventoryFile, signal: AbortSignal): Promise<FetchedFile>;
}

/**
 * A folder holding `manifest.json` as S3 wrote it, with the data files as the inventory's folder
 * layout has them (`…/config-ID/data/x.csv.gz` beside `…/config-ID/<time>/manifest.json`), or
 * simply next to the manifest: each file is looked for by the tail of its key, longest first.
 */
export function folderSource(folder: string): InventorySource {
  const manifest = join(folder, 'manifest.json');
  return {
    describe: () => folder,
    async manifestText() {
      let bytes: Buffer;
      try {
        bytes = await readFile(manifest);
      } catch {
        throw new AppError(
          'NotFound',
          `There is no manifest.json in ${folder}. Choose the folder that holds the inventory's manifest.json.`,
        );
      }
      const checksum = await readFile(join(folder, 'manifest.checksum'), 'utf8').catch(() => null);
      return checkedManifest(bytes, checksum, manifest);
    },
    async fetch(file, signal) {
      const parts = file.key.split('/');
      const candidates: string[] = [];
      for (const base of [folder, dirname(folder)])
        for (let n = parts.length; n >= 1; n--) candidates.push(join(base, ...parts.slice(parts.length - n)));
      for (const path of candidates) {
        // Never above the chosen folder's parent (the layout puts data/ beside the manifest's folder).
        if (!path.startsWith(dirname(folder) + sep)) continue;
        const found = await stat(path).catch(() => undefined);
        if (!found?.isFile()) continue;
        await verify(createReadStream(path), file, signal);
        return { path, done: () => Promise.resolve() };
      }
      throw new AppError(
        'NotFound',
        `The inventory file ${file.key} that manifest.json names is not in ${folder}. Copy the inventory's data files next to manifest.json (or its data/ folder beside it).`,
      );
    },
  };
}

/** The inventory in its destination bucket: the manifest by key, each data file downloaded to `tempDir` while hashed. */
export function bucketSource(client: S3Client, location: { bucket: string; manifestKey: string }, tempDir: string): InventorySource {
  const get = async (key: string, signal: AbortSignal) => {
    try {
      const out = await client.send(new GetObjectCommand({ Bucket: location.bucket, Key: key }), { abortSignal: signal });
      return out.Body as Readable;
    } catch (error) {
      if (signal.aborted) throw error;
      throw toAppError(error, { bucket: location.bucket, key });
    }
  };
  return {
    describe: () => `s3://${location.bucket}/${location.manifestKey}`,
    async manifestText() {
      const signal = new AbortController().signal;
      const bytes = await readAll(await get(location.manifestKey, signal));
      const checksumKey = location.manifestKey.replace(/manifest\.json$/, 'manifest.checksum');
      const checksum =
        checksumKey === location.manifestKey
          ? null
          : await get(checksumKey, signal).then(
              async (body) => (await readAll(body)).toString('utf8'),
              (error: unknown) => {
                // S3 writes manifest.checksum beside every manifest; a copy without it is still readable.
                if (error instanceof AppError && error.code === 'NoSuchKey') return null;
                throw error;
              },
            );
      return checkedManifest(bytes, checksum, `s3://${location.bucket}/${location.manifestKey}`);
    },
    async fetch(file, signal) {
      await mkdir(tempDir, { recursive: true });
      const path = join(
        tempDir,
        `${createHash('sha1').update(file.key).digest('hex')}${file.key.endsWith('.parquet') ? '.parquet' : '.gz'}`,
      );
      const done = () => rm(path, { force: true });
      try {
        const body = await get(file.key, signal);
        const hash = createHash('md5');
        let size = 0;
        await pipeline(
          body,
          async function* (source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              hash.update(chunk);
              size += chunk.length;
              yield chunk;
            }
          },
          createWriteStream(path),
          { signal },
        );
        check(file, hash.digest('hex'), size);
        return { path, done };
      } catch (error) {
        await done();
        throw error;
      }
    },
  };
}

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/**
 * The manifest's text, once its bytes match `manifest.checksum` (the hex MD5 S3 writes beside it)
 * where there is one: a manifest cut short or edited would otherwise name the wrong files.
 */
function checkedManifest(bytes: Buffer, checksum: string | null, where: string): string {
  const expected = checksum?.trim().split(/\s+/)[0]?.toLowerCase();
  if (expected) {
    const actual = createHash('md5').update(bytes).digest('hex');
    if (actual !== expected)
      throw new AppError(
        'StorageCorrupt',
        `${where} does not match its manifest.checksum (MD5 ${actual}, the checksum file says ${expected}): it is damaged or was changed. Nothing was imported; fetch the report again.`,
      );
  }
  return bytes.toString('utf8');
}

async function verify(stream: Readable, file: InventoryFile, signal: AbortSignal): Promise<void> {
  const hash = createHash('md5');
  let size = 0;
  for await (const chunk of stream) {
    signal.throwIfAborted();
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  check(file, hash.digest('hex'), size);
}

function check(file: InventoryFile, md5: string, size: number): void {
  if (md5 === file.md5) return;
  throw new AppError(
    'StorageCorrupt',
    `The inventory file ${file.key} does not match manifest.json (MD5 ${md5}, the manifest says ${file.md5}${size !== file.size ? `; ${size} bytes, the manifest says ${file.size}` : ''}): it is damaged or from another report. Nothing of it was imported; fetch the report again.`,
    { key: file.key },
  );
}
