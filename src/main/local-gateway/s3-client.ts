// The one way test code builds an S3Client for the bed. Kept apart from
// ceph-gateway.ts so the gateway (readiness probe, ballast) and the test
// helpers configure the SDK identically.
import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface S3Credentials {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export function makeS3Client(c: S3Credentials, opts: { timeoutMs?: number; maxAttempts?: number } = {}): S3Client {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  return new S3Client({
    endpoint: c.endpoint,
    region: c.region,
    credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
    forcePathStyle: true, // no wildcard DNS for bucket.127.0.0.1
    // RGW 16.2 refuses streamed aws-chunked uploads with a CRC32 trailer (411),
    // which the SDK sends by default; only checksum when an API demands it.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A stalled gateway (see TESTBED.md, wrapped memstore counter) shows up as
    // a silent hang; bound every phase so a test fails with a message instead.
    requestHandler: new NodeHttpHandler({
      connectionTimeout: timeoutMs,
      requestTimeout: timeoutMs, // until response headers
      throwOnRequestTimeout: true, // otherwise it only logs a warning
      socketTimeout: timeoutMs, // idle time while streaming a body
    }),
    maxAttempts: opts.maxAttempts ?? 2,
  });
}
