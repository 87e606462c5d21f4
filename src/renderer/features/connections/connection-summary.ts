import type { Connection, CredentialsSummary } from '../../../shared/model/connection';

/** "AWS" for AWS itself, else the endpoint's host (with port), which is what people recognise. */
export function endpointLabel(endpoint: string | undefined): string {
  if (!endpoint) return 'AWS';
  try {
    return new URL(endpoint).host || endpoint;
  } catch {
    return endpoint;
  }
}

/** The masked key ID, or the profile name; never anything that could be used as a credential. */
export function credentialLabel(credentials: CredentialsSummary): string {
  return credentials.kind === 'keys' ? credentials.accessKeyIdMasked : `profile ${credentials.profile}`;
}

/** One line under the connection's name in the sidebar. */
export function connectionSubtitle(connection: Connection): string {
  return `${endpointLabel(connection.endpoint)} · ${credentialLabel(connection.credentials)}`;
}
