import { connectionDraftSchema, type Connection, type ConnectionDraft, type TransferEngine } from '../../../shared/model/connection';
import { defaultRoots } from '../../../shared/model/roots';
import type { Issue } from './field-errors';

export type CredentialSource = 'keys' | 'profile';

/**
 * What the form keeps in React state. The secret and session token are deliberately absent:
 * they stay in uncontrolled password inputs and are read only when a draft is sent.
 */
export interface ConnectionFormValues {
  name: string;
  source: CredentialSource;
  accessKeyId: string;
  profile: string;
  region: string;
  endpoint: string;
  forcePathStyle: boolean;
  checksumCompatibility: boolean;
  transferEngine: TransferEngine;
  bucket: string;
  rootPublic: string;
  rootPrivate: string;
  /** CDN or custom domain that serves the public folder; empty means the endpoint's own URL. */
  publicBaseUrl: string;
}

/** Read from the password inputs at the moment of use, then dropped. */
export interface SecretInputs {
  secret: string;
  sessionToken: string;
}

export const defaultRegion = 'us-east-1';

/**
 * Starting values: blank for a new connection, the saved settings when editing. The access key
 * ID starts blank when editing because the renderer only ever sees it masked.
 */
export function initialValues(connection?: Connection): ConnectionFormValues {
  return {
    name: connection?.name ?? '',
    source: connection?.credentials.kind ?? 'keys',
    accessKeyId: '',
    profile: connection?.credentials.kind === 'profile' ? connection.credentials.profile : '',
    region: connection?.region ?? defaultRegion,
    endpoint: connection?.endpoint ?? '',
    forcePathStyle: connection?.forcePathStyle ?? false,
    checksumCompatibility: connection?.checksumCompatibility ?? false,
    transferEngine: connection?.transferEngine ?? 'fast',
    bucket: connection?.bucket ?? '',
    rootPublic: connection?.roots.public ?? defaultRoots.public,
    rootPrivate: connection?.roots.private ?? defaultRoots.private,
    // The draft replaces every setting: a field the form does not load would be erased on save.
    publicBaseUrl: connection?.publicBaseUrl ?? '',
  };
}

/**
 * The draft main expects: trimmed, with empty optional fields left out rather than sent blank.
 * A blank key ID or secret is left out too: when editing that means "keep the stored one",
 * because the renderer only ever sees the key ID masked and never sees the secret.
 */
export function buildDraft(values: ConnectionFormValues, secrets: SecretInputs): ConnectionDraft {
  const endpoint = values.endpoint.trim();
  const bucket = values.bucket.trim();
  const publicBaseUrl = values.publicBaseUrl.trim();
  const accessKeyId = values.accessKeyId.trim();
  const sessionToken = secrets.sessionToken.trim();
  const keys = {
    kind: 'keys' as const,
    ...(accessKeyId ? { accessKeyId } : {}),
    // Never trim a secret: whatever was pasted is what the provider issued.
    ...(secrets.secret ? { secretAccessKey: secrets.secret } : {}),
    ...(sessionToken ? { sessionToken } : {}),
  };
  // An omitted key ID (or secret) means: keep the stored one; main refuses a new connection without.
  const credentials: ConnectionDraft['credentials'] =
    values.source === 'profile' ? { kind: 'profile', profile: values.profile.trim() } : keys;
  return {
    name: values.name.trim(),
    credentials,
    region: values.region.trim() || defaultRegion,
    ...(endpoint ? { endpoint } : {}),
    forcePathStyle: values.forcePathStyle,
    checksumCompatibility: values.checksumCompatibility,
    // The default is left out like an empty field; main fills it in.
    ...(values.transferEngine !== 'fast' ? { transferEngine: values.transferEngine } : {}),
    ...(bucket ? { bucket } : {}),
    roots: { public: values.rootPublic.trim(), private: values.rootPrivate.trim() },
    ...(publicBaseUrl ? { publicBaseUrl } : {}),
  };
}

/** The schema's messages for a blank required field are generic; these say what to enter. */
const blankMessages: Record<string, string> = {
  'credentials.accessKeyId': 'Enter the access key ID.',
  'credentials.profile': 'Choose a profile.',
  'roots.public': 'Enter the public folder, ending with /, such as public/.',
  'roots.private': 'Enter the private folder, ending with /, such as private/.',
};

function valueAt(draft: ConnectionDraft, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], draft);
}

/**
 * Checks a draft with the contract's own schema before sending, so mistakes show next to their
 * fields at once (main checks again; it is the authority). A new key connection needs both the
 * key ID and the secret; when editing, either may be left blank to keep the stored one.
 */
export function validateDraft(draft: ConnectionDraft, options: { adding: boolean }): Issue[] {
  const parsed = connectionDraftSchema.safeParse(draft);
  const issues: Issue[] = [];
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    // A blank field fails several checks at once; one message per field is enough.
    if (issues.some((i) => i.path === path)) continue;
    const blank = blankMessages[path];
    const value = valueAt(draft, path);
    issues.push({ path, message: blank && (value === '' || value === undefined) ? blank : issue.message });
  }
  const { credentials } = draft;
  if (options.adding && credentials.kind === 'keys') {
    const keys = credentials;
    if (!keys.accessKeyId && !issues.some((i) => i.path === 'credentials.accessKeyId')) {
      issues.push({ path: 'credentials.accessKeyId', message: 'Enter the access key ID.' });
    }
    if (!keys.secretAccessKey) issues.push({ path: 'credentials.secretAccessKey', message: 'Enter the secret access key.' });
  }
  return issues;
}
