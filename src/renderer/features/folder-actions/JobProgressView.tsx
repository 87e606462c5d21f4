import { formatBytes } from '../../../shared/format/format-bytes';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { ProgressBar } from '../../ui/ProgressBar';
import { FailureList } from './FailureList';
import { jobFraction, type JobView } from './job-state';

export interface JobProgressViewProps {
  job: JobView;
  /** "Deleting", "Moving"… for the running line. */
  verb: string;
  onCancel: () => void;
}

function amount(job: JobView): string {
  const fmt = (n: number) => (job.unit === 'bytes' ? formatBytes(n) : n.toLocaleString());
  return job.total !== undefined ? `${fmt(job.done)} of ${fmt(job.total)}` : fmt(job.done);
}

/** A running job's bar and Cancel; at the end, what happened, including each failed item. */
export function JobProgressView({ job, verb, onCancel }: JobProgressViewProps) {
  const unitWord = job.unit === 'items' ? ' objects' : '';
  return (
    <div className="job-progress" data-testid="job-progress" data-status={job.status} aria-live="polite">
      {job.status === 'running' ? (
        <>
          <p>
            {job.label ?? `${verb}…`} {amount(job)}
            {unitWord}
          </p>
          <ProgressBar fraction={jobFraction(job)} label={`${verb} progress`} testId="job-bar" />
          <div className="dialog-footer">
            <Button onClick={onCancel} data-testid="job-cancel">
              Cancel
            </Button>
          </div>
        </>
      ) : null}
      {job.status === 'finished' ? (
        <p data-testid="job-done">
          {(job.outcome?.failedTotal ?? 0) > 0 ? 'Finished with problems: ' : 'Done: '}
          {(job.outcome?.done ?? job.done).toLocaleString()} {unitWord ? 'objects' : 'items'}
          {job.outcome?.failedTotal ? ` done, ${job.outcome.failedTotal.toLocaleString()} not done` : ''}.
        </p>
      ) : null}
      {job.status === 'cancelled' ? (
        <p data-testid="job-cancelled">
          Cancelled after {amount(job)}
          {unitWord}. What was done stays done; nothing else was touched.
        </p>
      ) : null}
      {job.status === 'failed' && job.error ? (
        <ErrorBanner title={`${verb} stopped.`} message={job.error.message} testId="job-error" />
      ) : null}
      {job.outcome && job.outcome.failedTotal > 0 ? <FailureList outcome={job.outcome} /> : null}
    </div>
  );
}
