/** A determinate bar (fraction 0–1) or an indeterminate one (null), with an accessible value. */
export function ProgressBar({ fraction, label, testId }: { fraction: number | null; label: string; testId?: string }) {
  const percent = fraction === null ? undefined : Math.round(fraction * 100);
  return (
    <div
      className={fraction === null ? 'progress is-indeterminate' : 'progress'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      data-testid={testId}
    >
      <div className="progress-fill" style={percent === undefined ? undefined : { width: `${percent}%` }} />
    </div>
  );
}
