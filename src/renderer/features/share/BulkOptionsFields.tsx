import { CheckboxField } from '../../ui/CheckboxField';
import { DispositionChoice } from './DispositionChoice';
import { NoteField } from './NoteField';
import type { LinksFormValues } from './links-form';

export interface BulkOptionsFieldsProps {
  idPrefix: string;
  values: LinksFormValues;
  set: <K extends keyof LinksFormValues>(key: K, value: LinksFormValues[K]) => void;
  noteError?: string | undefined;
  /** Some files are under the public root: offer expiring links for them too. */
  anyPublic: boolean;
}

/** The selection dialog's options: how files open, expiring links for public files, the note. */
export function BulkOptionsFields({ idPrefix, values, set, noteError, anyPublic }: BulkOptionsFieldsProps) {
  return (
    <>
      <fieldset className="form-section">
        <legend>When opened</legend>
        <DispositionChoice
          name={`${idPrefix}-bulk-disposition`}
          value={values.disposition}
          onChange={(v) => set('disposition', v)}
          testIdPrefix="bulk-disposition"
        />
        {anyPublic ? (
          <CheckboxField
            id={`${idPrefix}-bulk-sign`}
            label="Expiring links for public files too"
            checked={values.signAnyway}
            onChange={(v) => set('signAnyway', v)}
            hint="Otherwise public files get their plain URL, which never expires."
            testId="bulk-sign-anyway"
          />
        ) : null}
      </fieldset>
      <NoteField
        id={`${idPrefix}-bulk-note`}
        value={values.note}
        onChange={(note) => set('note', note)}
        error={noteError}
        hint="Kept in the ledger with every link, e.g. a ticket number."
        testId="bulk-note"
      />
    </>
  );
}
