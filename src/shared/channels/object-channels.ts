import { z } from 'zod';
import { bucketRefSchema } from '../model/bucket';
import { keySchema } from '../model/keys';
import type { ObjectEditorState } from '../model/object-editor';
import { aclSpecSchema, headerPatchSchema, type HeaderEditResult, type PublicAccessAnswer } from '../model/object-edit';
import { bulkChangeSchema, bulkScopeSchema, type BulkDryRun, type BulkStarted, type BulkStatus } from '../model/bulk-edit';
import { jobIdSchema } from '../model/job';
import { noInput, returns } from './define';

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
  /** What a bulk edit would do: counts of objects that would change or already have the values, a sample diff. */
  'objects:bulkDryRun': {
    input: bucketRefSchema.extend({ scope: bulkScopeSchema, change: bulkChangeSchema }).strict(),
    result: returns<BulkDryRun>(),
  },
  /** Starts a bulk edit as a checkpointed job (progress on `jobs:progress`, cancel with `jobs:cancel`). */
  'objects:bulkStart': {
    input: bucketRefSchema.extend({ scope: bulkScopeSchema, change: bulkChangeSchema }).strict(),
    result: returns<BulkStarted>(),
  },
  /** Stops a bulk job keeping its checkpoint; `objects:bulkResume` goes on from there. */
  'objects:bulkPause': { input: z.object({ jobId: jobIdSchema }).strict(), result: returns<{ paused: boolean }>() },
  'objects:bulkResume': { input: z.object({ jobId: jobIdSchema }).strict(), result: returns<BulkStarted>() },
  /** Changed / skipped / failed so far, and the job's undo file. */
  'objects:bulkStatus': { input: z.object({ jobId: jobIdSchema }).strict(), result: returns<BulkStatus | null>() },
  /** Bulk jobs left paused or cut short by a quit or crash, to resume. */
  'objects:bulkInterrupted': { input: noInput, result: returns<(BulkStatus & { label: string })[]>() },
  /** Starts a job that restores every object the given bulk job changed, from its undo file. */
  'objects:bulkUndo': { input: z.object({ jobId: jobIdSchema }).strict(), result: returns<BulkStarted>() },
  /** Saves a bulk job's undo record as JSON where the user picks (save dialog). */
  'objects:bulkExportUndo': {
    input: z.object({ jobId: jobIdSchema }).strict(),
    result: returns<{ saved: false } | { saved: true; path: string; fileName: string; objects: number }>(),
  },
} as const;
