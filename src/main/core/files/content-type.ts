import { open } from 'node:fs/promises';
import path from 'node:path';
import mime from 'mime';
import { typeForName } from '../../../shared/model/extension-types';
import { sniffBytes, sniffContentType } from './magic-bytes';

export const fallbackContentType = 'application/octet-stream';

/**
 * The content type its extension gives a file name (mime's full database), if known. Text types
 * say UTF-8: what our uploads and bundle files are, and what a browser would otherwise guess at.
 */
export function contentTypeFromName(name: string): string | undefined {
  const type = typeForName(path.basename(name), mime);
  return type?.startsWith('text/') ? `${type}; charset=utf-8` : type;
}

/**
 * Content-Type for a local file: from its extension, else from its first bytes, else
 * application/octet-stream. Reads at most 64 bytes, and only when the extension is unknown.
 */
export async function detectContentType(file: string, size: number): Promise<string> {
  const fromName = contentTypeFromName(file);
  if (fromName) return fromName;
  if (size === 0) return fallbackContentType;
  try {
    const handle = await open(file, 'r');
    try {
      const head = new Uint8Array(Math.min(sniffBytes, size));
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      return sniffContentType(head.subarray(0, bytesRead)) ?? fallbackContentType;
    } finally {
      await handle.close();
    }
  } catch {
    // Unreadable here means unreadable at upload too; that step reports it with its own words.
    return fallbackContentType;
  }
}
