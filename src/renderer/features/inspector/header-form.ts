import type { EditableHeaders, HeaderPatch } from '../../../shared/model/object-edit';
import { contentDisposition } from '../../../shared/model/content-disposition';

/** The header editor's fields as text; '' means "none". */
export interface HeaderForm {
  cacheControl: string;
  contentType: string;
  contentDisposition: string;
  contentEncoding: string;
  contentLanguage: string;
  expires: string;
  metadata: { name: string; value: string }[];
}

type TextField = Exclude<keyof HeaderForm, 'metadata'>;
const textFields: TextField[] = ['cacheControl', 'contentType', 'contentDisposition', 'contentEncoding', 'contentLanguage', 'expires'];

/** The form for what the object has now. */
export function formFromHeaders(headers: EditableHeaders): HeaderForm {
  return {
    cacheControl: headers.cacheControl ?? '',
    contentType: headers.contentType ?? '',
    contentDisposition: headers.contentDisposition ?? '',
    contentEncoding: headers.contentEncoding ?? '',
    contentLanguage: headers.contentLanguage ?? '',
    expires: headers.expires ?? '',
    metadata: Object.entries(headers.metadata).map(([name, value]) => ({ name, value })),
  };
}

/**
 * Only what the user changed: a cleared field removes the header, an untouched one is left out
 * (so main keeps it as the object has it). Metadata names are compared lower-cased, as S3 stores them.
 */
export function patchFromForm(initial: EditableHeaders, form: HeaderForm): HeaderPatch {
  const patch: HeaderPatch = {};
  for (const field of textFields) {
    const value = form[field].trim();
    const before = initial[field] ?? '';
    if (value !== before) patch[field] = value === '' ? null : value;
  }
  const wanted = new Map(form.metadata.filter((m) => m.name.trim() !== '').map((m) => [m.name.trim().toLowerCase(), m.value]));
  const metadata: Record<string, string | null> = {};
  for (const [name, value] of wanted) if (initial.metadata[name] !== value) metadata[name] = value;
  for (const name of Object.keys(initial.metadata)) if (!wanted.has(name)) metadata[name] = null;
  if (Object.keys(metadata).length > 0) patch.metadata = metadata;
  return patch;
}

/** Content-Disposition for a file name, from the one builder (RFC 6266 with an RFC 8187 `filename*`). */
export function dispositionFor(type: 'inline' | 'attachment', filename: string): string {
  return filename === '' ? type : contentDisposition(type, filename);
}
