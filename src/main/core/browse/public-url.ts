import type { RootKind } from '../../../shared/model/object-details';

/** What decides an object's public address: the connection's endpoint settings and roots. */
export interface PublicUrlSettings {
  region: string;
  /** Absent means AWS itself. */
  endpoint?: string;
  forcePathStyle: boolean;
  roots: { public: string; private: string };
}

/** The root a key lives under (`public/…` or `private/…` by default), or null for the rest. */
export function rootOf(roots: PublicUrlSettings['roots'], key: string): RootKind | null {
  if (key.startsWith(roots.public)) return 'public';
  if (key.startsWith(roots.private)) return 'private';
  return null;
}

/** A key as a URL path: each segment percent-encoded, `/` kept, empty segments (`//`) kept. */
export function encodeKeyPath(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/**
 * The address the world uses to GET a key under the public root; undefined for other keys.
 * AWS: virtual-hosted (`https://bucket.s3.region.amazonaws.com/key`) unless path-style is set or
 * the bucket has dots (the wildcard certificate does not cover them). Other servers: the
 * connection's endpoint, path-style or virtual-hosted as the connection says.
 */
export function publicUrlFor(settings: PublicUrlSettings, bucket: string, key: string): string | undefined {
  if (rootOf(settings.roots, key) !== 'public') return undefined;
  const path = encodeKeyPath(key);
  if (!settings.endpoint) {
    const host = `s3.${settings.region}.amazonaws.com`;
    return settings.forcePathStyle || bucket.includes('.')
      ? `https://${host}/${bucket}/${path}`
      : `https://${bucket}.${host}/${path}`;
  }
  const base = new URL(settings.endpoint);
  const basePath = base.pathname.replace(/\/+$/, '');
  if (settings.forcePathStyle) return `${base.protocol}//${base.host}${basePath}/${bucket}/${path}`;
  return `${base.protocol}//${bucket}.${base.host}${basePath}/${path}`;
}
