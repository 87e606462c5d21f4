import { z } from 'zod';
import { keySchema } from './keys';

/*
 * The audit side of the object index: searching what the last sync saw, reports over it, and
 * their exports. Shared by main (which runs the queries in the index worker) and the renderer.
 */

/** Most rows one search or report page returns; a page is what the virtualized table asks for. */
export const maxAuditPageRows = 1_000;
/** A search counts its matches up to this many, then says "more than": counting a million rows costs. */
export const searchCountCap = 10_000;

/** Where a key lies: under the public root, the private root, or neither. */
export const rootFilterValues = ['public', 'private', 'other'] as const;

const isoDate = z.iso.datetime({ offset: true, message: 'A date is an ISO 8601 date and time, e.g. 2026-01-31T00:00:00Z.' });
const byteBound = z.number().int('A size is a whole number of bytes.').min(0, 'A size cannot be negative.').max(Number.MAX_SAFE_INTEGER);

/** A search over the index: every field narrows it (AND); none returns every object. */
export const searchQuerySchema = z
  .object({
    /** Part of the key, case-insensitive (`contains`) or the start of its name under `prefix` (`startsWith`). */
    name: z.string().max(512, 'Search for at most 512 characters of a name.').default(''),
    nameMatch: z.enum(['contains', 'startsWith']).default('contains'),
    /** Without the dot, case-insensitive: `jpg` matches `a.JPG`. */
    extension: z
      .string()
      .max(32)
      .regex(/^[^./\\]*$/, 'An extension is the part after the last dot, without the dot (e.g. jpg).')
      .default(''),
    minSize: byteBound.optional(),
    maxSize: byteBound.optional(),
    modifiedAfter: isoDate.optional(),
    modifiedBefore: isoDate.optional(),
    storageClass: z
      .string()
      .max(64)
      .regex(/^[A-Z0-9_]*$/, 'A storage class is in capitals, e.g. STANDARD or GLACIER.')
      .default(''),
    root: z.enum(rootFilterValues).optional(),
    etag: z
      .string()
      .max(80)
      .regex(/^"?[0-9a-fA-F-]*"?$/, 'An ETag is hexadecimal (a multipart one ends with -<parts>).')
      .default(''),
    /** Only keys under this folder (ends with /) or starting with these characters. */
    prefix: keySchema.or(z.literal('')).default(''),
  })
  .strict()
  .refine((q) => q.minSize === undefined || q.maxSize === undefined || q.minSize <= q.maxSize, {
    message: 'The smallest size is larger than the largest size.',
    path: ['minSize'],
  })
  .refine((q) => q.modifiedAfter === undefined || q.modifiedBefore === undefined || q.modifiedAfter <= q.modifiedBefore, {
    message: 'The "after" date is later than the "before" date.',
    path: ['modifiedAfter'],
  });

export type SearchQuery = z.output<typeof searchQuerySchema>;
export type SearchQueryInput = z.input<typeof searchQuerySchema>;

/** One object as the index knows it. */
export interface IndexedObject {
  key: string;
  size: number;
  etag: string | null;
  lastModified: string | null;
  storageClass: string | null;
}

/**
 * How the name part of a search ran (the renderer shows why a 1–2 character search is a prefix
 * search, and why one is slower while a bucket's first sync has not built its name index yet).
 */
export type SearchPlan = 'none' | 'trigram' | 'prefix' | 'scan';

/** One page of search results. */
export interface SearchPage {
  rows: IndexedObject[];
  offset: number;
  /** Matches counted, at most `searchCountCap`; `totalCapped` says there are more. */
  total: number;
  totalCapped: boolean;
  plan: SearchPlan;
  tookMs: number;
}

/** The reports of the audit view. */
export const reportIds = [
  'exposure',
  'cacheHeaders',
  'multipartUploads',
  'largest',
  'duplicates',
  'storageClass',
  'storagePrefix',
  'storageExtension',
  'changes',
] as const;
export type ReportId = (typeof reportIds)[number];

/** How a column's values read: the renderer formats them, exports keep the raw value. */
export type ReportColumnKind = 'key' | 'text' | 'bytes' | 'count' | 'date';

export interface ReportColumn {
  id: string;
  label: string;
  kind: ReportColumnKind;
}

export type ReportCell = string | number | null;
export type ReportRow = Record<string, ReportCell>;

/** A figure shown above the rows (e.g. "Wasted bytes"). */
export interface ReportFigure {
  label: string;
  value: number;
  kind: 'bytes' | 'count';
}

/** Chart data: slices (pie/bar) or a tree (treemap of prefixes). */
export type ReportChart =
  { kind: 'bars'; title: string; items: Array<{ name: string; value: number }> } | { kind: 'treemap'; title: string; nodes: TreeNode[] };

export interface TreeNode {
  name: string;
  /** The prefix this node is (ends with /), for drilling in. */
  path: string;
  value: number;
  children?: TreeNode[];
}

/** One page of a report. */
export interface ReportPage {
  report: ReportId;
  title: string;
  /** What the report looks for, in a sentence. */
  description: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  offset: number;
  total: number;
  figures: ReportFigure[];
  chart?: ReportChart;
  /** Why the report is partial (e.g. objects not deep-scanned), for a note above the rows. */
  notes: string[];
  tookMs: number;
}

/** Options some reports take. */
export const reportParamsSchema = z
  .object({
    /** storagePrefix: the folder to break down (its direct children). */
    prefix: keySchema.or(z.literal('')).default(''),
    /** changes: the older and newer sync ids (omitted: the two most recent). */
    fromSync: z.number().int().min(1).optional(),
    toSync: z.number().int().min(1).optional(),
  })
  .strict();
export type ReportParams = z.output<typeof reportParamsSchema>;

/** A sync the index holds for a bucket. */
export interface IndexedSync {
  id: number;
  prefix: string;
  state: string;
  startedAt: string;
  finishedAt: string | null;
  objectCount: number;
  byteCount: number;
}

/** A bucket the index has rows for, with its syncs (newest first). */
export interface IndexedBucket {
  bucket: string;
  objectCount: number;
  byteCount: number;
  syncs: IndexedSync[];
  /** Objects with deep-scan results (headers, ACL). */
  scannedCount: number;
}

/** Whether the connection's server answers, and what the index holds for it. */
export interface AuditStatus {
  online: boolean;
  /** When the server was first found unreachable in this run of the app (ISO), while offline. */
  offlineSince: string | null;
  /** Why it is offline, in words. */
  offlineReason: string | null;
  checkedAt: string;
  buckets: IndexedBucket[];
}

/** One page of a folder of the last snapshot, as the browser would show it (subfolders and objects, in key order). */
export interface SnapshotFolderPage {
  prefix: string;
  /** The snapshot shown: the latest finished sync (null when the bucket was never synced: then the page is empty). */
  syncId: number | null;
  syncedAt: string | null;
  folders: string[];
  objects: IndexedObject[];
  /** Pass as `after` for the next page; null at the end. */
  next: string | null;
}

/** What an export wrote. */
export type AuditExportResult = { saved: false } | { saved: true; path: string; fileName: string; rows: number; truncated: boolean };

/** Most rows one export writes. */
export const maxAuditExportRows = 1_000_000;

/** A deep scan's cost before it starts. */
export interface DeepScanPlan {
  objects: number;
  /** HEAD + GetObjectAcl per object (GetObjectAcl skipped where ACLs are off), plus a few bucket-level calls. */
  requests: number;
  /** On AWS S3 Standard at list prices (GET-class requests, $0.0004 per 1,000): a rough figure. */
  estimatedUsd: number;
  /** The budget cut the scan to this many objects. */
  cappedAt: number | null;
}
