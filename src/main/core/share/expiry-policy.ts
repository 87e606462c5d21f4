import { AppError } from '../../../shared/errors';
import { describeDuration, maxPresignSeconds, type ExpiryDecision } from '../../../shared/model/share';

/** What the signing credentials say about their own life. */
export interface CredentialLifetime {
  /** From the provider (SSO, assume-role, credential_process, IMDS); absent for long-term keys. */
  expiresAt?: Date;
  /** A session token is present: the credentials are temporary even when no expiry is known. */
  temporary: boolean;
}

/** Below this, a link would die before anyone could use it: refuse instead of issuing one. */
export const minUsefulSeconds = 60;

/**
 * SigV4 dates have whole seconds (X-Amz-Date), and S3 counts X-Amz-Expires from there. Deciding
 * from the same truncated instant keeps the announced expiry exact instead of up to 1 s late.
 */
export function signingInstant(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** "2026-11-21 17:40:00 UTC": explanations speak UTC; the UI adds local time from `expiresAt`. */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Seconds the credentials have left (floored), or null when they do not say. */
export function credentialSecondsLeft(now: Date, creds: CredentialLifetime): number | null {
  if (!creds.expiresAt) return null;
  return Math.floor((creds.expiresAt.getTime() - now.getTime()) / 1000);
}

/** The longest link these credentials can sign right now: min(7 days, their time left). */
export function maxExpirySeconds(now: Date, creds: CredentialLifetime): number {
  const left = credentialSecondsLeft(now, creds);
  return left === null ? maxPresignSeconds : Math.max(0, Math.min(maxPresignSeconds, left));
}

/**
 * Decides how long a presigned link lives: what was asked, capped at SigV4's 7 days and at the
 * signing credentials' own expiry (a link never outlives its signer), and says which limit won.
 * Throws CredentialsExpired when the credentials have under a minute left. Pure.
 */
export function decideExpiry(requestedSeconds: number, now: Date, creds: CredentialLifetime): ExpiryDecision {
  if (!Number.isInteger(requestedSeconds) || requestedSeconds <= 0) {
    throw new AppError('InvalidInput', 'An expiry of zero or less would give a link that never works. Choose at least 1 second.', {
      requestedSeconds,
    });
  }
  const left = credentialSecondsLeft(now, creds);
  if (left !== null && left < minUsefulSeconds) {
    const when = creds.expiresAt ? formatUtc(creds.expiresAt) : 'now';
    throw new AppError(
      'CredentialsExpired',
      `The credentials that sign links ${left <= 0 ? 'expired' : 'expire'} at ${when}, so a link would stop working at once. Sign in again (for SSO: aws sso login) or refresh the session token, then share again.`,
      { credentialsExpireAt: creds.expiresAt?.toISOString() },
    );
  }
  let seconds = requestedSeconds;
  let cap: ExpiryDecision['cap'] = 'requested';
  if (seconds > maxPresignSeconds) {
    seconds = maxPresignSeconds;
    cap = 'sigv4-max-7-days';
  }
  if (left !== null && left < seconds) {
    seconds = left;
    cap = 'credentials-expire';
  }
  const expiresAt = new Date(now.getTime() + seconds * 1000);
  return {
    requestedSeconds,
    seconds,
    expiresAt: expiresAt.toISOString(),
    cap,
    ...(creds.expiresAt ? { credentialsExpireAt: creds.expiresAt.toISOString() } : {}),
    explanation: explain(requestedSeconds, seconds, expiresAt, cap, creds),
  };
}

function explain(requested: number, seconds: number, expiresAt: Date, cap: ExpiryDecision['cap'], creds: CredentialLifetime): string {
  const lasts = `works for ${describeDuration(seconds)}, until ${formatUtc(expiresAt)}`;
  const asked = describeDuration(requested);
  switch (cap) {
    case 'sigv4-max-7-days':
      return `You asked for ${asked}, but S3 signatures (SigV4) last at most 7 days, so the link ${lasts}.`;
    case 'credentials-expire':
      return `You asked for ${asked}, but the credentials that sign it expire at ${creds.expiresAt ? formatUtc(creds.expiresAt) : 'sooner'} and a link never outlives them, so it ${lasts}. For longer links, sign in again later or use long-term access keys.`;
    case 'requested': {
      const token =
        creds.temporary && !creds.expiresAt
          ? ' These credentials carry a session token whose expiry the app cannot see: the link also stops when that token expires.'
          : '';
      return `The link ${lasts}.${token}`;
    }
  }
}
