import { rootOrOther, type Roots } from '../../../../shared/model/roots';
import type { AclSupport } from '../../../../shared/model/bucket-capabilities';
import type { ResolvedUploadOptions, UploadDefaultsSettings, UploadOverrides } from '../../../../shared/model/transfer';

/**
 * The defaults a new connection starts with. Under `public/`: world-readable and cached by browsers
 * and CDNs for a day. Under `private/`: no ACL grant and `private, no-cache`, so no shared cache
 * (CDN, proxy) may keep a copy and a browser must revalidate each time — an expired share link
 * then stops working instead of being served from a cache. Elsewhere: the bucket's own rules.
 */
export const defaultUploadSettings: UploadDefaultsSettings = {
  public: { acl: 'public-read', cacheControl: 'public, max-age=86400' },
  private: { acl: 'private', cacheControl: 'private, no-cache' },
  other: { acl: 'bucket-default', cacheControl: null },
};

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
  const root = rootOrOther(prefix, roots);
  const base = settings[root];
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
