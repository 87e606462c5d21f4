import type { DispositionKind } from './link-form';

const dispositions: { id: DispositionKind; label: string }[] = [
  { id: 'default', label: 'Browser decides' },
  { id: 'attachment', label: 'Force download' },
  { id: 'inline', label: 'Show in browser' },
];

export interface DispositionChoiceProps {
  name: string;
  value: DispositionKind;
  onChange: (value: DispositionKind) => void;
  /** `share-disposition` gives test ids such as `share-disposition-attachment`. */
  testIdPrefix: string;
}

/** How the browser treats the file when the link is opened: its default, save it, or show it. */
export function DispositionChoice({ name, value, onChange, testIdPrefix }: DispositionChoiceProps) {
  return (
    <div className="choice-pills">
      {dispositions.map((d) => (
        <label key={d.id} className="choice-pill">
          <input
            type="radio"
            name={name}
            checked={value === d.id}
            onChange={() => onChange(d.id)}
            data-testid={`${testIdPrefix}-${d.id}`}
          />
          <span>{d.label}</span>
        </label>
      ))}
    </div>
  );
}
