import { useState } from 'react';
import type { FixKind, FixPreview, FixSpec, FixUndoEntry } from '../../../shared/model/bucket-health';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import type { useHealthActions } from './use-bucket-health';
import { ScrollableText } from '../../ui/ScrollableText';

type Actions = ReturnType<typeof useHealthActions>;

const fixTitles: Record<FixKind, string> = {
  publicReadPolicy: 'Make public/ readable by anyone (bucket policy)',
  abortIncompleteUploads: 'Abort incomplete multipart uploads (lifecycle rule)',
  uploadCors: 'Allow browser uploads through upload links (CORS)',
};

/** The one-click fixes: each previewed as the exact document it writes, applied after a confirm, undoable. */
export function HealthFixes({ actions, undo }: { actions: Actions; undo: FixUndoEntry[] }) {
  const [days, setDays] = useState(7);
  const [origins, setOrigins] = useState('*');
  const [shown, setShown] = useState<{ fix: FixSpec; preview: FixPreview } | null>(null);
  const specs: Record<FixKind, FixSpec> = {
    publicReadPolicy: { kind: 'publicReadPolicy' },
    abortIncompleteUploads: { kind: 'abortIncompleteUploads', days },
    uploadCors: {
      kind: 'uploadCors',
      origins: origins
        .split(/[\s,]+/)
        .map((o) => o.trim())
        .filter(Boolean),
    },
  };
  const preview = (kind: FixKind) => {
    actions.apply.reset();
    actions.preview.mutate(specs[kind], { onSuccess: (result) => setShown({ fix: specs[kind], preview: result }) });
  };
  const apply = () => {
    if (!shown) return;
    actions.apply.mutate({ fix: shown.fix, expected: shown.preview.next }, { onSuccess: () => setShown(null) });
  };

  return (
    <section className="health-section" aria-labelledby="health-fixes-heading">
      <h3 id="health-fixes-heading" className="health-heading">
        Fixes
      </h3>
      <ul className="health-fixes">
        {(Object.keys(fixTitles) as FixKind[]).map((kind) => (
          <li key={kind} className="health-fix" data-testid={`health-fix-${kind}`}>
            <span className="health-fix-title">{fixTitles[kind]}</span>
            {kind === 'abortIncompleteUploads' ? (
              <label className="health-fix-option">
                after
                <input
                  type="number"
                  min={1}
                  max={3650}
                  value={days}
                  onChange={(e) => setDays(Math.max(1, Math.round(Number(e.target.value) || 1)))}
                />
                days
              </label>
            ) : null}
            {kind === 'uploadCors' ? (
              <label className="health-fix-option">
                origins
                <input type="text" value={origins} onChange={(e) => setOrigins(e.target.value)} aria-describedby="cors-origins-hint" />
                <span id="cors-origins-hint" className="field-hint">
                  * or https://host, comma-separated
                </span>
              </label>
            ) : null}
            <Button
              onClick={() => preview(kind)}
              busy={actions.preview.isPending && actions.preview.variables.kind === kind}
              data-testid="health-fix-preview"
            >
              Preview…
            </Button>
          </li>
        ))}
      </ul>
      {actions.preview.isError ? <ErrorBanner message={actions.preview.error.message} testId="health-preview-error" /> : null}
      {shown ? (
        <div className="health-preview" data-testid="health-preview" role="region" aria-label="Preview of the fix">
          <p className="health-preview-summary">
            {shown.preview.unchanged ? 'Already in place: applying changes nothing.' : shown.preview.summary}
          </p>
          <p className="field-hint">Exactly this {shown.preview.format.toUpperCase()} will be written:</p>
          <ScrollableText className="health-document" label="What will be written" testId="health-preview-next">
            {shown.preview.next}
          </ScrollableText>
          {shown.preview.current !== null ? (
            <details>
              <summary>What the bucket has now</summary>
              <ScrollableText className="health-document" label="What the bucket has now">
                {shown.preview.current}
              </ScrollableText>
            </details>
          ) : (
            <p className="field-hint">The bucket has none today.</p>
          )}
          {actions.apply.isError ? <ErrorBanner message={actions.apply.error.message} testId="health-apply-error" /> : null}
          <div className="dialog-footer">
            <span className="spacer" />
            <Button onClick={() => setShown(null)}>Cancel</Button>
            <Button
              variant="primary"
              onClick={apply}
              busy={actions.apply.isPending}
              disabled={shown.preview.unchanged}
              data-testid="health-fix-apply"
            >
              Apply
            </Button>
          </div>
        </div>
      ) : null}
      {undo.length > 0 ? <UndoList entries={undo} actions={actions} /> : null}
    </section>
  );
}

/** Applied fixes, each restorable to exactly the document it replaced, after a confirm. */
function UndoList({ entries, actions }: { entries: FixUndoEntry[]; actions: Actions }) {
  const [confirming, setConfirming] = useState<FixKind | null>(null);
  return (
    <div className="health-undo">
      <h4 className="health-subheading">Applied fixes</h4>
      <ul>
        {entries.map((entry) => (
          <li key={entry.kind} data-testid={`health-undo-${entry.kind}`}>
            <span>
              {fixTitles[entry.kind]} — applied {new Date(entry.appliedAt).toLocaleString()}
            </span>
            {confirming === entry.kind ? (
              <div className="health-preview">
                <p>
                  {entry.previous === null
                    ? 'Undo removes it: the bucket had none before.'
                    : 'Undo writes back exactly what the bucket had before:'}
                </p>
                {entry.previous !== null ? (
                  <ScrollableText className="health-document" label="What undo writes back">
                    {entry.previous}
                  </ScrollableText>
                ) : null}
                <div className="dialog-footer">
                  <span className="spacer" />
                  <Button onClick={() => setConfirming(null)}>Keep the fix</Button>
                  <Button
                    variant="danger"
                    busy={actions.undo.isPending}
                    onClick={() => actions.undo.mutate(entry.kind, { onSuccess: () => setConfirming(null) })}
                    data-testid="health-undo-confirm"
                  >
                    Undo
                  </Button>
                </div>
              </div>
            ) : (
              <Button onClick={() => setConfirming(entry.kind)} data-testid="health-undo">
                Undo…
              </Button>
            )}
          </li>
        ))}
      </ul>
      {actions.undo.isError ? <ErrorBanner message={actions.undo.error.message} testId="health-undo-error" /> : null}
    </div>
  );
}
