import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { ConnectionSettings } from '../../../shared/model/connection';
import type { Logger } from '../logger';
import { addRequestLog } from './request-log';

/**
 * Timeouts so a stalled server fails a call with a message instead of hanging the app. An idle
 * socket limit, not a whole-request one: a 5 GiB part may take minutes but never stalls 30 s.
 */
export const s3Timeouts = { connectionMs: 5_000, idleMs: 30_000 } as const;

export type S3Endpoint = Pick<ConnectionSettings, 'region' | 'endpoint' | 'forcePathStyle' | 'checksumCompatibility'>;

/**
 * What a caller may set beyond the connection's endpoint: SDK retries (3 by default), and for the
 * transfer client its own HTTP handler, no `Expect: 100-continue`, the middleware cache and a logger.
 */
export type S3ClientOptions = Pick<
  S3ClientConfig,
  'maxAttempts' | 'requestHandler' | 'expectContinueHeader' | 'cacheMiddleware' | 'logger'
> & {
  /** The app's log: one line per request (method, bucket, key, status, ms; see request-log.ts). */
  requestLog?: Logger;
};

/** Builds an SDK client for one connection's endpoint settings and credentials: the one place an S3Client is made. */
export function createS3Client(settings: S3Endpoint, credentials: AwsCredentialIdentityProvider, options: S3ClientOptions = {}): S3Client {
  const { maxAttempts = 3, requestHandler, requestLog, ...rest } = options;
  const client = new S3Client({
    region: settings.region,
    credentials,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    // Many S3-compatible servers refuse the SDK's default CRC32 trailers (aws-chunked) with 411.
    ...(settings.checksumCompatibility ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
    maxAttempts,
    requestHandler:
      requestHandler ??
      new NodeHttpHandler({
        connectionTimeout: s3Timeouts.connectionMs,
        socketTimeout: s3Timeouts.idleMs,
      }),
    ...rest,
  });
  if (requestLog) addRequestLog(client, requestLog);
  return client;
}
