import { AppError, type ErrorCode } from '../../../shared/errors';

/** Error codes of local file operations, in plain words with what to do. */
export function describeFsError(error: unknown, file: string, doing: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `${file} no longer exists (it was moved or deleted). Nothing else was affected.`;
    case 'EACCES':
    case 'EPERM':
      return `Bucket Admin is not allowed to ${doing} ${file} (permission denied). Check the file's permissions and retry.`;
    case 'EISDIR':
      return `${file} is a folder where a file was expected. Drop the folder itself instead.`;
    case 'ENOSPC':
      return `The disk is full: ${file} could not be written. Free some space, then retry; the other transfers are not affected.`;
    case 'EDQUOT':
      return `Your disk quota is used up: ${file} could not be written. Free some space, then retry.`;
    case 'EROFS':
      return `${file} is on a read-only disk. Choose another folder.`;
    case 'ENAMETOOLONG':
      return `The path ${file} is too long for this file system. Choose a folder with a shorter path.`;
    case 'EMFILE':
    case 'ENFILE':
      return `Too many files are open at once to ${doing} ${file}. Retry in a moment.`;
    case 'EIO':
      return `The disk reported an I/O error while trying to ${doing} ${file}. Check the disk, then retry.`;
    case 'ELOOP':
      return `${file} is a symlink loop.`;
    default:
      return `Could not ${doing} ${file}: ${(error as Error | undefined)?.message ?? 'unknown error'}.`;
  }
}

/** The AppError for a failed local file operation; `DiskFull` stays distinguishable for the UI. */
export function fsAppError(error: unknown, file: string, doing: string): AppError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const appCode: ErrorCode = code === 'ENOENT' ? 'NotFound' : code === 'EACCES' || code === 'EPERM' ? 'Forbidden' : 'Internal';
  return new AppError(appCode, describeFsError(error, file, doing), { file, fsCode: code ?? null });
}
