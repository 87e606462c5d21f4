import type { ConflictAction, DownloadPlan } from '../../../shared/model/transfer';
import { formatBytes } from '../../../shared/format/format-bytes';
import { ConflictChoice, type ConflictOption } from '../../ui/ConflictChoice';
import { ProblemList } from '../../ui/ProblemList';

export interface DownloadPlanSummaryProps {
  plan: DownloadPlan;
  conflict: ConflictAction;
  onConflict: (action: ConflictAction) => void;
}

const choices: ConflictOption<ConflictAction>[] = [
  { action: 'keepBoth', label: 'Keep both (add a number to the new file)' },
  { action: 'skip', label: 'Skip those files' },
  { action: 'overwrite', label: 'Overwrite them' },
];

/** What the download will do: how much, where, renamed names, problems, and what to do with existing files. */
export function DownloadPlanSummary({ plan, conflict, onConflict }: DownloadPlanSummaryProps) {
  return (
    <div className="measure-summary" data-testid="download-plan" data-files={plan.fileCount} data-conflicts={plan.conflictCount}>
      <p>
        <strong>
          {plan.fileCount.toLocaleString()} {plan.fileCount === 1 ? 'file' : 'files'}
        </strong>{' '}
        ({formatBytes(plan.totalBytes)}) into <code title={plan.destination}>{plan.destination}</code>
      </p>
      {plan.renamedCount > 0 ? (
        <p className="preview-note">
          {plan.renamedCount.toLocaleString()} {plan.renamedCount === 1 ? 'name has' : 'names have'} characters this computer cannot use in
          file names; those files get a safe name.
        </p>
      ) : null}
      {plan.problemCount > 0 ? (
        <ProblemList
          testId="download-problems"
          heading={`${plan.problemCount.toLocaleString()} will be left out:`}
          problems={plan.problems}
        />
      ) : null}
      {plan.conflictCount > 0 ? (
        <ConflictChoice
          testId="download-conflicts"
          name="download-conflict"
          legend={`${plan.conflictCount.toLocaleString()} ${plan.conflictCount === 1 ? 'file already exists' : 'files already exist'} there`}
          choices={choices}
          value={conflict}
          onChange={onConflict}
        />
      ) : null}
    </div>
  );
}
