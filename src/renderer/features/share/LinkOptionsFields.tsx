import { CheckboxField } from '../../ui/CheckboxField';
import { Field } from '../../ui/Field';
import { DispositionChoice } from './DispositionChoice';
import type { LinkFormErrors, LinkFormValues } from './link-form';
import { NoteField } from './NoteField';

export interface LinkOptionsFieldsProps {
  idPrefix: string;
  values: LinkFormValues;
  set: <K extends keyof LinkFormValues>(key: K, value: LinkFormValues[K]) => void;
  errors: LinkFormErrors;
  /** Suggested download name (the key's last segment). */
  suggestedName: string;
  /** The object is under the public root: offer an expiring link instead of the plain URL. */
  isPublic: boolean;
}

/** How the link behaves when opened (download name, inline, content type) and the ledger note. */
export function LinkOptionsFields({ idPrefix, values, set, errors, suggestedName, isPublic }: LinkOptionsFieldsProps) {
  return (
    <>
      <fieldset className="form-section">
        <legend>When opened</legend>
        <DispositionChoice
          name={`${idPrefix}-disposition`}
          value={values.disposition}
          onChange={(v) => set('disposition', v)}
          testIdPrefix="share-disposition"
        />
        {values.disposition === 'attachment' ? (
          <Field id={`${idPrefix}-filename`} label="Save as" error={errors.filename} hint={`Leave empty to use “${suggestedName}”.`}>
            {(control) => (
              <input
                {...control}
                type="text"
                value={values.filename}
                placeholder={suggestedName}
                onChange={(e) => set('filename', e.currentTarget.value)}
                spellCheck={false}
                data-testid="share-filename"
              />
            )}
          </Field>
        ) : null}
        <Field
          id={`${idPrefix}-content-type`}
          label="Content type (optional)"
          error={errors.contentType}
          hint="Overrides the stored type for this link only, e.g. application/pdf."
        >
          {(control) => (
            <input
              {...control}
              type="text"
              value={values.contentType}
              onChange={(e) => set('contentType', e.currentTarget.value)}
              spellCheck={false}
              data-testid="share-content-type"
            />
          )}
        </Field>
        {isPublic ? (
          <CheckboxField
            id={`${idPrefix}-sign`}
            label="Make an expiring link anyway"
            checked={values.signAnyway}
            onChange={(v) => set('signAnyway', v)}
            hint="This file is public, so its plain URL never expires. Sign a link instead to hand out one that stops."
            testId="share-sign-anyway"
          />
        ) : null}
      </fieldset>
      <NoteField
        id={`${idPrefix}-note`}
        value={values.note}
        onChange={(note) => set('note', note)}
        error={errors.note}
        hint="Kept in the ledger with the link, e.g. a ticket number."
        testId="share-note"
      />
    </>
  );
}
