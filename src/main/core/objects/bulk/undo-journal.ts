import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { dirname } from 'node:path';
import { undoEntrySchema, type UndoEntry } from '../../../../shared/model/bulk-edit';
import { safeJson } from '../../jobs/checkpoint-store';

/**
 * A bulk job's undo file: one JSON line per object, what it was just before the job changed it,
 * appended before its write is sent. A synchronous append is in the OS's hands when it returns,
 * so a process killed right after still leaves the line; an object redone after a resume is
 * already at its target and is skipped, so it adds no second line.
 */
export class UndoJournal {
  /** Opens (or, for a resumed job, reopens) the file; a new one starts with a line naming its job and bucket. */
  constructor(
    readonly file: string,
    meta: UndoMeta,
  ) {
    mkdirSync(dirname(file), { recursive: true });
    if (!existsSync(file)) appendFileSync(file, `${JSON.stringify({ meta })}\n`);
  }

  append(entry: UndoEntry): void {
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }
}

/**
 * The entries of an undo file, one per key (the first line for a key holds its state before the
 * job; a later one could only be a repeat). A torn or foreign line is left out, never guessed at.
 */
export function readUndoEntries(path: string): UndoEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const byKey = new Map<string, UndoEntry>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const parsed = undoEntrySchema.safeParse(safeJson(line));
    if (parsed.success && !byKey.has(parsed.data.key)) byKey.set(parsed.data.key, parsed.data);
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Which job wrote an undo file, on which bucket: its first line. */
export interface UndoMeta {
  jobId: string;
  connectionId: string;
  bucket: string;
}

const metaLine = z.object({ meta: z.object({ jobId: z.string(), connectionId: z.string(), bucket: z.string() }).strict() }).strict();

/** The first line of an undo file; undefined for a missing or foreign file. */
export function readUndoMeta(path: string): UndoMeta | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = metaLine.safeParse(safeJson(text.slice(0, text.indexOf('\n') >>> 0)));
  return parsed.success ? parsed.data.meta : undefined;
}
