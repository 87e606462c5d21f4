import { contentTypeSchema } from '../../../shared/model/media-type';
import { cacheControlSchema, type ResolvedUploadOptions, type UploadAcl, type UploadOverrides } from '../../../shared/model/transfer';

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
  return acl === 'public-read'
    ? 'Anyone with the link can read these files (public-read ACL).'
    : 'Only people with access to the bucket can read these files (private ACL).';
}

/** The message main would give for a Content-Type the user typed (the contract's own schema), for an inline hint. */
export function contentTypeProblem(value: string): string | null {
  if (value.trim() === '') return null;
  return firstProblem(contentTypeSchema.safeParse(value));
}

/** The message main would give for a Cache-Control value ('' means none, which is fine). */
export function cacheControlProblem(value: string): string | null {
  return firstProblem(cacheControlSchema.safeParse(value));
}

function firstProblem(result: { success: true } | { success: false; error: { issues: { message: string }[] } }): string | null {
  return result.success ? null : (result.error.issues[0]?.message ?? null);
}
