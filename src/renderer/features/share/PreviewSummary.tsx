import { TriangleAlert } from 'lucide-react';
import { describeDuration, type SharePreview, type ShareWarning } from '../../../shared/model/share';
import { formatBytes } from '../../../shared/format/format-bytes';
import { LoadingState } from '../../ui/LoadingState';
import { localText, utcText } from './expiry-text';

const routeNames: Record<SharePreview['route'], string> = {
  presigned: 'Presigned link (expires)',
  endpoint: 'Public link (does not expire)',
  cdn: 'Public link through the CDN (does not expire)',
};

/** A warning the user should read before sending the link; the link is issued anyway. */
export function ShareWarningNote({ warning }: { warning: ShareWarning }) {
  return (
    <p className="warning-note share-warning" role="note" data-testid="share-warning" data-code={warning.code}>
      <TriangleAlert size={14} aria-hidden="true" /> {warning.message}
    </p>
  );
}

export interface PreviewSummaryProps {
  preview: SharePreview | undefined;
  /** True while a newer preview is being fetched (the shown one may be stale). */
  updating: boolean;
}

/**
 * What the link will be: its kind, the exact moment it stops working in local time and UTC,
 * which limit shortened it (if any) and any warning, as main previewed it.
 */
export function PreviewSummary({ preview, updating }: PreviewSummaryProps) {
  if (!preview) return <LoadingState label="Checking the object…" />;
  const { expiry } = preview;
  const capped = expiry && expiry.cap !== 'requested';
  return (
    <section
      className="share-preview"
      aria-label="The link"
      aria-busy={updating || undefined}
      data-testid="share-preview"
      data-kind={preview.kind}
      data-route={preview.route}
      data-cap={expiry?.cap ?? 'none'}
      data-updating={updating}
    >
      <p className="share-preview-kind">{routeNames[preview.route]}</p>
      {expiry ? (
        <dl className="detail-list">
          <div className="detail-row">
            <dt>Works for</dt>
            <dd data-testid="share-duration">{describeDuration(expiry.seconds)}</dd>
          </div>
          <div className="detail-row">
            <dt>Stops working</dt>
            <dd>
              <span data-testid="share-expires-local">{localText(expiry.expiresAt)}</span>
              <br />
              <span className="is-mono" data-testid="share-expires-utc">
                {utcText(expiry.expiresAt)}
              </span>
            </dd>
          </div>
        </dl>
      ) : (
        <p data-testid="share-public-note">{preview.explanation}</p>
      )}
      {capped ? (
        <p className="share-cap" data-testid="share-cap">
          {expiry.explanation}
        </p>
      ) : null}
      {preview.warning ? <ShareWarningNote warning={preview.warning} /> : null}
      {preview.object ? (
        <p className="field-hint" data-testid="share-object">
          {formatBytes(preview.object.size)}
          {preview.object.contentType ? ` · ${preview.object.contentType}` : ''}
        </p>
      ) : null}
    </section>
  );
}
