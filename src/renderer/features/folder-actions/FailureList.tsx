import type { JobOutcome } from '../../../shared/model/job';

/** Every item that did not go through, with main's reason, so nothing fails silently. */
export function FailureList({ outcome }: { outcome: JobOutcome }) {
  const hidden = outcome.failedTotal - outcome.failed.length;
  return (
    <div className="failure-list" data-testid="job-failures">
      <p className="failure-heading">
        {outcome.failedTotal.toLocaleString()} {outcome.failedTotal === 1 ? 'item was' : 'items were'} not done:
      </p>
      <ul>
        {outcome.failed.map((f) => (
          <li key={f.key} data-testid="job-failure" data-code={f.code}>
            <code className="failure-key">{f.key}</code>
            <span className="failure-message">{f.message}</span>
          </li>
        ))}
      </ul>
      {hidden > 0 ? <p className="failure-more">…and {hidden.toLocaleString()} more with the same kinds of errors.</p> : null}
    </div>
  );
}
