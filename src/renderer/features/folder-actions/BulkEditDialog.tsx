import { useState } from 'react';
import type { BulkChange, BulkDryRun, BulkScope } from '../../../shared/model/bulk-edit';
import { cannedAclSchema, type CannedAcl } from '../../../shared/model/object-edit';
import { api, call } from '../../api/client';
import { toClientError } from '../../api/client-error';
import { Button } from '../../ui/Button';
import { DialogShell } from '../../ui/DialogShell';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field } from '../../ui/Field';
import { CacheControlPicker } from '../../ui/CacheControlPicker';
import { splitSelection } from './action-request';
import { BulkEndActions } from './BulkEndActions';
import { formatEta } from './job-rate';
import { JobProgressView } from './JobProgressView';
import { useJobRate } from './use-job-rate';
import { useJobRunner } from './use-job-runner';

export interface BulkEditDialogProps {
  connectionId: string;
  bucket: string;
  keys: readonly string[];
  onClose: () => void;
}

/** Edit Cache-Control and/or the canned ACL of a selection: dry run first, then a pausable job with an undo file. */
export function BulkEditDialog({ connectionId, bucket, keys, onClose }: BulkEditDialogProps) {
  const scope: BulkScope = splitSelection(keys);
  const [cacheControl, setCacheControl] = useState('');
  const [acl, setAcl] = useState<CannedAcl | ''>('');
  const [dryRun, setDryRun] = useState<BulkDryRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [paused, setPaused] = useState(false);
  // What the job shown runs: an edit (with the change it was started with) or the undo of one.
  const [runs, setRunning] = useState<{ kind: 'edit'; change: BulkChange } | { kind: 'undo' } | null>(null);
  const runner = useJobRunner(connectionId, bucket);

  const change: BulkChange = {
    ...(cacheControl.trim() !== '' ? { headers: { cacheControl: cacheControl.trim() } } : {}),
    ...(acl !== '' ? { acl: { kind: 'canned', acl } } : {}),
  };
  const hasChange = change.headers !== undefined || change.acl !== undefined;
  const job = runner.job;
  const running = job?.status === 'running';

  const runDry = async () => {
    setError(null);
    setDryRun(null);
    try {
      setDryRun(await call(api.objects.bulkDryRun({ connectionId, bucket, scope, change })));
    } catch (e) {
      setError(toClientError(e).message);
    }
  };
  const start = () => {
    setRunning({ kind: 'edit', change });
    void runner.start(() => api.objects.bulkStart({ connectionId, bucket, scope, change }));
  };
  /** The same change again, on only the files that failed: a new job (with its own undo file). */
  const retryFailed = (failedKeys: string[]) => {
    if (runs?.kind !== 'edit') return;
    const again = runs.change;
    void runner.start(() => api.objects.bulkStart({ connectionId, bucket, scope: { keys: failedKeys, prefixes: [] }, change: again }));
  };
  const undo = () => {
    if (!job) return;
    const jobId = job.jobId;
    setRunning({ kind: 'undo' });
    void runner.start(() => api.objects.bulkUndo({ jobId }));
  };
  const pause = async () => {
    if (!job) return;
    await call(api.objects.bulkPause({ jobId: job.jobId })).catch((e: unknown) => setError(toClientError(e).message));
    setPaused(true);
  };
  const resume = () => {
    if (!job) return;
    setPaused(false);
    const jobId = job.jobId;
    void runner.start(() => api.objects.bulkResume({ jobId }));
  };
  const exportUndo = async () => {
    if (!job) return;
    await call(api.objects.bulkExportUndo({ jobId: job.jobId })).catch((e: unknown) => setError(toClientError(e).message));
  };

  const rate = useJobRate(job);

  return (
    <DialogShell
      open
      onOpenChange={(open) => (open || running ? undefined : onClose())}
      title="Edit headers & access"
      description={`In ${bucket}: ${describeScope(scope)}.`}
      size="wide"
    >
      {!job ? (
        <div className="action-form" data-testid="bulk-edit-form">
          <Field id="bulk-cache-control" label="Cache-Control" hint="Leave empty to keep each file’s own.">
            {(control) => (
              <input
                {...control}
                type="text"
                value={cacheControl}
                onChange={(e) => {
                  setCacheControl(e.target.value);
                  setDryRun(null);
                }}
                data-testid="bulk-cache-control"
              />
            )}
          </Field>
          <CacheControlPicker
            onPick={(value) => {
              setCacheControl(value);
              setDryRun(null);
            }}
          />
          <Field id="bulk-acl" label="Access (canned ACL)">
            {(control) => (
              <select
                {...control}
                value={acl}
                onChange={(e) => {
                  setAcl(e.target.value as CannedAcl | '');
                  setDryRun(null);
                }}
                data-testid="bulk-acl"
              >
                <option value="">keep each file’s own</option>
                {cannedAclSchema.options.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {dryRun ? <DryRunSummary dryRun={dryRun} /> : null}
          <div className="dialog-footer">
            <span className="spacer" />
            <Button onClick={onClose}>Close</Button>
            <Button onClick={() => void runDry()} disabled={!hasChange} data-testid="bulk-dry-run">
              Dry run
            </Button>
            <Button variant="primary" onClick={start} disabled={!hasChange || !dryRun || dryRun.change === 0} data-testid="bulk-run">
              Run
            </Button>
          </div>
        </div>
      ) : (
        <div className="action-form" data-testid="bulk-edit-job">
          <JobProgressView job={job} verb={runs?.kind === 'undo' ? 'Undoing' : 'Editing'} onCancel={() => void runner.cancel()} />
          {runs?.kind === 'undo' && job.status === 'finished' && (job.outcome?.failedTotal ?? 0) === 0 ? (
            <p data-testid="bulk-undone">Undone: every file this edit changed has its previous headers and access again.</p>
          ) : null}
          {paused && !running ? (
            <p data-testid="bulk-paused">Paused. Resume goes on from where it stopped; nothing done so far is redone.</p>
          ) : null}
          {rate ? (
            <p data-testid="bulk-rate">
              {rate.perSecond.toFixed(1)} objects/s{rate.etaSeconds !== undefined ? `, about ${formatEta(rate.etaSeconds)} left` : ''}
            </p>
          ) : null}
          <div className="dialog-footer">
            <span className="spacer" />
            {running ? (
              <Button onClick={() => void pause()} data-testid="bulk-pause">
                Pause
              </Button>
            ) : null}
            {paused && !running ? (
              <Button onClick={resume} data-testid="bulk-resume">
                Resume
              </Button>
            ) : null}
            {!running && !paused && runs?.kind === 'edit' ? (
              <BulkEndActions key={job.jobId} job={job} onRetryFailed={retryFailed} onUndo={undo} />
            ) : null}
            {!running ? (
              <>
                <Button onClick={() => void exportUndo()} data-testid="bulk-export-undo">
                  Export undo file
                </Button>
                <Button onClick={onClose} data-testid="bulk-close">
                  Close
                </Button>
              </>
            ) : null}
          </div>
        </div>
      )}
      {error ? <ErrorBanner message={error} testId="bulk-error" /> : null}
      {runner.startError ? <ErrorBanner message={runner.startError.message} testId="bulk-start-error" /> : null}
    </DialogShell>
  );
}

function describeScope(scope: BulkScope): string {
  const parts = [];
  if (scope.keys.length > 0) parts.push(`${scope.keys.length.toLocaleString()} ${scope.keys.length === 1 ? 'file' : 'files'}`);
  if (scope.prefixes.length > 0)
    parts.push(`everything under ${scope.prefixes.length === 1 ? scope.prefixes[0] : `${scope.prefixes.length} folders`}`);
  return parts.join(' and ');
}

function DryRunSummary({ dryRun }: { dryRun: BulkDryRun }) {
  return (
    <div className="bulk-dry-run" data-testid="bulk-dry-run-result" data-change={dryRun.change} data-skip={dryRun.skip}>
      <p>
        {dryRun.change.toLocaleString()} would change, {dryRun.skip.toLocaleString()} already have these values
        {dryRun.truncated ? ` (of the first ${dryRun.total.toLocaleString()} objects)` : ''}.
      </p>
      {dryRun.unreadable.length > 0 ? (
        <p>
          {dryRun.unreadable.length} could not be read, e.g. {dryRun.unreadable[0]?.key}.
        </p>
      ) : null}
      {dryRun.sample.length > 0 ? (
        <table className="bulk-sample">
          <thead>
            <tr>
              <th>File</th>
              <th>Cache-Control before → after</th>
              <th>Grants before → after</th>
            </tr>
          </thead>
          <tbody>
            {dryRun.sample.map((s) => (
              <tr key={s.key}>
                <td>{s.key}</td>
                <td>
                  {s.before.headers.cacheControl ?? '(none)'} → {s.after.headers.cacheControl ?? '(none)'}
                </td>
                <td>
                  {s.before.grants?.length ?? '–'} → {s.after.grants?.length ?? '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
