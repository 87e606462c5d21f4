import { encodeKeyPath } from '../../../shared/model/keys';
import { isPublicKey, type Roots } from '../../../shared/model/roots';

/** What decides a key's public address besides the bucket's own endpoint address. */
export interface PublicUrlSettings {
  roots: Roots;
  /** CDN or custom domain serving the bucket's keys; absent means the S3 endpoint itself. */
  publicBaseUrl?: string | undefined;
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
  if (!isPublicKey(key, settings.roots)) return undefined;
  return joinBaseAndKey(settings.publicBaseUrl ?? bucketBase, key);
}
