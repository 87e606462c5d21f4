import { z } from 'zod';
import {
  maxAuditPageRows,
  reportIds,
  reportParamsSchema,
  searchQuerySchema,
  type AuditExportResult,
  type AuditStatus,
  type DeepScanPlan,
  type ReportPage,
  type SearchPage,
  type SnapshotFolderPage,
} from '../model/audit';
import { bucketRefSchema } from '../model/bucket';
import { keySchema } from '../model/keys';
import type { JobStarted } from '../model/job';
import { returns } from './define';

const page = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(maxAuditPageRows).default(200),
};

const uploadRef = z
  .object({ key: keySchema.refine((k) => k.length > 0, 'Give the upload’s key.'), uploadId: z.string().min(1).max(1024) })
  .strict();

/** The largest number of uploads one `audit:abortUploads` call aborts. */
export const maxAbortPerCall = 1_000;

/** What an export writes: a search or a report, as CSV or JSON. */
const exportView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('search'), query: searchQuerySchema }).strict(),
  z.object({ kind: z.literal('report'), report: z.enum(reportIds), params: reportParamsSchema.default({ prefix: '' }) }).strict(),
]);

/** The audit of a bucket from the object index: search, reports, exports, the offline snapshot, deep scan. */
export const auditChannels = {
  /** Whether the connection's server answers now (offline since when), and which buckets the index holds. */
  'audit:status': {
    input: z.object({ connectionId: bucketRefSchema.shape.connectionId, bucket: bucketRefSchema.shape.bucket.optional() }).strict(),
    result: returns<AuditStatus>(),
  },
  /** One page of objects matching a search, in key order, from the index (works offline). */
  'audit:search': {
    input: bucketRefSchema.extend({ query: searchQuerySchema, ...page }).strict(),
    result: returns<SearchPage>(),
  },
  /** One folder of the last snapshot, from the index (works offline). */
  'audit:folder': {
    input: bucketRefSchema
      .extend({
        prefix: keySchema.or(z.literal('')).default(''),
        after: keySchema.optional(),
        limit: z.number().int().min(1).max(5_000).default(1_000),
      })
      .strict(),
    result: returns<SnapshotFolderPage>(),
  },
  /** One page of a report. Every report but `multipartUploads` (which asks S3) reads the index only. */
  'audit:report': {
    input: bucketRefSchema.extend({ report: z.enum(reportIds), params: reportParamsSchema.default({ prefix: '' }), ...page }).strict(),
    result: returns<ReportPage>(),
  },
  /** Asks where to save, then main writes the whole view (every page) there as CSV or JSON. */
  'audit:export': {
    input: bucketRefSchema.extend({ view: exportView, format: z.enum(['csv', 'json']) }).strict(),
    result: returns<AuditExportResult>(),
  },
  /** Aborts incomplete multipart uploads (one or many); each answers on its own. */
  'audit:abortUploads': {
    input: bucketRefSchema
      .extend({
        uploads: z
          .array(uploadRef)
          .min(1, 'Choose at least one upload.')
          .max(maxAbortPerCall, `At most ${maxAbortPerCall} uploads at once; choose fewer.`),
      })
      .strict(),
    result: returns<{ aborted: number; failed: Array<{ key: string; uploadId: string; code: string; message: string }> }>(),
  },
  /** How many requests a deep scan of `prefix` makes (and their rough cost), before it starts. */
  'audit:deepScanPlan': {
    input: bucketRefSchema
      .extend({ prefix: keySchema.or(z.literal('')).default(''), budget: z.number().int().min(1).max(10_000_000).default(100_000) })
      .strict(),
    result: returns<DeepScanPlan>(),
  },
  /** Starts a deep scan (HEAD + GetObjectAcl per object, within the request budget) as a job. */
  'audit:deepScan': {
    input: bucketRefSchema
      .extend({ prefix: keySchema.or(z.literal('')).default(''), budget: z.number().int().min(1).max(10_000_000).default(100_000) })
      .strict(),
    result: returns<JobStarted>(),
  },
} as const;
