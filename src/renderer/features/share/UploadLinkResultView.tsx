import type { UploadLinkResult } from '../../../shared/model/share';
import { localText, utcText } from './expiry-text';
import { ShareWarningNote } from './PreviewSummary';
import { RevocationNote } from './RevocationNote';
import { SnippetCopyButton } from './SnippetCopyButton';
import { ScrollableText } from '../../ui/ScrollableText';

/**
 * Main's explanation names the moment in UTC ("…, until 2026-11-21 17:40:00 UTC"); the line below
 * shows it once, in local time, so the explanation drops it here.
 */
function withoutMoment(explanation: string, iso: string): string {
  return explanation.split(`, until ${utcText(iso)}`).join('');
}

/** "Stops working 21 Nov 2026, 18:40:00 CET": UTC beside when the zone differs, and on hover. */
function ExpiryLine({ iso }: { iso: string }) {
  const utc = utcText(iso);
  const local = localText(iso);
  const sameAsUtc = new Date(iso).getTimezoneOffset() === 0;
  return (
    <p data-testid="upload-expiry-line">
      Stops working{' '}
      <strong data-testid="upload-expires" title={utc}>
        {local}
      </strong>
      {sameAsUtc ? null : <span className="field-hint" data-testid="upload-expires-utc">{` (${utc})`}</span>}
    </p>
  );
}

/** A finished upload link: what it accepts and until when, with the URL, curl and HTML to hand over. */
export function UploadLinkResultView({ result }: { result: UploadLinkResult }) {
  return (
    <section
      className="upload-result"
      aria-label="Upload link"
      data-testid="upload-result"
      data-method={result.method}
      data-target={result.target}
    >
      <p className="share-explanation" data-testid="upload-explanation">
        {withoutMoment(result.explanation, result.expiresAt)}
      </p>
      <ExpiryLine iso={result.expiresAt} />
      {result.warning ? <ShareWarningNote warning={result.warning} /> : null}
      <div className="snippet">
        <div className="snippet-head">
          <h3 className="snippet-title">{result.method === 'post' ? 'Form address (POST)' : 'Upload address (PUT)'}</h3>
          <SnippetCopyButton snippetId={result.snippetIds.url} text={result.url} label="Copy URL" testId="upload-copy-url" />
        </div>
        <code className="copy-text snippet-url" data-testid="upload-url">
          {result.url}
        </code>
      </div>
      <div className="snippet">
        <div className="snippet-head">
          <h3 className="snippet-title">curl command</h3>
          <SnippetCopyButton snippetId={result.snippetIds.curl} text={result.curl} label="Copy curl command" testId="upload-copy-curl" />
        </div>
        <ScrollableText className="snippet-code" label="curl command" testId="upload-curl">
          {result.curl}
        </ScrollableText>
        <p className="field-hint">The customer replaces /path/to/your-file with their file.</p>
      </div>
      {result.html && result.snippetIds.html ? (
        <div className="snippet">
          <div className="snippet-head">
            <h3 className="snippet-title">HTML form</h3>
            <SnippetCopyButton snippetId={result.snippetIds.html} text={result.html} label="Copy HTML form" testId="upload-copy-html" />
          </div>
          <details>
            <summary>Show the HTML (a page with just the upload form; save it as a .html file)</summary>
            <ScrollableText className="snippet-code" label="HTML form" testId="upload-html">
              {result.html}
            </ScrollableText>
          </details>
        </div>
      ) : null}
      <RevocationNote text={result.revocation} collapsed />
    </section>
  );
}
