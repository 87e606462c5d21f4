import { copyDefaultsFor } from '../../../shared/model/copy-defaults';
import type { Roots } from '../../../shared/model/roots';
import type { UploadAcl, UploadDefaultsSettings } from '../../../shared/model/transfer';

const aclWords: Record<UploadAcl, string> = {
  'public-read': 'readable by anyone (public-read)',
  private: 'private (only the owner)',
  'bucket-default': 'given no grant but the owner’s (the bucket’s default)',
};

/**
 * What a move or copy into `destinationPrefix` will do to permissions and caching, said before it
 * starts: items landing in another root take that root's upload defaults (the copy job applies the
 * same `copyDefaultsFor`); null when every item stays in its root and keeps everything.
 */
export function rootCrossingNote(
  keys: readonly string[],
  destinationPrefix: string,
  roots: Roots,
  defaults: UploadDefaultsSettings,
): string | null {
  const crossing = keys.map((k) => copyDefaultsFor(k, destinationPrefix, roots, defaults)).filter((d) => d !== null);
  const into = crossing[0];
  if (!into) return null;
  const where = into.root === 'other' ? 'outside both roots' : `under ${roots[into.root]}`;
  const cache = into.cacheControl ? `get Cache-Control “${into.cacheControl}”` : 'keep their Cache-Control';
  const some =
    crossing.length === keys.length ? 'They' : `${crossing.length.toLocaleString('en-US')} of them come from another root, so they`;
  return `${some} land ${where} and take its upload defaults: they will be ${aclWords[into.acl]} and ${cache}. Metadata and other headers go with them.`;
}
