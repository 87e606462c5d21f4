import type { S3Client } from '@aws-sdk/client-s3';
import { toAppError } from '../s3/s3-errors';
import type { CredentialLifetime } from './expiry-policy';

/**
 * Asks the client's own credential provider (the one that will sign) how long its credentials
 * live. SSO, assume-role, credential_process and session providers report `expiration`;
 * long-term keys do not. A provider that fails (expired SSO session) becomes a plain-words error.
 */
export async function credentialLifetime(client: S3Client): Promise<CredentialLifetime> {
  try {
    const identity = await client.config.credentials();
    return {
      ...(identity.expiration ? { expiresAt: identity.expiration } : {}),
      temporary: Boolean(identity.sessionToken),
    };
  } catch (error) {
    throw toAppError(error);
  }
}
