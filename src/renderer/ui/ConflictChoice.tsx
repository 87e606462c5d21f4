import type { ReactNode } from 'react';

/** One answer to "what about names that already exist?". */
export interface ConflictOption<T extends string> {
  action: T;
  label: string;
}

export interface ConflictChoiceProps<T extends string> {
  legend: ReactNode;
  /** The radio group's name; also the prefix of each option's test id (`${name}-${action}`). */
  name: string;
  choices: readonly ConflictOption<T>[];
  value: T;
  onChange: (action: T) => void;
  testId: string;
  /** Shown between the legend and the options, e.g. a sample of the clashing names. */
  children?: ReactNode;
}

/** One question for all existing names: a radio group under a legend that says how many. */
export function ConflictChoice<T extends string>({ legend, name, choices, value, onChange, testId, children }: ConflictChoiceProps<T>) {
  return (
    <fieldset className="form-section" data-testid={testId}>
      <legend>{legend}</legend>
      {children}
      {choices.map((c) => (
        <label key={c.action} className="segmented-option">
          <input
            type="radio"
            name={name}
            checked={value === c.action}
            onChange={() => onChange(c.action)}
            data-testid={`${name}-${c.action}`}
          />
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}
