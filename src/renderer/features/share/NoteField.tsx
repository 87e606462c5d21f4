import { Field } from '../../ui/Field';

export interface NoteFieldProps {
  id: string;
  value: string;
  onChange: (note: string) => void;
  error?: string | undefined;
  /** Whether the note goes with one link or with every link of a batch. */
  hint: string;
  testId: string;
}

/** The optional note (a ticket number) that the ledger keeps with what is shared. */
export function NoteField({ id, value, onChange, error, hint, testId }: NoteFieldProps) {
  return (
    <Field id={id} label="Note (optional)" error={error} hint={hint}>
      {(control) => (
        <input
          {...control}
          type="text"
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          placeholder="Ticket #"
          data-testid={testId}
        />
      )}
    </Field>
  );
}
