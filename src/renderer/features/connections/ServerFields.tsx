import { transferEngineSchema } from '../../../shared/model/connection';
import { CheckboxField } from '../../ui/CheckboxField';
import { Field } from '../../ui/Field';
import type { FieldGroupProps } from './form-types';

/** Where S3 is and how to talk to it: region, endpoint, addressing, checksum behaviour, transfer engine. */
export function ServerFields({ idPrefix, values, set, errors }: FieldGroupProps) {
  return (
    <fieldset className="form-section">
      <legend>Server</legend>
      <div className="form-row">
        <Field id={`${idPrefix}-region`} label="Region" error={errors.region} hint="us-east-1 unless your bucket lives elsewhere.">
          {(control) => (
            <input
              {...control}
              type="text"
              value={values.region}
              onChange={(e) => set('region', e.currentTarget.value)}
              placeholder="us-east-1"
              spellCheck={false}
              data-testid="field-region"
            />
          )}
        </Field>
        <Field id={`${idPrefix}-endpoint`} label="Endpoint (optional)" error={errors.endpoint} hint="Leave empty for AWS.">
          {(control) => (
            <input
              {...control}
              type="url"
              value={values.endpoint}
              onChange={(e) => set('endpoint', e.currentTarget.value)}
              placeholder="https://s3.example.com"
              spellCheck={false}
              data-testid="field-endpoint"
            />
          )}
        </Field>
      </div>
      <CheckboxField
        id={`${idPrefix}-path-style`}
        label="Path-style addressing"
        checked={values.forcePathStyle}
        onChange={(v) => set('forcePathStyle', v)}
        error={errors.forcePathStyle}
        hint="host/bucket/key instead of bucket.host/key. Most S3-compatible servers need it."
        testId="field-path-style"
      />
      <CheckboxField
        id={`${idPrefix}-checksum`}
        label="S3-compatible checksum mode"
        checked={values.checksumCompatibility}
        onChange={(v) => set('checksumCompatibility', v)}
        error={errors.checksumCompatibility}
        hint="Send checksums only when required. Turn on if a non-AWS server rejects uploads."
        testId="field-checksum-compat"
      />
      <Field
        id={`${idPrefix}-transfer-engine`}
        label="Transfer engine"
        error={errors.transferEngine}
        hint="Fast uses the app's own tuned requests. If uploads or downloads fail on this server while browsing works, choose AWS SDK: every transfer request is then made by the AWS SDK itself. It is slower with many small files; pause, resume and checks work the same."
      >
        {(control) => (
          <select
            {...control}
            value={values.transferEngine}
            onChange={(e) => set('transferEngine', transferEngineSchema.parse(e.currentTarget.value))}
            data-testid="field-transfer-engine"
          >
            <option value="fast">Fast (default)</option>
            <option value="sdk">AWS SDK (compatibility)</option>
          </select>
        )}
      </Field>
    </fieldset>
  );
}
