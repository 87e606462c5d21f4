import { z } from 'zod';
import { keySchema } from './keys';
import {
  aclGrantSchema,
  aclSpecSchema,
  headerPatchSchema,
  type AclGrant,
  type AclSpec,
  type EditableHeaders,
  type HeaderPatch,
} from './object-edit';

/*
 * Bulk edits: one header patch and/or one ACL applied to many objects (a selection, or everything
 * under prefixes), as a checkpointed job; and the undo file that puts every changed object back.
 */

/** Keys a selection may name at once; a larger set is a prefix. */
export const maxBulkKeys = 10_000;

/** What a bulk edit changes: a header patch (as the single-object editor takes it), an ACL, or both. */
export const bulkChangeSchema = z
  .object({ headers: headerPatchSchema.optional(), acl: aclSpecSchema.optional() })
  .strict()
  .refine((c) => c.acl !== undefined || (c.headers !== undefined && Object.keys(c.headers).length > 0), {
    message: 'Choose a header or an ACL to change.',
  });
export type BulkChange = { headers?: HeaderPatch; acl?: AclSpec };

const objectKey = keySchema.refine((k) => k.length > 0 && !k.endsWith('/'), 'Name an object, not a folder.');

/** Which objects: these keys, and every object under these prefixes (recursively). */
export const bulkScopeSchema = z
  .object({
    keys: z.array(objectKey).max(maxBulkKeys, `Select at most ${maxBulkKeys} files, or edit their folder.`),
    prefixes: z.array(keySchema).max(100, 'Edit at most 100 folders at once.'),
  })
  .strict()
  .refine((s) => s.keys.length + s.prefixes.length > 0, { message: 'Select files or a folder to edit.' });
export type BulkScope = z.output<typeof bulkScopeSchema>;

/** One object's editable state, as a dry run shows it and an undo file keeps it. */
export interface BulkObjectState {
  headers: EditableHeaders;
  /** The grants, when the bucket has ACLs (absent where it has none). */
  grants?: AclGrant[];
}

/** What a dry run found: how many objects would change, how many already have the values, and a sample. */
export interface BulkDryRun {
  total: number;
  change: number;
  skip: number;
  /** Objects that could not be read (name and why), at most 20. */
  unreadable: { key: string; code: string; message: string }[];
  /** A before/after diff of the first objects that would change (at most 10). */
  sample: { key: string; before: BulkObjectState; after: BulkObjectState }[];
  /** Set when the scope held more than the dry run reads: the counts are of the first `total`. */
  truncated: boolean;
}

/** A bulk job's running tallies (the job's outcome has the failures). */
export interface BulkStatus {
  jobId: string;
  kind: 'edit' | 'undo';
  changed: number;
  skipped: number;
  failed: number;
  /** Objects found so far; final once `listed`. */
  seen: number;
  listed: boolean;
  /** The undo file of this job (the previous state of every object it changed). */
  undoFile: string;
  state: 'running' | 'finished' | 'paused' | 'cancelled' | 'failed' | 'interrupted';
}

export interface BulkStarted {
  jobId: string;
  undoFile: string;
}

/** One line of an undo file: what an object was before a bulk job changed it. */
export const undoEntrySchema = z
  .object({
    key: objectKey,
    etag: z.string().max(256),
    headers: z
      .object({
        cacheControl: z.string().optional(),
        contentType: z.string().optional(),
        contentDisposition: z.string().optional(),
        contentEncoding: z.string().optional(),
        contentLanguage: z.string().optional(),
        expires: z.string().optional(),
        metadata: z.record(z.string(), z.string()),
      })
      .strict(),
    grants: z.array(aclGrantSchema).max(100).optional(),
    /** The object's tags before its write (S3 allows 10); absent when only its ACL was changed. */
    tags: z
      .array(z.object({ key: z.string().max(128), value: z.string().max(256) }).strict())
      .max(10)
      .optional(),
  })
  .strict();
export type UndoEntry = z.output<typeof undoEntrySchema>;

/** The exported undo record (JSON). */
export interface UndoExport {
  format: 'bucket-admin/bulk-undo';
  version: 1;
  connectionId: string;
  bucket: string;
  jobId: string;
  objects: UndoEntry[];
}
