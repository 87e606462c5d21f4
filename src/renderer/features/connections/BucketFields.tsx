import { Field } from '../../ui/Field';
import type { FieldGroupProps } from './form-types';

/** Which bucket (optionally) and which folders are the public and the private halves of it. */
export function BucketFields({ idPrefix, values, set, errors }: FieldGroupProps) {
  return (
    <fieldset className="form-section">
      <legend>Bucket</legend>
      <Field
        id={`${idPrefix}-bucket`}
        label="Bucket (optional)"
        error={errors.bucket}
        hint="For keys that may not list buckets: the app then uses only this one."
      >
        {(control) => (
          <input
            {...control}
            type="text"
            value={values.bucket}
            onChange={(e) => set('bucket', e.currentTarget.value)}
            spellCheck={false}
            data-testid="field-bucket"
          />
        )}
      </Field>
      <div className="form-row">
        <Field id={`${idPrefix}-root-public`} label="Public folder" error={errors.rootPublic} hint="Served to the world.">
          {(control) => (
            <input
              {...control}
              type="text"
              value={values.rootPublic}
              onChange={(e) => set('rootPublic', e.currentTarget.value)}
              spellCheck={false}
              data-testid="field-root-public"
            />
          )}
        </Field>
        <Field id={`${idPrefix}-root-private`} label="Private folder" error={errors.rootPrivate} hint="Never public.">
          {(control) => (
            <input
              {...control}
              type="text"
              value={values.rootPrivate}
              onChange={(e) => set('rootPrivate', e.currentTarget.value)}
              spellCheck={false}
              data-testid="field-root-private"
            />
          )}
        </Field>
      </div>
      <Field
        id={`${idPrefix}-public-base-url`}
        label="Public base URL (CDN, optional)"
        error={errors.publicBaseUrl}
        hint="Where the public folder is served from, e.g. https://cdn.example.com/. Public links then use it; empty uses the endpoint."
      >
        {(control) => (
          <input
            {...control}
            type="url"
            value={values.publicBaseUrl}
            onChange={(e) => set('publicBaseUrl', e.currentTarget.value)}
            placeholder="https://cdn.example.com/"
            spellCheck={false}
            data-testid="field-public-base-url"
          />
        )}
      </Field>
    </fieldset>
  );
}
