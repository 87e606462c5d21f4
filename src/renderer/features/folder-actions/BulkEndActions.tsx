import { useState } from 'react';
import { Button } from '../../ui/Button';
import type { JobView } from './job-state';

export interface BulkEndActionsProps {
  /** The ended edit job (an undo job gets neither action). */
  job: JobView;
  onRetryFailed: (keys: string[]) => void;
  onUndo: () => void;
}

/**
 * What a user can do once a bulk edit has ended: run it again on just the files that failed (a new
 * job with the same change), or put every file it changed back as its undo file says, after a
 * confirmation saying what that does.
 */
export function BulkEndActions({ job, onRetryFailed, onUndo }: BulkEndActionsProps) {
  const [confirming, setConfirming] = useState(false);
  const failed = job.outcome?.failed.map((f) => f.key) ?? [];
  const failedTotal = job.outcome?.failedTotal ?? 0;
  if (confirming) {
    return (
      <div className="bulk-undo-confirm" role="group" aria-label="Undo this edit?" data-testid="bulk-undo-confirm">
        <p>
          Put back the previous headers and access of every file this edit changed? This runs as a new job, which you can pause too; files
          changed by someone else since are put back all the same.
        </p>
        <div className="dialog-footer">
          <span className="spacer" />
          <Button onClick={() => setConfirming(false)} data-testid="bulk-undo-keep">
            Keep the changes
          </Button>
          <Button
            variant="primary"
            onClick={() => {
              setConfirming(false);
              onUndo();
            }}
            data-testid="bulk-undo-confirm-button"
          >
            Undo the edit
          </Button>
        </div>
      </div>
    );
  }
  return (
    <>
      {failed.length > 0 ? (
        <Button onClick={() => onRetryFailed(failed)} data-testid="bulk-retry-failed">
          {failedTotal > failed.length ? `Retry the first ${failed.length.toLocaleString()} failed` : 'Retry failed'}
        </Button>
      ) : null}
      <Button onClick={() => setConfirming(true)} data-testid="bulk-undo">
        Undo this edit
      </Button>
    </>
  );
}
