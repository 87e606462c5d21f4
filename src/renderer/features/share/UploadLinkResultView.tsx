import type { UploadLinkResult } from '../../../shared/model/share';
import { expiryMoment } from './expiry-text';
import { ShareWarningNote } from './PreviewSummary';
import { RevocationNote } from './RevocationNote';
import { SnippetCopyButton } from './SnippetCopyButton';

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
        {result.explanation}
      </p>
      <p>
        Stops working <strong data-testid="upload-expires">{expiryMoment(result.expiresAt)}</strong>
      </p>
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
        <pre className="snippet-code" data-testid="upload-curl">
          {result.curl}
        </pre>
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
            <pre className="snippet-code" data-testid="upload-html">
              {result.html}
            </pre>
          </details>
        </div>
      ) : null}
      <RevocationNote text={result.revocation} collapsed />
    </section>
  );
}
