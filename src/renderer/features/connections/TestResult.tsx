import { CircleCheck, CircleX, LoaderCircle } from 'lucide-react';

/** The outcome of "Test connection" in the words main chose (which include the bucket count). */
export interface TestOutcome {
  ok: boolean;
  message: string;
  /** Buckets seen; only for a successful test. */
  bucketCount?: number;
}

/**
 * A live region that always exists, so screen readers announce the result when it arrives
 * (a region inserted together with its text is often not read).
 */
export function TestResult({ testing, outcome }: { testing: boolean; outcome: TestOutcome | null }) {
  return (
    <div className="test-result-region" role="status" aria-live="polite">
      {testing ? (
        <p className="test-result test-result-pending">
          <LoaderCircle className="spin" size={16} aria-hidden="true" /> Testing…
        </p>
      ) : outcome ? (
        <p
          className={outcome.ok ? 'test-result test-result-ok' : 'test-result test-result-failed'}
          data-testid="connection-test-result"
          data-ok={outcome.ok ? 'true' : 'false'}
          data-bucket-count={outcome.bucketCount}
        >
          {outcome.ok ? <CircleCheck size={16} aria-hidden="true" /> : <CircleX size={16} aria-hidden="true" />}
          {/* Main's message already says how many buckets it saw, in words. */}
          <span>{outcome.message}</span>
        </p>
      ) : null}
    </div>
  );
}
