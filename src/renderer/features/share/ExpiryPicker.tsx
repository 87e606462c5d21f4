import { expiryPresets } from '../../../shared/model/share';
import type { CustomUnit, ExpiryChoice } from './expiry-choice';

export interface ExpiryPickerProps {
  idPrefix: string;
  choice: ExpiryChoice;
  onChange: (choice: ExpiryChoice) => void;
  error?: string | undefined;
  /** A sentence under the options (e.g. "capped at 7 days"), shown when there is no error. */
  hint?: string | null;
  legend?: string;
  disabled?: boolean;
}

const units: { id: CustomUnit; label: string }[] = [
  { id: 'minutes', label: 'minutes' },
  { id: 'hours', label: 'hours' },
  { id: 'days', label: 'days' },
];

/** The expiry as radio buttons (15 min, 1 h, 1 day, 7 days, custom) with a custom length and unit. */
export function ExpiryPicker({ idPrefix, choice, onChange, error, hint, legend = 'Link works for', disabled = false }: ExpiryPickerProps) {
  const name = `${idPrefix}-expiry`;
  const errorId = `${name}-error`;
  const hintId = `${name}-hint`;
  const describedBy = error ? errorId : hint ? hintId : undefined;
  return (
    <fieldset className="form-section expiry-picker" disabled={disabled} data-testid="expiry-picker" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <div className="choice-pills">
        {expiryPresets.map((p) => (
          <label key={p.id} className="choice-pill">
            <input
              type="radio"
              name={name}
              checked={choice.preset === p.id}
              onChange={() => onChange({ ...choice, preset: p.id })}
              data-testid={`expiry-${p.id}`}
            />
            <span>{p.label}</span>
          </label>
        ))}
        <label className="choice-pill">
          <input
            type="radio"
            name={name}
            checked={choice.preset === 'custom'}
            onChange={() => onChange({ ...choice, preset: 'custom', amount: choice.amount || '2' })}
            data-testid="expiry-custom"
          />
          <span>Custom</span>
        </label>
      </div>
      {choice.preset === 'custom' ? (
        <div className="custom-expiry">
          <label className="visually-hidden" htmlFor={`${name}-amount`}>
            Custom length
          </label>
          <input
            id={`${name}-amount`}
            type="text"
            inputMode="decimal"
            value={choice.amount}
            onChange={(e) => onChange({ ...choice, amount: e.currentTarget.value })}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            data-testid="expiry-custom-amount"
          />
          <label className="visually-hidden" htmlFor={`${name}-unit`}>
            Unit
          </label>
          <select
            id={`${name}-unit`}
            value={choice.unit}
            onChange={(e) => {
              const value = e.currentTarget.value;
              onChange({ ...choice, unit: units.find((u) => u.id === value)?.id ?? choice.unit });
            }}
            data-testid="expiry-custom-unit"
          >
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId} data-testid="expiry-error">
          {error}
        </p>
      ) : hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </fieldset>
  );
}
