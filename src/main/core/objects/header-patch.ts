import type { EditableHeaders, HeaderPatch } from '../../../shared/model/object-edit';
import type { ObjectHeaders } from './copy-source';

type PatchField = Exclude<keyof HeaderPatch, 'metadata' | 'expires'>;

/** The editor's field names and S3's, for the headers a patch can set. */
const fields: [PatchField, 'CacheControl' | 'ContentType' | 'ContentDisposition' | 'ContentEncoding' | 'ContentLanguage'][] = [
  ['cacheControl', 'CacheControl'],
  ['contentType', 'ContentType'],
  ['contentDisposition', 'ContentDisposition'],
  ['contentEncoding', 'ContentEncoding'],
  ['contentLanguage', 'ContentLanguage'],
];

/**
 * The headers an object gets from a patch: everything it had (`kept`: headers, metadata, storage
 * class, encryption, lock settings), with the patch's fields set or removed. Pure.
 */
export function applyHeaderPatch(kept: ObjectHeaders, patch: HeaderPatch): ObjectHeaders {
  const removed = new Set<string>();
  const set: ObjectHeaders = {};
  for (const [field, name] of fields) {
    const value = patch[field];
    if (value === null) removed.add(name);
    else if (value !== undefined) set[name] = value;
  }
  if (patch.expires === null) removed.add('Expires');
  else if (patch.expires !== undefined) set.Expires = new Date(patch.expires);
  if (patch.metadata) {
    const merged = Object.entries({ ...(kept.Metadata ?? {}), ...patch.metadata });
    const metadata = Object.fromEntries(merged.filter((entry): entry is [string, string] => entry[1] !== null));
    if (Object.keys(metadata).length > 0) set.Metadata = metadata;
    else removed.add('Metadata');
  }
  const rest = Object.fromEntries(Object.entries(kept).filter(([name]) => !removed.has(name))) as ObjectHeaders;
  return { ...rest, ...set };
}

/** The editable part of an object's headers, as the editor (and an undo file) shows them. */
export function editableHeaders(kept: ObjectHeaders): EditableHeaders {
  return {
    ...(kept.CacheControl ? { cacheControl: kept.CacheControl } : {}),
    ...(kept.ContentType ? { contentType: kept.ContentType } : {}),
    ...(kept.ContentDisposition ? { contentDisposition: kept.ContentDisposition } : {}),
    ...(kept.ContentEncoding ? { contentEncoding: kept.ContentEncoding } : {}),
    ...(kept.ContentLanguage ? { contentLanguage: kept.ContentLanguage } : {}),
    ...(kept.Expires ? { expires: kept.Expires.toUTCString() } : {}),
    metadata: { ...(kept.Metadata ?? {}) },
  };
}

/** The patch that puts an object's editable headers back to `before` (for undo). */
export function restorePatch(before: EditableHeaders, current: EditableHeaders): HeaderPatch {
  const metadata: Record<string, string | null> = { ...before.metadata };
  for (const name of Object.keys(current.metadata)) if (!(name in before.metadata)) metadata[name] = null;
  return {
    cacheControl: before.cacheControl ?? null,
    contentType: before.contentType ?? null,
    contentDisposition: before.contentDisposition ?? null,
    contentEncoding: before.contentEncoding ?? null,
    contentLanguage: before.contentLanguage ?? null,
    expires: before.expires ?? null,
    metadata,
  };
}
