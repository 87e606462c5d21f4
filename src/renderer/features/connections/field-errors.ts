import type { AppErrorShape } from '../../../shared/errors';

/** The form's fields that can carry an error of their own. */
export type FormField =
  | 'name'
  | 'accessKeyId'
  | 'secret'
  | 'sessionToken'
  | 'profile'
  | 'region'
  | 'endpoint'
  | 'forcePathStyle'
  | 'checksumCompatibility'
  | 'transferEngine'
  | 'bucket'
  | 'rootPublic'
  | 'rootPrivate'
  | 'publicBaseUrl';

export interface FormErrors {
  fields: Partial<Record<FormField, string>>;
  /** Errors that belong to no single field; shown at the top of the form. */
  general: string[];
}

export interface Issue {
  path: string;
  message: string;
}

export const noErrors: FormErrors = { fields: {}, general: [] };

/** Draft paths (as the router reports them, dot-joined) to form fields. */
const fieldByPath: Record<string, FormField> = {
  name: 'name',
  'credentials.accessKeyId': 'accessKeyId',
  'credentials.secretAccessKey': 'secret',
  'credentials.sessionToken': 'sessionToken',
  'credentials.profile': 'profile',
  region: 'region',
  endpoint: 'endpoint',
  forcePathStyle: 'forcePathStyle',
  checksumCompatibility: 'checksumCompatibility',
  transferEngine: 'transferEngine',
  bucket: 'bucket',
  'roots.public': 'rootPublic',
  'roots.private': 'rootPrivate',
  publicBaseUrl: 'publicBaseUrl',
};

/**
 * The field an issue path belongs to, or null. `connections:update` and `connections:test`
 * wrap the draft as `{ draft }`, so a leading `draft.` is ignored.
 */
export function fieldForPath(path: string): FormField | null {
  const inner = path.startsWith('draft.') ? path.slice('draft.'.length) : path;
  return fieldByPath[inner] ?? null;
}

/** Spreads issues over the fields they name; the first issue per field wins, the rest go on top. */
export function formErrorsFromIssues(issues: readonly Issue[]): FormErrors {
  const fields: FormErrors['fields'] = {};
  const general: string[] = [];
  for (const issue of issues) {
    const field = fieldForPath(issue.path);
    if (field && fields[field] === undefined) fields[field] = issue.message;
    else if (!field) general.push(issue.message);
  }
  return { fields, general };
}

/** Reads `details.issues` defensively: it crossed a process boundary and may be anything. */
export function issuesFromDetails(details: Record<string, unknown> | undefined): Issue[] {
  const raw = details?.issues;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { path, message } = item as Record<string, unknown>;
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}

/**
 * Where an error from main shows up in the form: InvalidInput issues next to their fields,
 * everything else (and issues no field claims) at the top, in main's own words.
 */
export function formErrorsFromError(error: AppErrorShape): FormErrors {
  if (error.code !== 'InvalidInput') return { fields: {}, general: [error.message] };
  const issues = issuesFromDetails(error.details);
  if (issues.length === 0) return { fields: {}, general: [error.message] };
  return formErrorsFromIssues(issues);
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.general.length > 0 || Object.keys(errors.fields).length > 0;
}
