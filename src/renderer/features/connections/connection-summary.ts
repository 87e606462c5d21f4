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

/**
 * The short line under the connection's name in the sidebar: what tells connections apart, the
 * bucket when it has one, else the endpoint host (or "AWS · region"). It must fit the sidebar.
 */
export function connectionSubtitle(connection: Connection): string {
  if (connection.bucket) return connection.bucket;
  return connection.endpoint ? endpointLabel(connection.endpoint) : `AWS · ${connection.region}`;
}

/** Everything about the connection in one tooltip: endpoint, region, bucket, credentials. */
export function connectionTooltip(connection: Connection): string {
  return [
    `Endpoint: ${connection.endpoint ?? 'AWS'}`,
    `Region: ${connection.region}`,
    ...(connection.bucket ? [`Bucket: ${connection.bucket}`] : []),
    `Credentials: ${credentialLabel(connection.credentials)}`,
  ].join('\n');
}
