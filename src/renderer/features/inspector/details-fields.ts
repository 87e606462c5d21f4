import type { AclSummary, ObjectDetails, ObjectHeaders } from '../../../shared/model/object-details';
import { formatBytes } from '../../../shared/format/format-bytes';
import { formatDateTime } from '../../format/format-date';

/** One labelled line of the inspector. `mono` values (ETag, keys, ids) are shown in a fixed font. */
export interface DetailField {
  label: string;
  value: string;
  mono?: boolean;
  /** Stable id for tests and copy buttons. */
  id: string;
  /** A header value: wraps after its commas, never inside a short token ("max-age=86400"). */
  tokens?: boolean;
}

/** The ETag without the quotes S3 wraps it in (they are syntax, not part of the tag). */
export function etagText(etag: string | undefined): string {
  return etag ? etag.replace(/^(W\/)?"(.*)"$/, '$1$2') : '—';
}

/** The object's own facts: size, type, ETag, dates, class, version. */
export function summaryFields(d: ObjectDetails): DetailField[] {
  const fields: DetailField[] = [
    { id: 'size', label: 'Size', value: `${formatBytes(d.size)} (${d.size.toLocaleString()} bytes)` },
    { id: 'content-type', label: 'Content type', value: d.contentType ?? '—' },
    { id: 'etag', label: 'ETag', value: etagText(d.etag), mono: true },
    { id: 'last-modified', label: 'Last modified', value: formatDateTime(d.lastModified) },
    { id: 'storage-class', label: 'Storage class', value: d.storageClass },
  ];
  if (d.versionId) fields.push({ id: 'version-id', label: 'Version ID', value: d.versionId, mono: true });
  return fields;
}

const headerLabels: Record<keyof ObjectHeaders, string> = {
  cacheControl: 'Cache-Control',
  contentDisposition: 'Content-Disposition',
  contentEncoding: 'Content-Encoding',
  contentLanguage: 'Content-Language',
  expires: 'Expires',
  websiteRedirectLocation: 'Website redirect',
  serverSideEncryption: 'Server-side encryption',
  sseKmsKeyId: 'KMS key',
};

/** The stored headers that are set, in a fixed order. */
export function headerFields(headers: ObjectHeaders): DetailField[] {
  return (Object.keys(headerLabels) as (keyof ObjectHeaders)[]).flatMap((name) => {
    const value = headers[name];
    return value ? [{ id: `header-${name}`, label: headerLabels[name], value, tokens: true }] : [];
  });
}

/** User metadata as "x-amz-meta-<name>" lines, sorted by name. */
export function metadataFields(metadata: Record<string, string>): DetailField[] {
  return Object.keys(metadata)
    .sort()
    .map((name) => ({ id: `meta-${name}`, label: `x-amz-meta-${name}`, value: metadata[name] ?? '', mono: true }));
}

/** One sentence that says who may read the object, then the grants. */
export function aclHeadline(acl: AclSummary): { text: string; tone: 'public' | 'private' | 'danger' | 'neutral' } {
  if (acl.status === 'unavailable') return { text: acl.reason, tone: 'neutral' };
  if (acl.publicWrite) return { text: 'Anyone on the internet can change this object. This is almost always a mistake.', tone: 'danger' };
  if (acl.publicRead) return { text: 'Anyone on the internet can read this object.', tone: 'public' };
  return { text: 'Only the owner and the grantees below can read this object.', tone: 'private' };
}
