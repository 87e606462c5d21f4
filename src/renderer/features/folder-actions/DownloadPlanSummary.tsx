import type { ConflictAction, DownloadPlan } from '../../../shared/model/transfer';
import { formatBytes } from '../../../shared/format/format-bytes';
import { ConflictChoice, type ConflictOption } from '../../ui/ConflictChoice';
import { ProblemList } from '../../ui/ProblemList';
import { RowName } from '../../ui/RowName';

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

/**
 * What a download counts, the same way before and during it: files, plus the empty folders it
 * creates (the transfer queue runs those as items too), e.g. "51 files and 1 folder".
 */
export function downloadItemsText(files: number, folders: number): string {
  const fileText = `${files.toLocaleString()} ${files === 1 ? 'file' : 'files'}`;
  return folders > 0 ? `${fileText} and ${folders.toLocaleString()} ${folders === 1 ? 'folder' : 'folders'}` : fileText;
}

/** What the download will do: how much, where, renamed names, problems, and what to do with existing files. */
export function DownloadPlanSummary({ plan, conflict, onConflict }: DownloadPlanSummaryProps) {
  return (
    <div className="measure-summary" data-testid="download-plan" data-files={plan.fileCount} data-conflicts={plan.conflictCount}>
      <p>
        <strong>{downloadItemsText(plan.fileCount, plan.folderCount)}</strong> ({formatBytes(plan.totalBytes)}) into{' '}
        <code title={plan.destination}>{plan.destination}</code>
      </p>
      {plan.renamedCount > 0 ? (
        <div className="renamed-list" data-testid="download-renamed" data-count={plan.renamedCount}>
          <p className="preview-note">
            {plan.renamedCount.toLocaleString()} {plan.renamedCount === 1 ? 'name has' : 'names have'} characters this computer cannot use
            in file names; {plan.renamedCount === 1 ? 'it gets' : 'they get'} the name shown here:
          </p>
          <ul>
            {plan.renamed.map((item) => (
              <li key={item.key} data-testid="download-renamed-item" data-key={item.key}>
                <code>
                  <RowName name={item.key} />
                </code>
                <span aria-label="will be saved as"> → </span>
                <code data-testid="download-renamed-name">{item.name}</code>
              </li>
            ))}
          </ul>
          {plan.renamedCount > plan.renamed.length ? (
            <p className="field-hint">and {(plan.renamedCount - plan.renamed.length).toLocaleString()} more.</p>
          ) : null}
        </div>
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
