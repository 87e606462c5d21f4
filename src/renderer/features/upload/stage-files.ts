import { forEachConcurrent } from '../../../shared/concurrency';
import { stageRoutePath, type StageResponse } from '../../../shared/model/transfer';
import { distinctRoots, type DropProblem, type RelativeFile } from './entry-walk';

/** Progress of sending dropped files to the browser host. */
export interface StageProgress {
  filesDone: number;
  fileCount: number;
  bytesDone: number;
  totalBytes: number;
}

export interface StageResult {
  /** Distinct dropped roots on the host's disk: what `transfers:planUpload` walks. */
  roots: string[];
  problems: DropProblem[];
}

/** Files sent to the host at once: enough to hide per-request latency, few enough for the disk. */
const parallel = 4;

/** The staging address of one file (the token rides in the page's HttpOnly cookie). Pure. */
export function stageUrl(batch: string, relativePath: string, lastModified: number): string {
  const query = new URLSearchParams({ batch, path: relativePath });
  if (Number.isFinite(lastModified) && lastModified > 0) query.set('mtime', String(Math.round(lastModified)));
  return `${stageRoutePath}?${query.toString()}`;
}

async function stageOne(batch: string, item: RelativeFile<File>, signal: AbortSignal): Promise<StageResponse> {
  // The File is the body: the browser streams it from disk, it is never read whole into JS.
  const response = await fetch(stageUrl(batch, item.relativePath, item.file.lastModified), {
    method: 'POST',
    body: item.file,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream' },
    signal,
  });
  const body = (await response.json().catch(() => null)) as (StageResponse & { message?: string }) | null;
  if (!response.ok || !body?.path) throw new Error(body?.message ?? `The host refused the file (HTTP ${response.status}).`);
  return body;
}

/**
 * Browser host only: sends each dropped file to `POST /__stage` (one batch id per drop), so the
 * upload then takes the same path-based route as in Electron. A file that fails is reported and
 * left out; the others go on.
 */
export async function stageFiles(
  files: readonly RelativeFile<File>[],
  onProgress: (p: StageProgress) => void,
  signal: AbortSignal,
): Promise<StageResult> {
  const batch = crypto.randomUUID();
  const totalBytes = files.reduce((sum, f) => sum + f.file.size, 0);
  const progress: StageProgress = { filesDone: 0, fileCount: files.length, bytesDone: 0, totalBytes };
  const staged: StageResponse[] = [];
  const problems: DropProblem[] = [];
  const stageEach = forEachConcurrent(
    files,
    parallel,
    async (item) => {
      try {
        staged.push(await stageOne(batch, item, signal));
      } catch (error) {
        if (signal.aborted) return;
        problems.push({ path: item.relativePath, message: error instanceof Error ? error.message : String(error) });
      }
      progress.filesDone += 1;
      progress.bytesDone += item.file.size;
      onProgress({ ...progress });
    },
    signal,
  );
  // Stopped by the caller: what was staged so far is still the answer.
  await stageEach.catch((error: unknown) => {
    if (!signal.aborted) throw error;
  });
  return { roots: distinctRoots(staged), problems };
}
