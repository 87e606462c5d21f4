import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobProgress, JobStarted } from '../../../shared/model/job';
import type { Result } from '../../../shared/result';
import { api, call } from '../../api/client';
import { toClientError } from '../../api/client-error';
import { browseKeys } from '../../api/query-keys';
import { applyJobEvent, startedJob, type JobView } from './job-state';

/**
 * Starts a folder action as a job and follows its `jobs:progress` events. It listens before it
 * starts, because a small job can finish before its id comes back; once the job ends, every
 * listing and detail of the bucket is invalidated so what the user sees is what S3 now holds.
 */
export function useJobRunner(connectionId: string, bucket: string) {
  const client = useQueryClient();
  const [job, setJob] = useState<JobView | null>(null);
  const [startError, setStartError] = useState<{ code: string; message: string; details?: Record<string, unknown> } | null>(null);
  const unsubscribe = useRef<(() => void) | null>(null);
  const starting = useRef(false);

  const stopListening = useCallback(() => {
    unsubscribe.current?.();
    unsubscribe.current = null;
  }, []);

  useEffect(() => stopListening, [stopListening]);

  const status = job?.status;
  useEffect(() => {
    if (status === undefined || status === 'running') return;
    stopListening();
    void client.invalidateQueries({ queryKey: browseKeys.bucket(connectionId, bucket) });
    void client.invalidateQueries({ queryKey: browseKeys.allDetails(connectionId, bucket) });
  }, [status, stopListening, client, connectionId, bucket]);

  const start = useCallback(
    async (begin: () => Promise<Result<JobStarted>>, total?: number): Promise<void> => {
      // One job per dialog: a second start while the first is being asked for is a double click.
      if (starting.current) return;
      starting.current = true;
      stopListening();
      setStartError(null);
      let jobId: string | null = null;
      const early: JobProgress[] = [];
      unsubscribe.current = api.events.jobsProgress((event) => {
        if (jobId === null) early.push(event);
        else if (event.jobId === jobId) setJob((view) => (view ? applyJobEvent(view, event) : view));
      });
      try {
        jobId = (await call(begin())).jobId;
        setJob(early.reduce(applyJobEvent, startedJob(jobId, total)));
      } catch (error) {
        stopListening();
        const failure = toClientError(error);
        setStartError({ code: failure.code, message: failure.message, ...(failure.details ? { details: failure.details } : {}) });
      } finally {
        starting.current = false;
      }
    },
    [stopListening],
  );

  const cancel = useCallback(async () => {
    if (!job || job.status !== 'running') return;
    await call(api.jobs.cancel({ jobId: job.jobId })).catch(() => undefined);
  }, [job]);

  const reset = useCallback(() => {
    stopListening();
    setJob(null);
    setStartError(null);
  }, [stopListening]);

  return { job, startError, start, cancel, reset };
}
