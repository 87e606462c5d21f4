import type { RootKind } from '../../../shared/model/object-details';

/** What decides a key's public address besides the bucket's own endpoint address. */
export interface PublicUrlSettings {
  roots: { public: string; private: string };
  /** CDN or custom domain serving the bucket's keys; absent means the S3 endpoint itself. */
  publicBaseUrl?: string | undefined;
}

/** The root a key lives under (`public/…` or `private/…` by default), or null for the rest. */
export function rootOf(roots: PublicUrlSettings['roots'], key: string): RootKind | null {
  if (key.startsWith(roots.public)) return 'public';
  if (key.startsWith(roots.private)) return 'private';
  return null;
}

/**
 * Percent-encodes a key one path segment at a time, as S3 does: `/` stays a separator (empty
 * segments from `//` are kept), everything else outside RFC 3986's unreserved set (including
 * ! ' ( ) *) is escaped as UTF-8.
 */
export function encodeKeyPath(key: string): string {
  return key
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/** `base` + the encoded key, with exactly one slash between them (a CDN, custom domain or bucket address). */
export function joinBaseAndKey(base: string, key: string): string {
  return `${base.replace(/\/+$/, '')}/${encodeKeyPath(key)}`;
}

/**
 * The address the world uses to GET a key under the public root; undefined for other keys. The
 * connection's CDN base when it has one, else `bucketBase`: the bucket's endpoint address as the
 * SDK resolves it (path-style or virtual-hosted per connection; see `bucketBaseUrl`). Pure.
 */
export function publicUrlFor(settings: PublicUrlSettings, key: string, bucketBase: string): string | undefined {
  if (rootOf(settings.roots, key) !== 'public') return undefined;
  return joinBaseAndKey(settings.publicBaseUrl ?? bucketBase, key);
}
