/** How often and how patiently a request is retried. */
export interface RetryPolicy {
  /** Total tries, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * About three minutes of trying before an item fails: long enough to ride out a Wi-Fi drop or a
 * gateway restart, short enough that a dead endpoint is reported while the user is still there.
 */
export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 10, baseDelayMs: 400, maxDelayMs: 30_000 };

/** Socket-level failures: the request may not have reached the server, or its answer was lost. */
const networkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
  'ERR_HTTP2_STREAM_ERROR',
  'EPROTO',
]);

/** Server answers that mean "try again later" or "the bytes arrived damaged". */
const retryableNames = new Set([
  'SlowDown',
  'ServiceUnavailable',
  'Throttling',
  'ThrottlingException',
  'RequestTimeout',
  'RequestTimeoutException',
  'InternalError',
  'TimeoutError',
  'BadDigest',
  'IncompleteBody',
  'XAmzContentSHA256Mismatch',
  'RequestLimitExceeded',
]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

/** The HTTP status an SDK error carries, if any. */
export function httpStatusOf(error: unknown): number | undefined {
  return (error as ErrorLike | undefined)?.$metadata?.httpStatusCode;
}

function networkCodeOf(error: unknown): string | undefined {
  for (let e = error as ErrorLike | undefined, depth = 0; e && depth < 4; e = e.cause as ErrorLike | undefined, depth += 1) {
    if (typeof e.code === 'string' && networkCodes.has(e.code)) return e.code;
  }
  return undefined;
}

export function isAbortError(error: unknown): boolean {
  const name = (error as ErrorLike | undefined)?.name;
  return name === 'AbortError' || (error as ErrorLike | undefined)?.code === 'ABORT_ERR';
}

/** Whether this failure is worth another try. Pure. */
export function isRetryable(error: unknown): boolean {
  if (isAbortError(error)) return false;
  if (networkCodeOf(error)) return true;
  const e = (error ?? {}) as ErrorLike;
  const name = typeof e.name === 'string' ? e.name : typeof e.Code === 'string' ? e.Code : '';
  if (retryableNames.has(name)) return true;
  const status = httpStatusOf(error);
  if (status === undefined) return false;
  return status >= 500 || status === 429 || status === 408;
}

/** Throttling asks us to slow down more than a plain error does. */
export function isThrottle(error: unknown): boolean {
  const name = (error as ErrorLike | undefined)?.name;
  return (
    name === 'SlowDown' ||
    name === 'Throttling' ||
    name === 'ThrottlingException' ||
    httpStatusOf(error) === 503 ||
    httpStatusOf(error) === 429
  );
}

/**
 * Delay before retry number `failures` (1 after the first failure): exponential with full jitter,
 * so many clients failing together do not come back together. Throttling starts higher. Pure.
 */
export function backoffDelay(failures: number, policy: RetryPolicy, throttled: boolean, random: () => number = Math.random): number {
  const base = throttled ? policy.baseDelayMs * 4 : policy.baseDelayMs;
  const ceiling = Math.min(policy.maxDelayMs, base * 2 ** Math.max(0, failures - 1));
  // Half fixed, half random: never a zero wait, still spread out.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
