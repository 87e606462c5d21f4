import { Field } from '../../ui/Field';
import { useProfiles } from './use-connections';

export interface ProfilePickerProps {
  idPrefix: string;
  value: string;
  onChange: (profile: string) => void;
  error: string | undefined;
}

/** A list of the profiles main found in the shared AWS config and credentials files. */
export function ProfilePicker({ idPrefix, value, onChange, error }: ProfilePickerProps) {
  const profiles = useProfiles(true);
  const names = profiles.data ?? [];
  // Keep a saved profile selectable even if it has since vanished from ~/.aws.
  const options = value && !names.includes(value) ? [value, ...names] : names;
  const hint = profiles.isError
    ? profiles.error.message
    : profiles.isSuccess && names.length === 0
      ? 'No profiles found in ~/.aws/config or ~/.aws/credentials. Add one with “aws configure --profile NAME”.'
      : 'Credentials come from ~/.aws, including SSO and assume-role profiles.';
  return (
    <Field id={`${idPrefix}-profile`} label="Profile" error={error} hint={hint}>
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          disabled={profiles.isPending}
          data-testid="field-profile"
        >
          <option value="">{profiles.isPending ? 'Loading profiles…' : 'Choose a profile'}</option>
          {options.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
