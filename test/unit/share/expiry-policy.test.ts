import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { decideExpiry, maxExpirySeconds, signingInstant } from '../../../src/main/core/share/expiry-policy';
import { describeDuration, maxPresignSeconds } from '../../../src/shared/model/share';

const now = new Date('2026-03-01T10:00:00.000Z');
const longTerm = { temporary: false };
const expiringIn = (seconds: number) => ({ temporary: true, expiresAt: new Date(now.getTime() + seconds * 1000) });

describe('decideExpiry', () => {
  it('gives what was asked when no limit is closer', () => {
    const d = decideExpiry(3600, now, longTerm);
    expect(d).toMatchObject({ requestedSeconds: 3600, seconds: 3600, cap: 'requested', expiresAt: '2026-03-01T11:00:00.000Z' });
    expect(d.explanation).toBe('The link works for 1 hour, until 2026-03-01 11:00:00 UTC.');
  });

  it('caps at exactly 7 days (SigV4) and says so', () => {
    expect(decideExpiry(maxPresignSeconds, now, longTerm).cap).toBe('requested');
    const d = decideExpiry(maxPresignSeconds + 1, now, longTerm);
    expect(d).toMatchObject({ seconds: maxPresignSeconds, cap: 'sigv4-max-7-days', expiresAt: '2026-03-08T10:00:00.000Z' });
    expect(d.explanation).toMatch(/S3 signatures \(SigV4\) last at most 7 days/);
    expect(decideExpiry(30 * 86_400, now, longTerm).explanation).toMatch(/^You asked for 30 days/);
  });

  it('never outlives the signing credentials, and names their expiry', () => {
    const d = decideExpiry(86_400, now, expiringIn(1800));
    expect(d).toMatchObject({ seconds: 1800, cap: 'credentials-expire', credentialsExpireAt: '2026-03-01T10:30:00.000Z' });
    expect(d.explanation).toMatch(/credentials that sign it expire at 2026-03-01 10:30:00 UTC/);
    // The credentials limit wins over the 7-day one when it is the closer of the two.
    expect(decideExpiry(30 * 86_400, now, expiringIn(3 * 86_400)).cap).toBe('credentials-expire');
    // Credentials that outlive the request change nothing but are still reported.
    expect(decideExpiry(600, now, expiringIn(3600))).toMatchObject({ seconds: 600, cap: 'requested' });
  });

  it('refuses when the credentials have under a minute left, with what to do', () => {
    for (const left of [59, 0, -300]) {
      const error = (() => {
        try {
          decideExpiry(3600, now, expiringIn(left));
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('CredentialsExpired');
      expect((error as AppError).message).toMatch(/Sign in again/);
    }
    expect(decideExpiry(3600, now, expiringIn(60)).seconds).toBe(60);
  });

  it('refuses zero, negative and fractional expiries', () => {
    for (const bad of [0, -1, 1.5]) expect(() => decideExpiry(bad, now, longTerm)).toThrow(/zero or less/);
  });

  it('mentions a session token whose expiry is unknown', () => {
    expect(decideExpiry(900, now, { temporary: true }).explanation).toMatch(/session token whose expiry the app cannot see/);
  });

  it('reports the longest link possible right now', () => {
    expect(maxExpirySeconds(now, longTerm)).toBe(maxPresignSeconds);
    expect(maxExpirySeconds(now, expiringIn(1234))).toBe(1234);
    expect(maxExpirySeconds(now, expiringIn(-5))).toBe(0);
  });
});

describe('signingInstant', () => {
  it('drops the milliseconds SigV4 cannot express, so the announced expiry is never late', () => {
    expect(signingInstant(new Date('2026-03-01T10:00:00.999Z')).toISOString()).toBe('2026-03-01T10:00:00.000Z');
  });
});

describe('describeDuration', () => {
  it.each([
    [900, '15 minutes'],
    [3600, '1 hour'],
    [86_400, '1 day'],
    [604_800, '7 days'],
    [7_500, '2 hours 5 minutes'],
    [90_061, '1 day 1 hour'],
    [1, '1 second'],
    [0, '0 seconds'],
  ])('%i s is "%s"', (seconds, text) => expect(describeDuration(seconds)).toBe(text));
});
