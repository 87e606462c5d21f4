import { rootOrOther, type RootOrOther, type Roots } from './roots';
import type { UploadAcl, UploadDefaultsSettings } from './transfer';

/** What a copy into another root takes from that root's defaults (see `copyDefaultsFor`). */
export interface CopyRootDefaults {
  root: RootOrOther;
  /** The ACL the copy gets instead of the source's: `bucket-default` gives it no grant but the owner's. */
  acl: UploadAcl;
  /** The Cache-Control the copy gets instead of the source's; null keeps the source's. */
  cacheControl: string | null;
}

/**
 * The destination root's defaults when a copy or move crosses roots, so that what lands under a
 * root looks like what an upload there gets: a public file moved into `private/` stops being
 * world-readable, a private one moved into `public/` becomes readable, as the layout promises.
 * Null within one root: the copy then keeps the source's ACL and headers exactly. Pure; main's
 * copy job applies it, the move and copy dialog says it beforehand.
 */
export function copyDefaultsFor(
  sourceKey: string,
  destinationKey: string,
  roots: Roots,
  defaults: UploadDefaultsSettings,
): CopyRootDefaults | null {
  const from = rootOrOther(sourceKey, roots);
  const to = rootOrOther(destinationKey, roots);
  if (from === to) return null;
  return { root: to, ...defaults[to] };
}
