import type { DetailField } from './details-fields';

/** Label/value pairs as a description list; long values wrap instead of widening the panel. */
export function DetailList({ fields, testId }: { fields: readonly DetailField[]; testId?: string }) {
  return (
    <dl className="detail-list" data-testid={testId}>
      {fields.map((f) => (
        <div key={f.id} className="detail-row" data-testid={`detail-${f.id}`}>
          <dt>{f.label}</dt>
          <dd className={f.mono ? 'is-mono' : undefined}>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
