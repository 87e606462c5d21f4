import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryable, isThrottle } from '../../../../src/main/core/transfers/client/retry-policy';

const s3 = (name: string, status: number) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });
const net = (code: string) => Object.assign(new Error(code), { code });

describe('which failures are retried', () => {
  it.each([
    [s3('SlowDown', 503), true],
    [s3('InternalError', 500), true],
    [s3('ServiceUnavailable', 503), true],
    [s3('BadGateway', 502), true],
    [s3('RequestTimeout', 400), true],
    [s3('BadDigest', 400), true],
    [s3('TooManyRequests', 429), true],
    [net('ECONNRESET'), true],
    [net('EPIPE'), true],
    [net('ETIMEDOUT'), true],
    [Object.assign(new Error('socket hang up'), { cause: net('ECONNRESET') }), true],
    [Object.assign(new Error('timeout'), { name: 'TimeoutError' }), true],
    [s3('AccessDenied', 403), false],
    [s3('NoSuchBucket', 404), false],
    [s3('PreconditionFailed', 412), false],
    [s3('InvalidArgument', 400), false],
    [Object.assign(new Error('aborted'), { name: 'AbortError' }), false],
    [net('ENOENT'), false],
    [net('ENOSPC'), false],
    [new Error('plain'), false],
  ])('%s → %s', (error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });

  it('recognises throttling', () => {
    expect(isThrottle(s3('SlowDown', 503))).toBe(true);
    expect(isThrottle(s3('InternalError', 500))).toBe(false);
  });
});

describe('backoff', () => {
  const policy = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 5_000 };
  it('grows exponentially with jitter between half and all of the ceiling, capped', () => {
    expect(backoffDelay(1, policy, false, () => 0)).toBe(50);
    expect(backoffDelay(1, policy, false, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, false, () => 1)).toBe(400);
    expect(backoffDelay(3, policy, false, () => 0)).toBe(200);
    expect(backoffDelay(20, policy, false, () => 1)).toBe(5_000);
    expect(backoffDelay(20, policy, false, () => 0)).toBe(2_500);
  });

  it('waits longer when throttled', () => {
    expect(backoffDelay(1, policy, true, () => 1)).toBe(400);
  });
});
