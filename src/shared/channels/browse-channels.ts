import { z } from 'zod';
import { bucketRefSchema, type ListPage } from '../model/bucket';
import { keySchema, maxKeyBytes } from '../model/keys';
import type { ObjectDetails } from '../model/object-details';
import type { JobStarted } from '../model/job';
import type { SelectionMeasure } from '../model/selection';
import { returns } from './define';

/** A key that names something: an object, or a folder when it ends with `/`. */
const itemKey = keySchema.refine((k) => k.length > 0, 'Name an object or folder.');
/** A folder to act in: the bucket's top ('') or a prefix ending with `/`. */
const folderPrefix = keySchema.refine((p) => p === '' || p.endsWith('/'), 'A folder ends with /.');
/** Objects and folders picked together (folders end with /). At most 10,000 per request. */
const selection = z.array(itemKey).min(1, 'Select at least one item.').max(10_000, 'Select at most 10,000 items at once.');
/** One path segment typed by the user; the core checks the rest (no /, not . or .., length). */
const newName = z.string().min(1, 'Enter a name.').max(maxKeyBytes);
const versionId = z.string().min(1).max(1024);

/** Request channels of the file-manager view. Long work (delete, copy, move, rename) is a job. */
export const browseChannels = {
  /** One page of a folder (Delimiter '/'); follow `continuationToken` for the next page. */
  'browse:list': {
    input: bucketRefSchema
      .extend({
        prefix: keySchema,
        continuationToken: z.string().max(4096).optional(),
        pageSize: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
    result: returns<ListPage>(),
  },
  /** Inspector: HeadObject + ACL summary + public URL, for one object. */
  'browse:details': {
    input: bucketRefSchema.extend({ key: itemKey, versionId: versionId.optional() }).strict(),
    result: returns<ObjectDetails>(),
  },
  /** Counts what a selection amounts to (folders expanded), up to `limit` objects (default 100,000). */
  'browse:measure': {
    input: bucketRefSchema.extend({ keys: selection, limit: z.number().int().min(1).max(1_000_000).optional() }).strict(),
    result: returns<SelectionMeasure>(),
  },
  /** Creates the zero-byte `name/` placeholder in `parentPrefix`; Conflict if it exists. */
  'browse:createFolder': {
    input: bucketRefSchema.extend({ parentPrefix: folderPrefix, name: newName }).strict(),
    result: returns<{ key: string }>(),
  },
  /** Deletes objects and whole folders (batched DeleteObjects). Job: progress in items. */
  'browse:delete': {
    input: bucketRefSchema.extend({ keys: selection }).strict(),
    result: returns<JobStarted>(),
  },
  /** Server-side copy into `destinationPrefix`, keeping headers, metadata and ACL. Job. */
  'browse:copy': {
    input: bucketRefSchema.extend({ keys: selection, destinationPrefix: folderPrefix, overwrite: z.boolean().optional() }).strict(),
    result: returns<JobStarted>(),
  },
  /** Copy, verify, then delete the source. Job. */
  'browse:move': {
    input: bucketRefSchema.extend({ keys: selection, destinationPrefix: folderPrefix, overwrite: z.boolean().optional() }).strict(),
    result: returns<JobStarted>(),
  },
  /** Renames one object or folder within its parent folder (a move). Job. */
  'browse:rename': {
    input: bucketRefSchema.extend({ key: itemKey, newName, overwrite: z.boolean().optional() }).strict(),
    result: returns<JobStarted>(),
  },
} as const;
