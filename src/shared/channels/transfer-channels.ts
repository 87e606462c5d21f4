import { z } from 'zod';
import { bucketRefSchema } from '../model/bucket';
import { keySchema } from '../model/keys';
import { connectionIdSchema } from '../model/connection';
import {
  conflictActionSchema,
  localPathSchema,
  transferIdSchema,
  transferStates,
  transferTargetSchema,
  uploadDefaultsSettingsSchema,
  uploadOverridesSchema,
  type DownloadPlan,
  type InterruptedSummary,
  type ResolvedUploadOptions,
  type TransferControlResult,
  type TransferListResult,
  type TransferStartResult,
  type UploadDefaultsSettings,
  type UploadPlan,
} from '../model/transfer';
import { noInput, returns } from './define';

/** Per-item answers to a conflict, overriding the batch-wide one (keys or local paths). */
const choicesSchema = z
  .array(z.object({ name: z.string().min(1).max(4096), action: conflictActionSchema }).strict())
  .max(10_000)
  .optional();

/**
 * Uploads and downloads share one queue in main. The flow: plan (walk/list, find conflicts,
 * show defaults) → the UI asks once → start (returns a batch id at once) → progress events.
 */
export const transferChannels = {
  /** The headers an upload to this folder would get, before anything is picked. */
  'transfers:defaults': {
    input: bucketRefSchema.extend({ prefix: keySchema }).strict(),
    result: returns<ResolvedUploadOptions>(),
  },
  /** The connection's editable upload defaults per root. */
  'transfers:getDefaults': {
    input: z.object({ connectionId: connectionIdSchema }).strict(),
    result: returns<UploadDefaultsSettings>(),
  },
  'transfers:setDefaults': {
    input: z.object({ connectionId: connectionIdSchema, settings: uploadDefaultsSettingsSchema }).strict(),
    result: returns<UploadDefaultsSettings>(),
  },
  /** Walks the dropped/picked paths and checks the destination for existing keys. */
  'transfers:planUpload': {
    input: bucketRefSchema
      .extend({
        prefix: keySchema,
        paths: z.array(localPathSchema).min(1, 'Pick at least one file or folder.').max(10_000),
        overrides: uploadOverridesSchema.optional(),
      })
      .strict(),
    result: returns<UploadPlan>(),
  },
  'transfers:startUpload': {
    input: z
      .object({
        planId: transferIdSchema,
        /** For every conflict not listed in `choices`. */
        conflict: conflictActionSchema,
        choices: choicesSchema,
        overrides: uploadOverridesSchema.optional(),
      })
      .strict(),
    result: returns<TransferStartResult>(),
  },
  /** Lists the chosen keys and folders and maps them to safe local names in `destination`. */
  'transfers:planDownload': {
    input: bucketRefSchema
      .extend({
        keys: z.array(keySchema).max(10_000),
        /** Folders (ending in /) to download whole, with their folder name. */
        prefixes: z.array(keySchema.refine((p) => p.endsWith('/'), 'A folder ends with /.')).max(1_000),
        /** A folder chosen with `dialogs:chooseDownloadFolder` in this session. */
        destination: localPathSchema,
      })
      .strict()
      .refine((v) => v.keys.length + v.prefixes.length > 0, 'Pick at least one file or folder to download.'),
    result: returns<DownloadPlan>(),
  },
  'transfers:startDownload': {
    input: z.object({ planId: transferIdSchema, conflict: conflictActionSchema, choices: choicesSchema }).strict(),
    result: returns<TransferStartResult>(),
  },
  /** A page of the queue for the transfers panel, newest batch first. */
  'transfers:list': {
    input: z
      .object({
        batchId: transferIdSchema.optional(),
        states: z.array(z.enum(transferStates)).max(transferStates.length).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(1_000).optional(),
      })
      .strict(),
    result: returns<TransferListResult>(),
  },
  /** Unfinished work left by a previous run (quit or crash), offered for resume. */
  'transfers:interrupted': { input: noInput, result: returns<InterruptedSummary>() },
  'transfers:pause': { input: transferTargetSchema, result: returns<TransferControlResult>() },
  /** Resumes paused and interrupted items (uploads continue from the parts S3 already has). */
  'transfers:resume': { input: transferTargetSchema, result: returns<TransferControlResult>() },
  /** Stops items for good: aborts multipart uploads and removes partial downloads. */
  'transfers:cancel': { input: transferTargetSchema, result: returns<TransferControlResult>() },
  /** Re-queues failed (and cancelled) items; `conflict` answers a conflict that made them fail. */
  'transfers:retry': {
    input: z.object({ target: transferTargetSchema, conflict: conflictActionSchema.optional() }).strict(),
    result: returns<TransferControlResult>(),
  },
  /** Removes finished items (done, skipped, cancelled; failed too with `includeFailed`) from the list. */
  'transfers:clear': {
    input: z.object({ batchId: transferIdSchema.optional(), includeFailed: z.boolean().optional() }).strict(),
    result: returns<TransferControlResult>(),
  },
} as const;
