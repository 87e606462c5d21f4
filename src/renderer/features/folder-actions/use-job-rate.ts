import { useEffect, useRef, useState } from 'react';
import { jobRate, type JobRate, type RateSample } from './job-rate';
import type { JobView } from './job-state';

/** The running job's rate and ETA, re-read once a second from its progress (from the first object done). */
export function useJobRate(job: JobView | null): JobRate | null {
  const [rate, setRate] = useState<JobRate | null>(null);
  const latest = useRef<{ done: number; total?: number } | null>(null);
  const running = job?.status === 'running';
  const jobId = job?.jobId;
  useEffect(() => {
    latest.current = job ? { done: job.done, ...(job.total !== undefined ? { total: job.total } : {}) } : null;
  });
  useEffect(() => {
    if (!running) return;
    let first: RateSample | null = null;
    const tick = setInterval(() => {
      const now = latest.current;
      if (!now) return;
      if (first === null) {
        if (now.done > 0) first = { at: Date.now(), done: now.done };
        return;
      }
      setRate(jobRate(first, { at: Date.now(), done: now.done }, now.total));
    }, 1000);
    return () => {
      clearInterval(tick);
      setRate(null);
    };
  }, [running, jobId]);
  return running ? rate : null;
}
