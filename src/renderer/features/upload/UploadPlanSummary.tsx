import { formatBytes } from '../../../shared/format/format-bytes';
import type { ConflictAction, UploadPlan } from '../../../shared/model/transfer';
import { ConflictChoice, type ConflictOption } from '../../ui/ConflictChoice';
import { ProblemList } from '../../ui/ProblemList';
import type { DropProblem } from './entry-walk';

const choices: ConflictOption<ConflictAction>[] = [
  { action: 'skip', label: 'Skip them' },
  { action: 'overwrite', label: 'Overwrite them' },
  { action: 'keepBoth', label: 'Keep both (the new file gets a numbered name)' },
];

export interface UploadPlanSummaryProps {
  plan: UploadPlan;
  dropProblems: readonly DropProblem[];
  conflict: ConflictAction;
  onConflict: (action: ConflictAction) => void;
}

/** How much goes where, what is left out and why, and one question for all existing names. */
export function UploadPlanSummary({ plan, dropProblems, conflict, onConflict }: UploadPlanSummaryProps) {
  const problems = [...dropProblems, ...plan.problems];
  const problemCount = dropProblems.length + plan.problemCount;
  return (
    <div
      className="measure-summary"
      data-testid="upload-plan"
      data-files={plan.fileCount}
      data-bytes={plan.totalBytes}
      data-conflicts={plan.conflictCount}
    >
      <p>
        <strong>
          {plan.fileCount.toLocaleString()} {plan.fileCount === 1 ? 'file' : 'files'}
        </strong>{' '}
        ({formatBytes(plan.totalBytes)}) to <code>{`${plan.bucket}/${plan.prefix}`}</code>
        {plan.multipartCount > 0
          ? ` · ${plan.multipartCount.toLocaleString()} large ${plan.multipartCount === 1 ? 'file goes' : 'files go'} up in parts and can resume`
          : ''}
      </p>
      {plan.ignoredCount > 0 ? (
        <p className="preview-note">{plan.ignoredCount.toLocaleString()} system files (.DS_Store, Thumbs.db) are left out.</p>
      ) : null}
      {problemCount > 0 ? (
        <ProblemList
          testId="upload-problems"
          heading={`${problemCount.toLocaleString()} will be left out; the rest goes ahead:`}
          problems={problems.slice(0, 200)}
        />
      ) : null}
      {plan.conflictCount > 0 ? (
        <ConflictChoice
          testId="upload-conflicts"
          name="upload-conflict"
          legend={`${plan.conflictCount.toLocaleString()} ${plan.conflictCount === 1 ? 'name already exists' : 'names already exist'} there. For all of them:`}
          choices={choices}
          value={conflict}
          onChange={onConflict}
        >
          <ul className="upload-conflict-sample">
            {plan.conflicts.slice(0, 5).map((c) => (
              <li key={c.key}>
                <code>{c.name}</code> ({formatBytes(c.existing?.size ?? 0)} there, {formatBytes(c.size)} new)
              </li>
            ))}
            {plan.conflictCount > 5 ? <li>…and {(plan.conflictCount - 5).toLocaleString()} more</li> : null}
          </ul>
        </ConflictChoice>
      ) : null}
    </div>
  );
}
