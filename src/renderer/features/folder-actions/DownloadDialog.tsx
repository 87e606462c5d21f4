import { useState } from 'react';
import type { ConflictAction } from '../../../shared/model/transfer';
import { formatBytes } from '../../../shared/format/format-bytes';
import { Button } from '../../ui/Button';
import { DialogShell } from '../../ui/DialogShell';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { LoadingState } from '../../ui/LoadingState';
import { ProgressBar } from '../../ui/ProgressBar';
import { DownloadPlanSummary, downloadItemsText } from './DownloadPlanSummary';
import { useDownload } from './use-download';

export interface DownloadDialogProps {
  connectionId: string;
  bucket: string;
  keys: string[];
  onClose: () => void;
}

const finishedStates = new Set(['done', 'failed', 'cancelled', 'skipped']);

/** Download the selection (files and whole folders) to a local folder, asking once about existing files. */
export function DownloadDialog({ connectionId, bucket, keys, onClose }: DownloadDialogProps) {
  const { state, start } = useDownload(connectionId, bucket, keys, onClose);
  const [conflict, setConflict] = useState<ConflictAction>('keepBoth');
  const batch = state.step === 'running' ? state.batch : undefined;
  const finished = batch !== undefined && finishedStates.has(batch.state);
  return (
    <DialogShell
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title="Download"
      description={`From ${bucket}, into a folder on this computer.`}
      size="wide"
    >
      <div className="action-form" data-testid="download-dialog" data-step={state.step} data-batch-state={batch?.state}>
        {state.step === 'planning' ? <LoadingState label="Choosing the folder and listing what to download…" /> : null}
        {state.step === 'failed' ? (
          <ErrorBanner title="The download did not start." message={state.message} testId="download-error" />
        ) : null}
        {state.step === 'review' ? <DownloadPlanSummary plan={state.plan} conflict={conflict} onConflict={setConflict} /> : null}
        {state.step === 'running' ? (
          <div className="job-progress" aria-live="polite" data-testid="download-progress">
            <p>
              {finished ? 'Finished: ' : 'Downloading: '}
              {formatBytes(batch?.bytesDone ?? 0)} of {formatBytes(batch?.bytesTotal ?? state.plan.totalBytes)}
              {batch
                ? ` · ${batch.counts.done.toLocaleString()} of ${downloadItemsText(state.plan.fileCount, state.plan.folderCount)}`
                : ''}
              {batch && batch.counts.failed > 0 ? ` · ${batch.counts.failed.toLocaleString()} failed (see Transfers)` : ''}
            </p>
            <ProgressBar fraction={batch ? batch.percent / 100 : null} label="Download progress" testId="download-bar" />
            <p className="preview-note">Into {state.plan.destination}. Closing this keeps the download running in Transfers.</p>
          </div>
        ) : null}
        <div className="dialog-footer">
          <span className="spacer" />
          {state.step === 'review' ? (
            <>
              <Button onClick={onClose}>Cancel</Button>
              <Button
                variant="primary"
                disabled={state.plan.fileCount + state.plan.folderCount === 0}
                onClick={() => void start(state.plan, conflict)}
                data-testid="download-start"
              >
                Download {downloadItemsText(state.plan.fileCount, state.plan.folderCount)}
              </Button>
            </>
          ) : (
            <Button variant={finished || state.step === 'failed' ? 'primary' : 'secondary'} onClick={onClose} data-testid="download-close">
              Close
            </Button>
          )}
        </div>
      </div>
    </DialogShell>
  );
}
