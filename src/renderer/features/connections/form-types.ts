import type { ConnectionFormValues } from './connection-form-values';
import type { FormErrors } from './field-errors';

/** Sets one form value; shared by the field groups so they stay dumb and small. */
export type SetValue = <K extends keyof ConnectionFormValues>(key: K, value: ConnectionFormValues[K]) => void;

/** What every field group receives. */
export interface FieldGroupProps {
  /** Prefix for element ids, unique per open form. */
  idPrefix: string;
  values: ConnectionFormValues;
  set: SetValue;
  errors: FormErrors['fields'];
}
