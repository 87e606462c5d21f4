import type { JobView } from './job-state';

/**
 * True when the action stopped only because targets already exist (refused at the start, or
 * every failed item a Conflict), so a "Replace existing" retry makes sense.
 */
export function endedInConflict(job: JobView | null, startError?: { code: string } | null): boolean {
  if (startError?.code === 'Conflict') return true;
  if (!job || job.status === 'running') return false;
  if (job.status === 'failed') return job.error?.code === 'Conflict';
  const failed = job.outcome?.failed ?? [];
  return failed.length > 0 && failed.every((f) => f.code === 'Conflict');
}
