import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A fresh per-run secret (the page token, the preview path). */
export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time comparison of a presented secret with the expected one. */
export function secretMatches(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The cookie is named after this host's port: browsers send 127.0.0.1's cookies to every port,
 * so a fixed name would let two hosts (or an old tab) overwrite each other's token. The cookie
 * alone never opens the API: the socket's first message must carry the token itself.
 */
export function cookieNameFor(port: number): string {
  return `bucket_admin_${port}`;
}

/** A cookie's value from the request, or undefined. */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/**
 * True only when the request names this exact host and port. A DNS-rebinding page reaches
 * 127.0.0.1 under its own name (`Host: evil.example:1234`) and is refused here.
 */
export function hostMatches(req: IncomingMessage, expectedHost: string): boolean {
  return req.headers.host === expectedHost;
}
