import type { ErrorCode } from '../errors';
import type { AclGrant, EditableHeaders } from './object-edit';

/** The ACL as the editor gets it: editable grants, or read-only with the reason and what decides instead. */
export type EditorAcl =
  | { status: 'editable'; owner?: { id?: string; displayName?: string }; grants: AclGrant[] }
  | { status: 'readOnly'; code: ErrorCode; reason: string };

/** Everything the header and ACL editors start from, read in one go. */
export interface ObjectEditorState {
  key: string;
  /** What a save is conditional on. */
  etag: string;
  size: number;
  headers: EditableHeaders;
  /** The media type the key's extension suggests, when it differs from what is stored. */
  suggestedContentType?: string;
  /** The bucket keeps versions: a save writes a new version and the old one stays. */
  versioned: boolean;
  acl: EditorAcl;
}
