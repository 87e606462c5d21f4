import { AppError } from '../../../../shared/errors';
import { toAppError } from '../../s3/s3-errors';

/** An SDK error's name and HTTP status, read without trusting its type. */
export function errorFacts(error: unknown): { name: string; status: number | undefined } {
  const raw = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: string;
    Code?: string;
    $metadata?: { httpStatusCode?: number };
  };
  return { name: raw.name ?? raw.Code ?? '', status: raw.$metadata?.httpStatusCode };
}

/** The server does not implement the call (NotImplemented, 501, MethodNotAllowed/405). */
export function isNotSupported(error: unknown): boolean {
  const { name, status } = errorFacts(error);
  return name === 'NotImplemented' || name === 'MethodNotAllowed' || status === 501 || status === 405;
}

/** The credentials may not make the call. */
export function isAccessDenied(error: unknown): boolean {
  const { name, status } = errorFacts(error);
  return name === 'AccessDenied' || name === 'AllAccessDisabled' || status === 403;
}

/**
 * The AppError for a failed bucket-configuration call: AccessDenied names the permission it
 * needs, a call the server lacks says so; anything else as the S3 error mapping words it.
 */
export function bucketCallError(
  error: unknown,
  ctx: { bucket: string; endpoint: string; permission: string; what: string; hint?: string },
): AppError {
  if (error instanceof AppError) return error;
  if (isAccessDenied(error)) {
    return new AppError(
      'AccessDenied',
      `Could not ${ctx.what} on “${ctx.bucket}”: these credentials lack ${ctx.permission}. Ask the bucket’s administrator to grant it.${ctx.hint ? ` ${ctx.hint}` : ''}`,
      { permission: ctx.permission },
    );
  }
  if (isNotSupported(error)) {
    return new AppError('ServerError', `This server does not support this (${ctx.permission}): could not ${ctx.what}.`, {
      permission: ctx.permission,
      notSupported: true,
    });
  }
  return toAppError(error, { bucket: ctx.bucket, endpoint: ctx.endpoint });
}
