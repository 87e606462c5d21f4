import { z } from 'zod';
import { bucketRefSchema } from '../model/bucket';
import { keySchema } from '../model/keys';
import { connectionIdSchema } from '../model/connection';
import {
  downloadFileNameSchema,
  expirySecondsSchema,
  objectKeySchema,
  shareKinds,
  shareNoteSchema,
  type LedgerExportResult,
  type LedgerPage,
  type ShareDefaults,
  type ShareLinkResult,
  type ShareLinksResult,
  type SharePreview,
  type UploadLinkResult,
} from '../model/share';
import { contentTypeSchema } from '../model/media-type';
import { returns } from './define';

/** Most keys one `share:links` call signs (a selection page). */
export const maxLinksPerCall = 1_000;
/** Largest single POST upload S3 accepts. */
export const maxPostBytes = 5 * 1024 ** 3;

const disposition = z.discriminatedUnion('type', [
  z.object({ type: z.literal('attachment'), filename: downloadFileNameSchema.optional() }).strict(),
  z.object({ type: z.literal('inline') }).strict(),
]);

/**
 * `auto`: the plain public URL for keys under the public root (unless a disposition or content
 * type is asked for: anonymous requests cannot carry those), else presigned. `presigned`: always sign.
 */
const mode = z.enum(['auto', 'presigned']).default('auto');

/** Options shared by preview and issue; `expiresInSeconds` omitted means the last one used here. */
const linkOptions = bucketRefSchema.extend({
  key: objectKeySchema,
  expiresInSeconds: expirySecondsSchema.optional(),
  mode,
  disposition: disposition.optional(),
  contentType: contentTypeSchema.optional(),
});

const prefixSchema = keySchema
  .refine((p) => p.length > 0, 'Choose the folder uploads go to.')
  .refine((p) => p.endsWith('/'), 'An upload folder ends with /, e.g. private/inbox/ticket-123/.');

const byteCount = (what: string) =>
  z
    .number()
    .int(`${what} is a whole number of bytes.`)
    .min(0, `${what} cannot be negative.`)
    .max(maxPostBytes, `${what} is at most 5 GiB, the largest single upload S3 accepts.`);

const uploadCommon = {
  connectionId: connectionIdSchema,
  bucket: bucketRefSchema.shape.bucket,
  expiresInSeconds: expirySecondsSchema.optional(),
  note: shareNoteSchema.optional(),
  /**
   * The one Content-Type the upload must declare. Omitted for an exact key: the type its name
   * implies. A link that accepts any type (so an uploader could plant HTML) is only ever made
   * when `anyContentType` says so.
   */
  contentType: contentTypeSchema.optional(),
  anyContentType: z.boolean().default(false),
};

/** Content type rules every upload link obeys: one exact type, or "any" asked for in so many words. */
function contentTypeRules(
  input: { contentType?: string | undefined; anyContentType: boolean; target?: { type: string } },
  ctx: z.RefinementCtx,
): void {
  if (input.contentType !== undefined && input.anyContentType) {
    ctx.addIssue({ code: 'custom', path: ['contentType'], message: 'Give a content type or allow any type, not both.' });
  }
  if (input.target?.type === 'prefix' && input.contentType === undefined && !input.anyContentType) {
    ctx.addIssue({
      code: 'custom',
      path: ['contentType'],
      message:
        'Say which content type uploads must have (e.g. application/zip), or tick “Allow any content type” to let the uploader choose it.',
    });
  }
}

const uploadInput = z.discriminatedUnion('method', [
  z
    .object({
      ...uploadCommon,
      method: z.literal('post'),
      target: z.discriminatedUnion('type', [
        z.object({ type: z.literal('object'), key: objectKeySchema }).strict(),
        z.object({ type: z.literal('prefix'), prefix: prefixSchema }).strict(),
      ]),
      minBytes: byteCount('The smallest size').default(1),
      maxBytes: byteCount('The largest size').refine((n) => n >= 1, 'The largest size must be at least 1 byte.'),
      /** Which form main copies to the clipboard, if it can. */
      copy: z.enum(['none', 'url', 'curl', 'html']).default('none'),
    })
    .strict()
    .refine((i) => i.minBytes <= i.maxBytes, { message: 'The smallest size is larger than the largest size.', path: ['minBytes'] })
    .superRefine(contentTypeRules),
  z
    .object({
      ...uploadCommon,
      method: z.literal('put'),
      key: objectKeySchema,
      copy: z.enum(['none', 'url', 'curl']).default('none'),
    })
    .strict()
    .superRefine(contentTypeRules),
]);

const ledgerFilter = z
  .object({
    connectionId: connectionIdSchema.optional(),
    bucket: bucketRefSchema.shape.bucket.optional(),
    /** Matches the key/prefix or the note, case-insensitively. */
    search: z.string().max(200).optional(),
    kinds: z.array(z.enum(shareKinds)).max(shareKinds.length).optional(),
    state: z.enum(['any', 'alive', 'expired']).default('any'),
  })
  .strict();

/** Share links: presigned downloads, public URLs, upload links, and the ledger of what was shared. */
export const shareChannels = {
  /** Starting values for the share dialog: presets, last-used expiry, caps, who copies. */
  'share:defaults': {
    input: z.object({ connectionId: connectionIdSchema }).strict(),
    result: returns<ShareDefaults>(),
  },
  /** What a link would be (kind, expiry and cap, warnings) without signing or recording it. */
  'share:preview': { input: linkOptions.strict(), result: returns<SharePreview>() },
  /** Issues one download link, records it in the ledger, and (with `copy`) copies it. */
  'share:link': {
    input: linkOptions.extend({ note: shareNoteSchema.optional(), copy: z.boolean().default(false) }).strict(),
    result: returns<ShareLinkResult>(),
  },
  /** Links for up to 1,000 keys at once, as rows, plain text and CSV. */
  'share:links': {
    input: bucketRefSchema
      .extend({
        keys: z
          .array(objectKeySchema)
          .min(1, 'Select at least one file.')
          .max(maxLinksPerCall, `At most ${maxLinksPerCall} links at once; select fewer files.`),
        expiresInSeconds: expirySecondsSchema.optional(),
        mode,
        disposition: z.enum(['attachment', 'inline']).optional(),
        note: shareNoteSchema.optional(),
        copy: z.enum(['none', 'text', 'csv']).default('none'),
      })
      .strict(),
    result: returns<ShareLinksResult>(),
  },
  /** A presigned POST (exact key or prefix, size range) or PUT (one key) for someone without credentials. */
  'share:uploadLink': { input: uploadInput, result: returns<UploadLinkResult>() },
  /**
   * Copies a snippet main made (a result's `snippetIds`: URL, curl command, HTML form, links as
   * text or CSV) to the OS clipboard if main can. By id, never by text: the page cannot choose
   * what main puts on the clipboard. `copiedByMain: false` (browser host): the page copies it.
   */
  'share:copySnippet': {
    input: z.object({ snippetId: z.uuid() }).strict(),
    result: returns<{ copiedByMain: boolean }>(),
  },
  /** One page of the ledger, newest first. */
  'share:ledger': {
    input: ledgerFilter
      .extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) })
      .strict(),
    result: returns<LedgerPage>(),
  },
  /**
   * Asks where to save (a save dialog in main; the browser host's download folder), then main
   * writes the filtered ledger there as CSV (at most 100,000 rows, newest first).
   */
  'share:ledgerExport': {
    input: ledgerFilter,
    result: returns<LedgerExportResult>(),
  },
} as const;
