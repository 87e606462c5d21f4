import { rootOrOther, type RootOrOther, type Roots } from '../../../shared/model/roots';
import type { AclSupport } from '../../../shared/model/bucket-capabilities';
import {
  uploadDefaultsSettingsSchema,
  type ResolvedUploadOptions,
  type UploadAcl,
  type UploadDefaultsSettings,
  type UploadOverrides,
} from '../../../shared/model/transfer';
import type { ConnectionSettings } from '../connections/connection-settings';

/*
 * The per-root defaults (ACL and Cache-Control for `public/`, `private/` and the rest of the
 * bucket) in one place: the values a new connection starts with, where a connection's own are
 * kept, and what applies to a key. Uploads take them from here (transfers/plan re-exports these),
 * and so does anything else that writes objects under a root and wants the root's headers.
 */

/**
 * The defaults a new connection starts with. Under `public/`: world-readable and cached by browsers
 * and CDNs for a day. Under `private/`: no ACL grant and `private, no-cache`, so no shared cache
 * (CDN, proxy) may keep a copy and a browser must revalidate each time — an expired share link
 * then stops working instead of being served from a cache. Elsewhere: the bucket's own rules.
 */
export const builtInRootDefaults: UploadDefaultsSettings = {
  public: { acl: 'public-read', cacheControl: 'public, max-age=86400' },
  private: { acl: 'private', cacheControl: 'private, no-cache' },
  other: { acl: 'bucket-default', cacheControl: null },
};

/** The connection setting they are kept under (the name predates this module; migration v6). */
const settingsKey = 'transfers.uploadDefaults';

/** A connection's own per-root defaults, kept with its other settings so they survive restarts. */
export class RootDefaultsStore {
  constructor(private readonly settings: ConnectionSettings) {}

  get(connectionId: string): UploadDefaultsSettings {
    const parsed = uploadDefaultsSettingsSchema.safeParse(this.settings.get(connectionId, settingsKey));
    // A value written by another version that no longer parses falls back to the built-in ones.
    return parsed.success ? parsed.data : builtInRootDefaults;
  }

  set(connectionId: string, defaults: UploadDefaultsSettings): UploadDefaultsSettings {
    this.settings.set(connectionId, settingsKey, defaults);
    return defaults;
  }
}

/** The root a key or prefix lies in and that root's ACL and Cache-Control. Pure. */
export function rootDefaultsAt(
  keyOrPrefix: string,
  roots: Roots,
  defaults: UploadDefaultsSettings,
): { root: RootOrOther; acl: UploadAcl; cacheControl: string | null } {
  const root = rootOrOther(keyOrPrefix, roots);
  return { root, ...defaults[root] };
}

/**
 * The options an upload to `prefix` will use: the connection's defaults for its root, then the
 * per-upload overrides, then what the bucket allows (no ACL header where ACLs are disabled). Pure.
 */
export function resolveUploadOptions(
  prefix: string,
  roots: Roots,
  settings: UploadDefaultsSettings,
  aclSupport: AclSupport,
  overrides: UploadOverrides = {},
): ResolvedUploadOptions {
  const base = rootDefaultsAt(prefix, roots, settings);
  const root = base.root;
  const requestedAcl = overrides.acl ?? base.acl;
  const cacheControl = overrides.cacheControl !== undefined ? overrides.cacheControl : base.cacheControl;
  const notes: string[] = [];
  let acl = requestedAcl;
  if (aclSupport === 'disabled' && requestedAcl !== 'bucket-default') {
    acl = 'bucket-default';
    notes.push(
      requestedAcl === 'public-read'
        ? 'This bucket has ACLs disabled, so no public-read ACL is set: whether these files are public is decided by the bucket policy or the CDN in front of it.'
        : 'This bucket has ACLs disabled, so no ACL is set: the bucket policy decides who can read these files.',
    );
  }
  if (root === 'private' && requestedAcl === 'public-read') {
    notes.push('Warning: these files go under the private root but will be readable by anyone (public-read).');
  }
  if (root === 'public' && requestedAcl === 'private') {
    notes.push('These files go under the public root but stay private (no public-read ACL).');
  }
  return { root, acl, requestedAcl, cacheControl, contentType: overrides.contentType ?? null, aclSupport, notes };
}
