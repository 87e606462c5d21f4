import type { ReactNode } from 'react';
import { Field } from './Field';

export interface NumberFieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** The text as typed: the form parses and checks it on submit, so a half-typed number is kept. */
  value: string;
  onChange: (value: string) => void;
  /** A step such as "0.1" allows decimals (and a decimal keypad); without one, whole numbers. */
  step?: string;
  disabled?: boolean;
  testId?: string;
}

/** A labelled number input with its hint and error (a Field around `<input type="number">`). */
export function NumberField({ id, label, hint, error, value, onChange, step, disabled, testId }: NumberFieldProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode={step ? 'decimal' : 'numeric'}
          step={step}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(e.currentTarget.value)}
          data-testid={testId}
        />
      )}
    </Field>
  );
}
