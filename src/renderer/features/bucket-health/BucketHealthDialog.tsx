import { RefreshCw } from 'lucide-react';
import { Button } from '../../ui/Button';
import { DialogShell } from '../../ui/DialogShell';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { LoadingState } from '../../ui/LoadingState';
import { capabilityRows } from './capability-text';
import { HealthFixes } from './HealthFixes';
import { useBucketHealth, useHealthActions } from './use-bucket-health';

export interface BucketHealthDialogProps {
  connectionId: string;
  bucket: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** The bucket health panel: who can read public/ and private/, what the bucket can do, and the fixes. */
export function BucketHealthDialog({ connectionId, bucket, open, onOpenChange }: BucketHealthDialogProps) {
  const health = useBucketHealth(connectionId, bucket, open);
  const actions = useHealthActions(connectionId, bucket);
  const data = health.data;
  return (
    <DialogShell
      open={open}
      onOpenChange={onOpenChange}
      title={`Bucket health: ${bucket}`}
      description="Who can read this bucket’s files, and what it is set up to do."
      size="wide"
    >
      <div className="bucket-health" data-testid="bucket-health">
        {health.isPending ? <LoadingState label="Asking the bucket…" /> : null}
        {health.isError ? <ErrorBanner message={health.error.message} /> : null}
        {data ? (
          <>
            <section className="health-section" aria-labelledby="health-public-heading">
              <h3 id="health-public-heading" className="health-heading">
                Who can read public/
              </h3>
              <p data-testid="health-public-answer" data-public-by={data.answer.publicBy.join(' ') || 'nothing'}>
                {data.answer.publicText}
              </p>
              <h3 className="health-heading">Could anything under private/ be public?</h3>
              <p data-testid="health-private-answer" data-exposed={data.answer.privateExposed}>
                {data.answer.privateText}
              </p>
              {data.answer.notes.length > 0 ? (
                <ul className="health-notes" data-testid="health-notes">
                  {data.answer.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              ) : null}
            </section>
            <HealthFixes actions={actions} undo={data.undo} />
            <section className="health-section" aria-labelledby="health-caps-heading">
              <h3 id="health-caps-heading" className="health-heading">
                What the bucket answered
              </h3>
              <table className="health-capabilities" data-testid="health-capabilities">
                <tbody>
                  {capabilityRows(data.report).map((row) => (
                    <tr key={row.id} data-capability={row.id} data-status={row.status}>
                      <th scope="row">{row.label}</th>
                      <td>{row.text}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="dialog-footer">
                <span className="field-hint">Checked {new Date(data.report.checkedAt).toLocaleString()}</span>
                <span className="spacer" />
                <Button
                  icon={<RefreshCw size={14} />}
                  onClick={() => actions.refresh.mutate()}
                  busy={actions.refresh.isPending}
                  data-testid="health-refresh"
                >
                  Check again
                </Button>
              </div>
              {actions.refresh.isError ? <ErrorBanner message={actions.refresh.error.message} /> : null}
            </section>
          </>
        ) : null}
      </div>
    </DialogShell>
  );
}
