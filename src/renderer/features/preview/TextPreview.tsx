import { formatBytes } from '../../../shared/format/format-bytes';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { LoadingState } from '../../ui/LoadingState';
import { useTextPreview } from './use-text-preview';
import { ScrollableText } from '../../ui/ScrollableText';

/** The start of a text object in a <pre>, saying when it is cut short or does not look like text. */
export function TextPreview({ url, size, maxBytes }: { url: string; size: number; maxBytes: number }) {
  const text = useTextPreview(url, size, maxBytes);
  if (text.isPending) return <LoadingState label="Reading the start of the file…" />;
  if (text.isError) return <ErrorBanner title="No preview." message={text.error.message} testId="preview-error" />;
  return (
    <div className="text-preview">
      {text.data.binary ? <p className="preview-note">This does not look like text; shown as text anyway.</p> : null}
      <ScrollableText className="preview-text" label="Text preview" testId="preview-text">
        {text.data.text}
      </ScrollableText>
      {text.data.truncated ? (
        <p className="preview-note" data-testid="preview-truncated">
          Showing the first {formatBytes(maxBytes)} of {formatBytes(size)}. Download the file to see all of it.
        </p>
      ) : null}
    </div>
  );
}
