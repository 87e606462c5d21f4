import type { S3Client } from '@aws-sdk/client-s3';
import type { Logger } from '../logger';

/**
 * One line per S3 request in the app's log: the operation, method, bucket, key, status and time,
 * and never anything that could sign a request: no headers (Authorization, the session token),
 * no query string (a presigned URL's X-Amz-Signature, an upload id is harmless but not needed).
 */
export interface S3RequestLine {
  op: string;
  method: string;
  bucket?: string;
  key?: string;
  /** HTTP status, or null when no answer came (refused, reset, timed out, aborted). */
  status: number | null;
  ms: number;
  /** The S3 error code or network error name when it failed. */
  error?: string;
}

export function logS3Request(logger: Logger, line: S3RequestLine): void {
  if (line.status !== null && line.status < 400) logger.info('s3', { ...line });
  else logger.warn('s3', { ...line });
}

interface MaybeS3Error {
  name?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/** The status and code an SDK or network error carries. */
export function failureOf(error: unknown): { status: number | null; error: string } {
  const e = (error ?? {}) as MaybeS3Error;
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : null;
  return { status, error: typeof e.name === 'string' ? e.name : 'Error' };
}

/**
 * Logs every attempt an SDK client sends, from inside the deserialize step: after signing and
 * retries are decided, once per request on the wire. A presign stops before this step, so
 * making a link logs nothing here (the share ledger records it, without the signature).
 */
export function addRequestLog(client: S3Client, logger: Logger): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const started = performance.now();
      const input = args.input as { Bucket?: unknown; Key?: unknown };
      const request = args.request as { method?: string } | undefined;
      const base = {
        op: (context.commandName ?? 'S3').replace(/Command$/, ''),
        method: request?.method ?? '?',
        ...(typeof input.Bucket === 'string' ? { bucket: input.Bucket } : {}),
        ...(typeof input.Key === 'string' ? { key: input.Key } : {}),
      };
      try {
        const result = await next(args);
        const status = (result.response as { statusCode?: number } | undefined)?.statusCode ?? null;
        logS3Request(logger, { ...base, status, ms: Math.round(performance.now() - started) });
        return result;
      } catch (error) {
        logS3Request(logger, { ...base, ...failureOf(error), ms: Math.round(performance.now() - started) });
        throw error;
      }
    },
    { step: 'deserialize', priority: 'high', name: 'bucketAdminRequestLog' },
  );
}
