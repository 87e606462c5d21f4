import type { ShareLinksResult } from '../../../shared/model/share';
import { localText, utcText } from './expiry-text';

/** The links just made for a selection: key, kind, expiry and any warning per row. */
export function BulkLinkRows({ result }: { result: ShareLinksResult }) {
  return (
    <section
      className="bulk-links"
      aria-label="Links made"
      data-testid="bulk-links-result"
      data-rows={result.rows.length}
      data-warnings={result.warnings}
    >
      <p className="share-explanation">{result.explanation}</p>
      {result.warnings > 0 ? (
        <p className="warning-note" data-testid="bulk-links-warnings">
          {result.warnings.toLocaleString()} {result.warnings === 1 ? 'link has a warning' : 'links have warnings'}; see below. The links
          were made anyway.
        </p>
      ) : null}
      <div className="bulk-links-scroll">
        <table className="share-table">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Link</th>
              <th scope="col">Expires</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => (
              <tr key={row.key} data-testid="bulk-link-row" data-key={row.key} data-warning={row.warning?.code ?? ''}>
                <td>
                  <code className="is-mono">{row.key}</code>
                  {row.warning ? <p className="share-row-warning">{row.warning.message}</p> : null}
                </td>
                <td>{row.kind === 'public' ? 'Public URL' : 'Presigned'}</td>
                <td title={row.expiresAt ? utcText(row.expiresAt) : undefined}>{row.expiresAt ? localText(row.expiresAt) : 'Never'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
