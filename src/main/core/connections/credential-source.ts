import { fromIni } from '@aws-sdk/credential-providers';
import { loadSharedConfigFiles } from '@smithy/core/config';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { StoredCredentials } from './connection-record';

/** The secret half of an access-key connection; only ever held in main, encrypted at rest. */
export interface KeySecret {
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * Builds the SDK credential provider for a connection. Profiles go through the SDK's own
 * provider, which handles SSO, assume-role and credential_process; we never parse ~/.aws.
 */
export function credentialProvider(stored: StoredCredentials, secret: KeySecret | undefined): AwsCredentialIdentityProvider {
  if (stored.kind === 'profile') {
    return fromIni({ profile: stored.profile, ignoreCache: true });
  }
  if (!secret) throw new Error('credentialProvider: keys without a secret');
  const identity = {
    accessKeyId: stored.accessKeyId,
    secretAccessKey: secret.secretAccessKey,
    ...(secret.sessionToken ? { sessionToken: secret.sessionToken } : {}),
  };
  return () => Promise.resolve(identity);
}

/** Profile names from the shared config and credentials files, sorted, without duplicates. */
export async function listProfiles(): Promise<string[]> {
  const files = await loadSharedConfigFiles({ ignoreCache: true });
  const names = new Set([...Object.keys(files.configFile), ...Object.keys(files.credentialsFile)]);
  return [...names].sort((a, b) => a.localeCompare(b));
}
