import type { RefObject } from 'react';
import type { CredentialsSummary } from '../../../shared/model/connection';
import { Field } from '../../ui/Field';
import type { FieldGroupProps } from './form-types';
import { ProfilePicker } from './ProfilePicker';

export interface CredentialsFieldsProps extends FieldGroupProps {
  /** The saved credentials when editing, to explain what an empty field keeps. */
  saved: CredentialsSummary | undefined;
  /** Uncontrolled inputs: the secret never enters React state. */
  secretRef: RefObject<HTMLInputElement | null>;
  sessionTokenRef: RefObject<HTMLInputElement | null>;
}

/** Where the connection's credentials come from: access keys, or a profile in ~/.aws. */
export function CredentialsFields({ idPrefix, values, set, errors, saved, secretRef, sessionTokenRef }: CredentialsFieldsProps) {
  const savedKeys = saved?.kind === 'keys' ? saved : undefined;
  return (
    <fieldset className="form-section">
      <legend>Credentials</legend>
      <div className="segmented" role="radiogroup" aria-label="Credential source">
        <label className="segmented-option">
          <input
            type="radio"
            name={`${idPrefix}-source`}
            checked={values.source === 'keys'}
            onChange={() => set('source', 'keys')}
            data-testid="field-source-keys"
          />
          Access keys
        </label>
        <label className="segmented-option">
          <input
            type="radio"
            name={`${idPrefix}-source`}
            checked={values.source === 'profile'}
            onChange={() => set('source', 'profile')}
            data-testid="field-source-profile"
          />
          AWS profile
        </label>
      </div>

      {values.source === 'profile' ? (
        <ProfilePicker idPrefix={idPrefix} value={values.profile} onChange={(p) => set('profile', p)} error={errors.profile} />
      ) : (
        <>
          <Field
            id={`${idPrefix}-access-key-id`}
            label="Access key ID"
            error={errors.accessKeyId}
            hint={savedKeys ? `Saved: ${savedKeys.accessKeyIdMasked}. Leave empty to keep it.` : undefined}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                value={values.accessKeyId}
                onChange={(e) => set('accessKeyId', e.currentTarget.value)}
                placeholder={savedKeys?.accessKeyIdMasked}
                autoComplete="off"
                spellCheck={false}
                data-testid="field-access-key-id"
              />
            )}
          </Field>
          <Field
            id={`${idPrefix}-secret`}
            label="Secret access key"
            error={errors.secret}
            hint={savedKeys ? 'Leave empty to keep the stored secret.' : undefined}
          >
            {(control) => (
              <input {...control} ref={secretRef} type="password" autoComplete="off" spellCheck={false} data-testid="field-secret" />
            )}
          </Field>
          <Field
            id={`${idPrefix}-session-token`}
            label="Session token (optional)"
            error={errors.sessionToken}
            hint={
              savedKeys?.hasSessionToken
                ? 'Only for temporary credentials. Kept as stored when the secret is left empty.'
                : 'Only for temporary credentials.'
            }
          >
            {(control) => (
              <input
                {...control}
                ref={sessionTokenRef}
                type="password"
                autoComplete="off"
                spellCheck={false}
                data-testid="field-session-token"
              />
            )}
          </Field>
        </>
      )}
    </fieldset>
  );
}
