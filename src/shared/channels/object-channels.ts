import { z } from 'zod';
import { bucketRefSchema } from '../model/bucket';
import { keySchema } from '../model/keys';
import type { ObjectEditorState } from '../model/object-editor';
import { aclSpecSchema, headerPatchSchema, type HeaderEditResult, type PublicAccessAnswer } from '../model/object-edit';
import { returns } from './define';

const objectKey = keySchema.refine((k) => k.length > 0 && !k.endsWith('/'), 'Name an object, not a folder.');
/** The ETag the editor read: the save is refused if the object changed since. */
const etag = z.string().min(1).max(256);

/** Editing one object: its headers (a copy onto itself), its ACL, and what the world can read. */
export const objectChannels = {
  /** What the editors start from: the editable headers, the ETag they pin, the ACL or why it is read-only. */
  'objects:editor': {
    input: bucketRefSchema.extend({ key: objectKey }).strict(),
    result: returns<ObjectEditorState>(),
  },
  /** Saves header changes (left out = kept, null = removed); Conflict when the object changed since `ifMatch`. */
  'objects:saveHeaders': {
    input: bucketRefSchema.extend({ key: objectKey, ifMatch: etag, patch: headerPatchSchema }).strict(),
    result: returns<HeaderEditResult>(),
  },
  /** Writes the object's ACL exactly (canned or grants); AclsDisabled on a bucket without ACLs. */
  'objects:setAcl': {
    input: bucketRefSchema.extend({ key: objectKey, acl: aclSpecSchema }).strict(),
    result: returns<{ key: string }>(),
  },
  /** "Anyone with the URL can read this": a real anonymous HEAD from main, and why. */
  'objects:publicAccess': {
    input: bucketRefSchema.extend({ key: objectKey }).strict(),
    result: returns<PublicAccessAnswer>(),
  },
} as const;
