import { CheckboxField } from '../../ui/CheckboxField';
import { Field } from '../../ui/Field';
import { sizeUnits, type SizeUnit, type UploadErrors, type UploadFormValues } from './upload-form';

export interface UploadLinkFieldsProps {
  idPrefix: string;
  values: UploadFormValues;
  set: <K extends keyof UploadFormValues>(key: K, value: UploadFormValues[K]) => void;
  errors: UploadErrors;
}

interface PillsProps<T extends string> {
  name: string;
  value: T;
  options: { id: T; label: string }[];
  onChange: (v: T) => void;
  testIdPrefix: string;
}

function Pills<T extends string>({ name, value, options, onChange, testIdPrefix }: PillsProps<T>) {
  return (
    <div className="choice-pills">
      {options.map((o) => (
        <label key={o.id} className="choice-pill">
          <input
            type="radio"
            name={name}
            checked={value === o.id}
            onChange={() => onChange(o.id)}
            data-testid={`${testIdPrefix}-${o.id}`}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </div>
  );
}

function SizeField(props: {
  id: string;
  label: string;
  amount: string;
  unit: SizeUnit;
  error?: string | undefined;
  onAmount: (v: string) => void;
  onUnit: (u: SizeUnit) => void;
  testId: string;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      {(control) => (
        <div className="size-input">
          <input
            {...control}
            type="text"
            inputMode="decimal"
            value={props.amount}
            onChange={(e) => props.onAmount(e.currentTarget.value)}
            data-testid={props.testId}
          />
          <select
            aria-label={`${props.label} unit`}
            value={props.unit}
            onChange={(e) => {
              const value = e.currentTarget.value;
              props.onUnit(sizeUnits.find((u) => u === value) ?? props.unit);
            }}
            data-testid={`${props.testId}-unit`}
          >
            {sizeUnits.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </div>
      )}
    </Field>
  );
}

/** Where uploads go (a folder or one key), how (POST form or PUT) and what they may be. */
export function UploadLinkFields({ idPrefix, values, set, errors }: UploadLinkFieldsProps) {
  const post = values.method === 'post';
  const exact = !post || values.target === 'object';
  return (
    <>
      <fieldset className="form-section">
        <legend>Kind of link</legend>
        <Pills
          name={`${idPrefix}-upload-method`}
          testIdPrefix="upload-method"
          value={values.method}
          onChange={(v) => set('method', v)}
          options={[
            { id: 'post', label: 'Upload form (POST) — size limits' },
            { id: 'put', label: 'Single PUT URL — one exact key' },
          ]}
        />
      </fieldset>
      {post ? (
        <fieldset className="form-section" data-testid="upload-target-group">
          <legend>Where uploads may go</legend>
          <Pills
            name={`${idPrefix}-upload-target`}
            testIdPrefix="upload-target"
            value={values.target}
            onChange={(v) => set('target', v)}
            options={[
              { id: 'prefix', label: 'Any file name under a folder' },
              { id: 'object', label: 'Exactly one key' },
            ]}
          />
        </fieldset>
      ) : null}
      {exact ? (
        <Field
          id={`${idPrefix}-upload-key`}
          label="Key the file is stored as"
          error={errors.key}
          hint="The full key, e.g. private/inbox/ticket-123/logs.zip."
        >
          {(control) => (
            <input
              {...control}
              type="text"
              value={values.key}
              onChange={(e) => set('key', e.currentTarget.value)}
              spellCheck={false}
              data-testid="upload-key"
            />
          )}
        </Field>
      ) : (
        <Field
          id={`${idPrefix}-upload-prefix`}
          label="Folder uploads go to"
          error={errors.prefix}
          hint="Ends with /. A folder per ticket keeps customers apart, e.g. private/inbox/ticket-123/."
        >
          {(control) => (
            <input
              {...control}
              type="text"
              value={values.prefix}
              onChange={(e) => set('prefix', e.currentTarget.value)}
              spellCheck={false}
              data-testid="upload-prefix"
            />
          )}
        </Field>
      )}
      {post ? (
        <div className="form-row">
          <SizeField
            id={`${idPrefix}-min`}
            label="Smallest file"
            amount={values.minAmount}
            unit={values.minUnit}
            error={errors.minBytes}
            onAmount={(v) => set('minAmount', v)}
            onUnit={(u) => set('minUnit', u)}
            testId="upload-min"
          />
          <SizeField
            id={`${idPrefix}-max`}
            label="Largest file"
            amount={values.maxAmount}
            unit={values.maxUnit}
            error={errors.maxBytes}
            onAmount={(v) => set('maxAmount', v)}
            onUnit={(u) => set('maxUnit', u)}
            testId="upload-max"
          />
        </div>
      ) : (
        <p className="field-hint">A PUT link cannot limit the file size; choose the upload form for that.</p>
      )}
      <Field
        id={`${idPrefix}-upload-type`}
        label={exact ? 'Content type' : 'Content type uploads must have'}
        error={errors.contentType}
        hint={
          values.anyContentType
            ? 'Any type is accepted: the uploader decides how the file is served (an HTML page is served as a page).'
            : exact
              ? 'Leave empty for the type the key’s name implies (e.g. .zip → application/zip).'
              : 'Every upload is stored with exactly this type, e.g. application/zip or image/jpeg.'
        }
      >
        {(control) => (
          <input
            {...control}
            type="text"
            value={values.anyContentType ? '' : values.contentType}
            disabled={values.anyContentType}
            onChange={(e) => set('contentType', e.currentTarget.value)}
            spellCheck={false}
            placeholder="application/zip"
            data-testid="upload-content-type"
          />
        )}
      </Field>
      <CheckboxField
        id={`${idPrefix}-upload-any-type`}
        label="Allow any content type"
        checked={values.anyContentType}
        onChange={(checked) => set('anyContentType', checked)}
        testId="upload-any-type"
      />
    </>
  );
}
