import { useState } from 'react';
import type { ObjectEditorState } from '../../../shared/model/object-editor';
import { baseName } from '../../../shared/model/keys';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field } from '../../ui/Field';
import { CacheControlPicker } from '../../ui/CacheControlPicker';
import { dispositionFor, formFromHeaders, patchFromForm, type HeaderForm } from './header-form';
import { MetadataRows } from './MetadataRows';
import { useSaveHeaders, type ObjectRefProps } from './use-object-editor';

const plainFields: { field: 'contentEncoding' | 'contentLanguage' | 'expires'; label: string; placeholder: string }[] = [
  { field: 'contentEncoding', label: 'Content-Encoding', placeholder: 'e.g. gzip' },
  { field: 'contentLanguage', label: 'Content-Language', placeholder: 'e.g. en, de-CH' },
  { field: 'expires', label: 'Expires', placeholder: 'e.g. Wed, 21 Oct 2026 07:28:00 GMT' },
];

/** Edits one object's headers and metadata; saving copies the object onto itself, keeping everything else. */
export function HeaderEditor({ state, ...ref }: ObjectRefProps & { state: ObjectEditorState }) {
  const [form, setForm] = useState<HeaderForm>(() => formFromHeaders(state.headers));
  const save = useSaveHeaders(ref);
  const set = (patch: Partial<HeaderForm>) => setForm((f) => ({ ...f, ...patch }));
  const patch = patchFromForm(state.headers, form);
  const dirty = Object.keys(patch).length > 0;
  const name = baseName(state.key);
  const id = (field: string) => `header-${field}`;
  return (
    <form
      className="header-editor"
      data-testid="header-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ ifMatch: state.etag, patch });
      }}
    >
      <Field id={id('cache-control')} label="Cache-Control">
        {(control) => (
          <input
            {...control}
            value={form.cacheControl}
            onChange={(e) => set({ cacheControl: e.target.value })}
            data-testid="header-cache-control"
          />
        )}
      </Field>
      <CacheControlPicker onPick={(cacheControl) => set({ cacheControl })} />
      <Field
        id={id('content-type')}
        label="Content-Type"
        hint={
          state.suggestedContentType ? (
            <Button
              variant="ghost"
              onClick={() => set({ contentType: state.suggestedContentType ?? '' })}
              data-testid="header-content-type-suggestion"
            >
              Use {state.suggestedContentType} (from the extension)
            </Button>
          ) : undefined
        }
      >
        {(control) => (
          <input
            {...control}
            value={form.contentType}
            onChange={(e) => set({ contentType: e.target.value })}
            data-testid="header-content-type"
          />
        )}
      </Field>
      <Field
        id={id('content-disposition')}
        label="Content-Disposition"
        hint={
          <>
            <Button
              variant="ghost"
              onClick={() => set({ contentDisposition: dispositionFor('inline', name) })}
              data-testid="disposition-inline"
            >
              Show in the browser
            </Button>
            <Button
              variant="ghost"
              onClick={() => set({ contentDisposition: dispositionFor('attachment', name) })}
              data-testid="disposition-attachment"
            >
              Download as “{name}”
            </Button>
          </>
        }
      >
        {(control) => (
          <input
            {...control}
            value={form.contentDisposition}
            onChange={(e) => set({ contentDisposition: e.target.value })}
            data-testid="header-content-disposition"
          />
        )}
      </Field>
      {plainFields.map(({ field, label, placeholder }) => (
        <Field key={field} id={id(field)} label={label}>
          {(control) => (
            <input
              {...control}
              placeholder={placeholder}
              value={form[field]}
              onChange={(e) => set({ [field]: e.target.value })}
              data-testid={`header-${field}`}
            />
          )}
        </Field>
      ))}
      <MetadataRows rows={form.metadata} onChange={(metadata) => set({ metadata })} />
      {state.versioned ? (
        <p className="inspector-none">
          This bucket keeps versions: saving writes a new version; the current one stays as an older version.
        </p>
      ) : null}
      {save.isError ? <ErrorBanner title="The headers were not saved." message={save.error.message} testId="header-save-error" /> : null}
      {save.isSuccess ? (
        <p className="inspector-none" data-testid="header-save-result">
          {save.data.changed
            ? save.data.newVersionId
              ? 'Saved as a new version.'
              : 'Saved.'
            : 'Nothing to change: the object already had these values.'}
        </p>
      ) : null}
      <div className="editor-actions">
        <Button variant="primary" type="submit" disabled={!dirty} busy={save.isPending} data-testid="header-save">
          Save headers
        </Button>
        <Button onClick={() => setForm(formFromHeaders(state.headers))} disabled={!dirty} data-testid="header-reset">
          Undo changes
        </Button>
      </div>
    </form>
  );
}
