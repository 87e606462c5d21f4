import { rename, rm, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../../shared/errors';
import type { UndoExport } from '../../../../shared/model/bulk-edit';
import type { DialogPort } from '../../dialogs/dialog-port';
import { fsAppError } from '../../files/fs-errors';
import { readUndoEntries, readUndoMeta } from './undo-journal';

export type UndoExportResult = { saved: false } | { saved: true; path: string; fileName: string; objects: number };

/**
 * Asks where to save (the host's save dialog) and writes a job's undo record there as one JSON
 * document: every object it changed, with its headers and grants before. Written to
 * `<file>.partial` and renamed, so a failure never leaves half a file under the chosen name.
 */
export async function exportUndo(dialogs: DialogPort, undoFile: string): Promise<UndoExportResult> {
  const meta = readUndoMeta(undoFile);
  if (!meta) throw new AppError('NotFound', 'This job has no undo record (it changed nothing, or ran in another data folder).');
  const record: UndoExport = {
    format: 'bucket-admin/bulk-undo',
    version: 1,
    ...meta,
    objects: readUndoEntries(undoFile),
  };
  const choice = await dialogs.chooseSaveFile({
    title: 'Export the undo record',
    defaultName: `bulk-undo-${meta.jobId}.json`,
    filters: [{ name: 'JSON', extensions: ['json'] }],
  });
  const target = choice.paths[0];
  if (choice.canceled || target === undefined) {
    if (choice.unsupported) throw new AppError('Forbidden', choice.unsupported);
    return { saved: false };
  }
  const partial = `${target}.partial`;
  try {
    await writeFile(partial, `${JSON.stringify(record, null, 2)}\n`);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw fsAppError(error, target, 'write the export to');
  }
  return { saved: true, path: target, fileName: basename(target), objects: record.objects.length };
}
