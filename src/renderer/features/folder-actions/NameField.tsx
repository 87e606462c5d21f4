import { Field } from '../../ui/Field';

export interface NameFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (name: string) => void;
  /** The name rules' error, or the server's; the caller decides when it is worth showing. */
  error: string | undefined;
  /** The name rules' warning (allowed, but easy to regret). */
  hint: string | undefined;
  /** Select the current name on focus, so typing replaces it (renaming). */
  selectOnFocus?: boolean;
  maxLength?: number;
  disabled?: boolean;
  testId: string;
}

/** The one-line name input of the new-folder and rename dialogs, focused on open. */
export function NameField({ id, label, value, onChange, error, hint, selectOnFocus, maxLength, disabled, testId }: NameFieldProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(control) => (
        <input
          {...control}
          type="text"
          value={value}
          autoFocus
          onFocus={selectOnFocus ? (e) => e.currentTarget.select() : undefined}
          maxLength={maxLength}
          onChange={(e) => onChange(e.currentTarget.value)}
          disabled={disabled}
          data-testid={testId}
        />
      )}
    </Field>
  );
}
