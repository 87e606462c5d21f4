import { useState } from 'react';
import type { ConflictAction, UploadPlan } from '../../../shared/model/transfer';
import { formatBytes } from '../../../shared/format/format-bytes';
import { Button } from '../../ui/Button';
import { DialogShell } from '../../ui/DialogShell';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { LoadingState } from '../../ui/LoadingState';
import { ProgressBar } from '../../ui/ProgressBar';
import { UploadDefaultsDialog } from './UploadDefaultsDialog';
import { UploadOptionsFields } from './UploadOptionsFields';
import { UploadPlanSummary } from './UploadPlanSummary';
import { cacheControlProblem, contentTypeProblem, editsFrom, type UploadEdits } from './upload-overrides';
import type { UploadStep } from './use-upload-flow';

export interface UploadSheetProps {
  state: Exclude<UploadStep, { step: 'idle' }>;
  onStart: (plan: UploadPlan, conflict: ConflictAction, edits: UploadEdits) => void;
  onClose: () => void;
}

/** The confirm sheet between a drop and the upload: what goes where, with which headers, and what to do with existing names. */
export function UploadSheet({ state, onStart, onClose }: UploadSheetProps) {
  const { target } = state;
  return (
    <DialogShell
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title="Upload"
      description={`To ${target.bucket}/${target.prefix}`}
      size="wide"
    >
      <div className="action-form" data-testid="upload-sheet" data-step={state.step}>
        {state.step === 'preparing' ? <Preparing state={state} /> : null}
        {state.step === 'failed' ? (
          <>
            <ErrorBanner title="The upload did not start." message={state.message} testId="upload-error" />
            {state.problems.length > 0 ? (
              <ul className="failure-list" data-testid="upload-problems">
                {state.problems.slice(0, 200).map((p) => (
                  <li key={p.path}>
                    <code className="failure-key">{p.path}</code> <span className="failure-message">{p.message}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
        {state.step === 'review' ? <Review key={state.plan.planId} state={state} onStart={onStart} onClose={onClose} /> : null}
        {state.step !== 'review' ? (
          <div className="dialog-footer">
            <span className="spacer" />
            <Button onClick={onClose} data-testid="upload-cancel">
              {state.step === 'failed' ? 'Close' : 'Cancel'}
            </Button>
          </div>
        ) : null}
      </div>
    </DialogShell>
  );
}

function Preparing({ state }: { state: Extract<UploadStep, { step: 'preparing' }> }) {
  const { stage } = state;
  if (!stage) return <LoadingState label="Reading the dropped files and checking the destination…" />;
  return (
    <div className="job-progress" aria-live="polite" data-testid="upload-staging">
      <p>
        Handing the files to the app: {stage.filesDone.toLocaleString()} of {stage.fileCount.toLocaleString()} (
        {formatBytes(stage.bytesDone)} of {formatBytes(stage.totalBytes)})
      </p>
      <ProgressBar fraction={stage.totalBytes > 0 ? stage.bytesDone / stage.totalBytes : null} label="Preparing the upload" />
    </div>
  );
}

function Review({
  state,
  onStart,
  onClose,
}: {
  state: Extract<UploadStep, { step: 'review' }>;
  onStart: UploadSheetProps['onStart'];
  onClose: () => void;
}) {
  const { plan } = state;
  const [conflict, setConflict] = useState<ConflictAction>('skip');
  const [edits, setEdits] = useState<UploadEdits>(() => editsFrom(plan.options));
  const [editingDefaults, setEditingDefaults] = useState(false);
  const invalid = cacheControlProblem(edits.cacheControl) !== null || contentTypeProblem(edits.contentType) !== null;
  return (
    <>
      <UploadPlanSummary plan={plan} dropProblems={state.problems} conflict={conflict} onConflict={setConflict} />
      <UploadOptionsFields options={plan.options} edits={edits} onChange={setEdits} onEditDefaults={() => setEditingDefaults(true)} />
      {state.startError ? <ErrorBanner title="The upload did not start." message={state.startError} testId="upload-error" /> : null}
      <div className="dialog-footer">
        <span className="spacer" />
        <Button onClick={onClose} data-testid="upload-cancel">
          Cancel
        </Button>
        <Button
          variant="primary"
          busy={state.starting}
          disabled={plan.fileCount === 0 || invalid}
          onClick={() => onStart(plan, conflict, edits)}
          data-testid="upload-start"
        >
          Upload {plan.fileCount.toLocaleString()} {plan.fileCount === 1 ? 'file' : 'files'}
        </Button>
      </div>
      {editingDefaults ? <UploadDefaultsDialog connectionId={plan.connectionId} onClose={() => setEditingDefaults(false)} /> : null}
    </>
  );
}
