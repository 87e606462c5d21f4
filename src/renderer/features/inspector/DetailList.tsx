import type { DetailField } from './details-fields';

/** Tokens longer than this may still break inside, so a huge value never overflows the panel. */
const unbreakableTokenMax = 32;

/** A header value split after its commas; short tokens stay whole (no break at "max-age"'s hyphen). */
function TokenValue({ value }: { value: string }) {
  const tokens = value.split(/(?<=,)\s*/);
  return tokens.map((token, index) => (
    <span key={index} className={token.length <= unbreakableTokenMax ? 'value-token is-whole' : 'value-token'}>
      {token}
      {index < tokens.length - 1 ? ' ' : ''}
    </span>
  ));
}

/** Label/value pairs as a description list; long values wrap instead of widening the panel. */
export function DetailList({ fields, testId }: { fields: readonly DetailField[]; testId?: string }) {
  return (
    <dl className="detail-list" data-testid={testId}>
      {fields.map((f) => (
        <div key={f.id} className="detail-row" data-testid={`detail-${f.id}`}>
          <dt>{f.label}</dt>
          <dd className={f.mono ? 'is-mono' : undefined}>{f.tokens ? <TokenValue value={f.value} /> : f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
