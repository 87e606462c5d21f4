import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { ConnectionSettings } from '../../../shared/model/connection';

/**
 * Timeouts so a stalled server fails a call with a message instead of hanging the app. An idle
 * socket limit, not a whole-request one: a 5 GiB part may take minutes but never stalls 30 s.
 */
export const s3Timeouts = { connectionMs: 5_000, idleMs: 30_000 } as const;

export type S3Endpoint = Pick<
  ConnectionSettings,
  'region' | 'endpoint' | 'forcePathStyle' | 'checksumCompatibility'
>;

/** Builds an SDK client for one connection's endpoint settings and credentials. */
export function createS3Client(
  settings: S3Endpoint,
  credentials: AwsCredentialIdentityProvider,
  options: { maxAttempts?: number } = {},
): S3Client {
  return new S3Client({
    region: settings.region,
    credentials,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    // Many S3-compatible servers refuse the SDK's default CRC32 trailers (aws-chunked) with 411.
    ...(settings.checksumCompatibility
      ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }
      : {}),
    maxAttempts: options.maxAttempts ?? 3,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: s3Timeouts.connectionMs,
      socketTimeout: s3Timeouts.idleMs,
    }),
  });
}
