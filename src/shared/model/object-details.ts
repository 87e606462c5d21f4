import type { ErrorCode } from '../errors';
import type { RootKind } from './roots';

/** One ACL grant in words the inspector can show. */
export interface AclGrantSummary {
  /** "Everyone (anonymous)", "Any authenticated user", a display name, an id or an e-mail. */
  grantee: string;
  granteeKind: 'everyone' | 'authenticated-users' | 'log-delivery' | 'user' | 'email' | 'unknown';
  permission: string;
}

/** The object's ACL, read with GetObjectAcl, or why it could not be read. */
export type AclSummary =
  | {
      status: 'available';
      owner?: { id?: string; displayName?: string };
      /** Anyone on the internet may GET the object (a READ grant to AllUsers). */
      publicRead: boolean;
      /** Anyone may change the object or its ACL: almost always a mistake. */
      publicWrite: boolean;
      grants: AclGrantSummary[];
    }
  | {
      status: 'unavailable';
      /** e.g. AclsDisabled (bucket owner enforced) or AccessDenied. */
      code: ErrorCode;
      reason: string;
    };

/** Standard headers stored with the object (absent when the object has none). */
export interface ObjectHeaders {
  cacheControl?: string;
  contentDisposition?: string;
  contentEncoding?: string;
  contentLanguage?: string;
  /** As the server sent it (RFC 1123 date text). */
  expires?: string;
  websiteRedirectLocation?: string;
  /** e.g. AES256 or aws:kms. */
  serverSideEncryption?: string;
  sseKmsKeyId?: string;
}

/** Everything the inspector shows for one object: HeadObject + GetObjectAcl, fetched on demand. */
export interface ObjectDetails {
  bucket: string;
  key: string;
  size: number;
  contentType?: string;
  etag?: string;
  /** ISO 8601. */
  lastModified?: string;
  /** STANDARD when the server leaves it out (S3 omits it for STANDARD). */
  storageClass: string;
  /** Present when the bucket has (or had) versioning on. */
  versionId?: string;
  /** User metadata (x-amz-meta-*), names lower-case without the prefix. */
  metadata: Record<string, string>;
  headers: ObjectHeaders;
  acl: AclSummary;
  /** Which configured root the key lives under; decides "served to the world" vs "never public". */
  underRoot: RootKind | null;
  /** The address the world uses, for keys under the public root; absent otherwise. */
  publicUrl?: string;
}
