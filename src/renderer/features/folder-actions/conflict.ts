import type { JobView } from './job-state';

/**
 * True when the action stopped only because targets already exist (refused at the start, or
 * every failed item a Conflict), so a "Replace existing" retry makes sense. Not when the picked
 * items clash with each other (`details.collisions`): replacing would be refused the same way.
 */
export function endedInConflict(job: JobView | null, startError?: { code: string; details?: Record<string, unknown> } | null): boolean {
  if (startError?.code === 'Conflict') return startError.details?.['collisions'] === undefined;
  if (!job || job.status === 'running') return false;
  if (job.status === 'failed') return job.error?.code === 'Conflict';
  const failed = job.outcome?.failed ?? [];
  return failed.length > 0 && failed.every((f) => f.code === 'Conflict');
}
