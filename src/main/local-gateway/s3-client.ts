// The S3 client for the local gateway (readiness probe, ballast, tests, benches), built by the
// app's one factory so the bed and the app configure the SDK alike. Only the HTTP handler differs:
// a stalled gateway (TESTBED.md, wrapped memstore counter) shows up as a silent hang, so every
// phase is bounded and a test fails with a message instead.
import type { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { createS3Client } from '../core/s3/client-factory';

export interface S3Credentials {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export function makeS3Client(c: S3Credentials, opts: { timeoutMs?: number; maxAttempts?: number } = {}): S3Client {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const credentials = { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey };
  return createS3Client(
    // Path style: no wildcard DNS for bucket.127.0.0.1. RGW 16.2 refuses CRC32 trailers (411).
    { endpoint: c.endpoint, region: c.region, forcePathStyle: true, checksumCompatibility: true },
    () => Promise.resolve(credentials),
    {
      maxAttempts: opts.maxAttempts ?? 2,
      requestHandler: new NodeHttpHandler({
        connectionTimeout: timeoutMs,
        requestTimeout: timeoutMs, // until response headers
        throwOnRequestTimeout: true, // otherwise it only logs a warning
        socketTimeout: timeoutMs, // idle time while streaming a body
      }),
    },
  );
}
