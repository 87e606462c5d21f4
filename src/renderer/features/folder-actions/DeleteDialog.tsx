import { Button } from '../../ui/Button';
import { DialogShell } from '../../ui/DialogShell';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { LoadingState } from '../../ui/LoadingState';
import { api } from '../../api/client';
import { describeKeys } from './action-request';
import { JobProgressView } from './JobProgressView';
import { MeasureSummary } from './MeasureSummary';
import { baseName } from '../../../shared/model/keys';
import { useJobRunner } from './use-job-runner';
import { useMeasure } from './use-measure';

export interface DeleteDialogProps {
  connectionId: string;
  bucket: string;
  keys: string[];
  /** Which root the items are under, to warn that public ones vanish from the web too. */
  publicRoot: boolean;
  onClose: () => void;
}

/**
 * Confirms a delete by naming what will go and how much (counted by main, folders expanded),
 * then follows the job with a bar and Cancel, and lists any item that could not be deleted.
 */
export function DeleteDialog({ connectionId, bucket, keys, publicRoot, onClose }: DeleteDialogProps) {
  const measure = useMeasure(connectionId, bucket, keys);
  const runner = useJobRunner(connectionId, bucket);
  const what = describeKeys(keys, baseName);
  const job = runner.job;

  return (
    <DialogShell
      open
      // A running job keeps the dialog: Cancel stops it, and the listing refreshes when it ends.
      onOpenChange={(open) => (open || job?.status === 'running' ? undefined : onClose())}
      title={job ? 'Deleting' : `Delete ${what}?`}
      description={`From ${bucket}. Deleted objects cannot be brought back unless the bucket keeps versions.`}
      role="alertdialog"
      size="wide"
    >
      <div className="action-form" data-testid="delete-dialog">
        {measure.isPending ? <LoadingState label="Counting what would be deleted…" /> : null}
        {measure.isError ? (
          <ErrorBanner title="Could not count what would be deleted." message={measure.error.message} testId="measure-error" />
        ) : null}
        {measure.isSuccess && !job ? <MeasureSummary measure={measure.data} verb="deletes" /> : null}
        {publicRoot && !job ? <p className="warning-note">Under the public folder: anyone’s links to these stop working at once.</p> : null}
        {runner.startError ? (
          <ErrorBanner title="The delete did not start." message={runner.startError.message} testId="job-start-error" />
        ) : null}
        {job ? <JobProgressView job={job} verb="Deleting" onCancel={() => void runner.cancel()} /> : null}
        <div className="dialog-footer">
          <span className="spacer" />
          {!job ? (
            <>
              <Button onClick={onClose}>Cancel</Button>
              <Button
                variant="danger"
                disabled={!measure.isSuccess}
                onClick={() =>
                  void runner.start(
                    () => api.browse.delete({ connectionId, bucket, keys }),
                    measure.data?.truncated ? undefined : measure.data?.objects,
                  )
                }
                data-testid="delete-confirm"
              >
                Delete
              </Button>
            </>
          ) : job.status !== 'running' ? (
            <Button variant="primary" onClick={onClose} data-testid="job-close">
              Close
            </Button>
          ) : null}
        </div>
      </div>
    </DialogShell>
  );
}
