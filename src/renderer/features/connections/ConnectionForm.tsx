import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import type { Connection } from '../../../shared/model/connection';
import { toClientError } from '../../api/client-error';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field } from '../../ui/Field';
import { BucketFields } from './BucketFields';
import { buildDraft, initialValues, validateDraft, type ConnectionFormValues } from './connection-form-values';
import { CredentialsFields } from './CredentialsFields';
import { formErrorsFromError, formErrorsFromIssues, hasErrors, noErrors, type FormErrors } from './field-errors';
import type { SetValue } from './form-types';
import { ServerFields } from './ServerFields';
import { TestResult, type TestOutcome } from './TestResult';
import { useDraftActions } from './use-connections';

export interface ConnectionFormProps {
  /** The connection being edited; absent when adding. */
  editing?: Connection;
  onSaved: (connection: Connection) => void;
  onCancel: () => void;
}

/** Add or edit a connection, with "Test connection" before saving. Lives only while its dialog is open. */
export function ConnectionForm({ editing, onSaved, onCancel }: ConnectionFormProps) {
  const idPrefix = useId();
  const actions = useDraftActions();
  const [values, setValues] = useState<ConnectionFormValues>(() => initialValues(editing));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [outcome, setOutcome] = useState<TestOutcome | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const secretRef = useRef<HTMLInputElement>(null);
  const sessionTokenRef = useRef<HTMLInputElement>(null);

  // Take people to the first field that needs them, each time a check fails.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const set: SetValue = (key, value) => {
    setValues((v) => ({ ...v, [key]: value }));
    setOutcome(null); // a test result describes the settings it ran with, not the edited ones
  };

  /** Builds the draft from state plus the password inputs; null (with errors shown) if it is invalid. */
  function readDraft() {
    const draft = buildDraft(values, {
      secret: secretRef.current?.value ?? '',
      sessionToken: sessionTokenRef.current?.value ?? '',
    });
    const issues = validateDraft(draft, { adding: editing === undefined });
    const found = formErrorsFromIssues(issues);
    setErrors(found);
    return hasErrors(found) ? null : draft;
  }

  async function runTest() {
    setOutcome(null);
    // Testing a saved connection may reuse its stored secret, so an empty secret is fine then.
    const draft = readDraft();
    if (!draft) return;
    setBusy('test');
    try {
      const report = await actions.test(draft, editing?.id);
      setOutcome({ ok: report.ok, message: report.message, bucketCount: report.buckets.length });
    } catch (error) {
      const failure = toClientError(error);
      const mapped = formErrorsFromError(failure);
      if (failure.code === 'InvalidInput' && Object.keys(mapped.fields).length > 0) setErrors(mapped);
      else setOutcome({ ok: false, message: failure.message });
    } finally {
      setBusy(null);
    }
  }

  async function save(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const draft = readDraft();
    if (!draft) return;
    setBusy('save');
    try {
      onSaved(await actions.save(draft, editing?.id));
    } catch (error) {
      setErrors(formErrorsFromError(toClientError(error)));
      setBusy(null);
    }
  }

  const fieldProps = { idPrefix, values, set, errors: errors.fields };
  return (
    <form ref={formRef} className="connection-form" onSubmit={(e) => void save(e)} noValidate data-testid="connection-form">
      {errors.general.length > 0 ? <ErrorBanner message={errors.general.join(' ')} /> : null}
      <Field id={`${idPrefix}-name`} label="Name" error={errors.fields.name}>
        {(control) => (
          <input
            {...control}
            type="text"
            value={values.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            placeholder="Media bucket"
            data-testid="field-name"
          />
        )}
      </Field>
      <CredentialsFields {...fieldProps} saved={editing?.credentials} secretRef={secretRef} sessionTokenRef={sessionTokenRef} />
      <ServerFields {...fieldProps} />
      <BucketFields {...fieldProps} />
      {/* The result sits with the buttons in a footer that stays in view, so it shows where the user looks. */}
      <div className="form-sticky-footer" data-testid="connection-form-footer">
        <TestResult testing={busy === 'test'} outcome={outcome} />
        <div className="dialog-footer">
          <Button onClick={() => void runTest()} busy={busy === 'test'} disabled={busy !== null} data-testid="connection-test">
            Test connection
          </Button>
          <span className="spacer" />
          <Button variant="ghost" onClick={onCancel} disabled={busy === 'save'}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy === 'save'} disabled={busy !== null} data-testid="connection-save">
            {editing ? 'Save changes' : 'Add connection'}
          </Button>
        </div>
      </div>
    </form>
  );
}
