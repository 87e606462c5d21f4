import { describe, expect, it } from 'vitest';
import {
  fieldForPath,
  formErrorsFromError,
  formErrorsFromIssues,
  issuesFromDetails,
} from '../../../src/renderer/features/connections/field-errors';

describe('fieldForPath', () => {
  it('maps draft paths to form fields', () => {
    expect(fieldForPath('name')).toBe('name');
    expect(fieldForPath('credentials.accessKeyId')).toBe('accessKeyId');
    expect(fieldForPath('credentials.secretAccessKey')).toBe('secret');
    expect(fieldForPath('roots.public')).toBe('rootPublic');
  });

  it('accepts the draft. prefix of connections:update and connections:test', () => {
    expect(fieldForPath('draft.endpoint')).toBe('endpoint');
    expect(fieldForPath('draft.roots.private')).toBe('rootPrivate');
  });

  it('returns null for paths no field owns', () => {
    expect(fieldForPath('')).toBeNull();
    expect(fieldForPath('credentials')).toBeNull();
    expect(fieldForPath('id')).toBeNull();
  });
});

describe('formErrorsFromIssues', () => {
  it('puts each issue next to its field and the rest on top', () => {
    const errors = formErrorsFromIssues([
      { path: 'endpoint', message: 'Bad URL.' },
      { path: 'endpoint', message: 'Second endpoint issue.' },
      { path: 'id', message: 'Not a connection ID.' },
    ]);
    expect(errors.fields).toEqual({ endpoint: 'Bad URL.' });
    expect(errors.general).toEqual(['Not a connection ID.']);
  });
});

describe('formErrorsFromError', () => {
  it('spreads InvalidInput issues over fields', () => {
    const errors = formErrorsFromError({
      code: 'InvalidInput',
      message: 'draft.name: Give the connection a name.',
      details: { channel: 'connections:update', issues: [{ path: 'draft.name', message: 'Give the connection a name.' }] },
    });
    expect(errors).toEqual({ fields: { name: 'Give the connection a name.' }, general: [] });
  });

  it('shows other errors at the top in main’s words', () => {
    const errors = formErrorsFromError({ code: 'SecretStoreUnavailable', message: 'Secrets cannot be stored safely here.' });
    expect(errors).toEqual({ fields: {}, general: ['Secrets cannot be stored safely here.'] });
  });

  it('falls back to the message when InvalidInput has no usable issues', () => {
    const errors = formErrorsFromError({ code: 'InvalidInput', message: 'The request is too large.', details: { issues: 'nope' } });
    expect(errors.general).toEqual(['The request is too large.']);
  });
});

describe('issuesFromDetails', () => {
  it('keeps only well-formed issues', () => {
    expect(issuesFromDetails({ issues: [{ path: 'a', message: 'm' }, { path: 1 }, null, 'x'] })).toEqual([{ path: 'a', message: 'm' }]);
    expect(issuesFromDetails(undefined)).toEqual([]);
  });
});
