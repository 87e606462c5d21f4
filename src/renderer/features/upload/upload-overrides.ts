import type { ResolvedUploadOptions, UploadAcl, UploadOverrides } from '../../../shared/model/transfer';

/** The confirm sheet's editable fields, as the form holds them (strings, '' for "none"/"detect"). */
export interface UploadEdits {
  acl: UploadAcl;
  cacheControl: string;
  contentType: string;
}

/** The form's starting values: what the connection's defaults give for this destination. */
export function editsFrom(options: ResolvedUploadOptions): UploadEdits {
  return { acl: options.acl, cacheControl: options.cacheControl ?? '', contentType: options.contentType ?? '' };
}

/** Only the fields the user changed, or undefined when nothing changed (main then keeps its plan). Pure. */
export function overridesFrom(options: ResolvedUploadOptions, edits: UploadEdits): UploadOverrides | undefined {
  const out: UploadOverrides = {};
  if (edits.acl !== options.acl) out.acl = edits.acl;
  const cache = edits.cacheControl.trim();
  if (cache !== (options.cacheControl ?? '')) out.cacheControl = cache === '' ? null : cache;
  const type = edits.contentType.trim();
  if (type !== '' && type !== (options.contentType ?? '')) out.contentType = type;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Plain words for who can read the uploaded files. */
export function aclDescription(acl: UploadAcl, aclsDisabled: boolean): string {
  if (aclsDisabled || acl === 'bucket-default') return 'No ACL is set: the bucket policy or CDN decides who can read these files.';
  return acl === 'public-read' ? 'Anyone with the link can read these files (public-read ACL).' : 'Only people with access to the bucket can read these files (private ACL).';
}

/** A quick check of a Content-Type the user typed, mirroring main's rule, for an inline message. */
export function contentTypeProblem(value: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  return /^[\w.+-]+\/[\w.+-]+(\s*;\s*[\w.+-]+=("[^"\r\n]*"|[\w.+-]+))*$/.test(v) ? null : 'A content type looks like video/mp4.';
}

/** A quick check of a Cache-Control value (printable ASCII, at most 256 characters). */
export function cacheControlProblem(value: string): string | null {
  const v = value.trim();
  if (v.length > 256) return 'Cache-Control is at most 256 characters.';
  return /^[\x20-\x7e]*$/.test(v) ? null : 'Cache-Control takes printable ASCII only, e.g. public, max-age=86400.';
}
