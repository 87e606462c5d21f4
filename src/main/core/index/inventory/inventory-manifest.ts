import { z } from 'zod';
import { AppError } from '../../../../shared/errors';

/*
 * An S3 Inventory `manifest.json`, as AWS documents it (user guide, "Locating your inventory
 * list"): the source bucket, the format of the data files and their columns (`fileSchema`), and
 * the data files with their size and MD5. Pure: reading the bytes is the caller's.
 */

/** The formats the import reads. */
export type InventoryFormat = 'CSV' | 'Parquet';

/** One data file of an inventory, as the manifest names it. */
export interface InventoryFile {
  /** Its key in the destination bucket. */
  key: string;
  size: number;
  /** Hex MD5 of the file's bytes. */
  md5: string;
}

/** A manifest read and checked. */
export interface InventoryManifest {
  sourceBucket: string;
  /** The destination bucket's name (the manifest gives an ARN). */
  destinationBucket: string;
  format: InventoryFormat;
  /** Column names in file order, as S3's CSV field names (`Key`, `Size`, …) whatever the format. */
  columns: InventoryColumn[];
  files: InventoryFile[];
  /** When S3 began scanning the bucket (ms since the epoch), if given. */
  createdMs: number | null;
}

/** A field name as S3's CSV inventories spell it (`Key`, `Size`, `LastModifiedDate`, `ETag`, `StorageClass`, …). */
export type InventoryColumn = string;

const manifestShape = z.object({
  sourceBucket: z.string().min(1),
  destinationBucket: z.string().min(1),
  fileFormat: z.string(),
  fileSchema: z.string(),
  creationTimestamp: z.union([z.string(), z.number()]).optional(),
  files: z
    .array(z.object({ key: z.string().min(1), size: z.number().int().nonnegative(), MD5checksum: z.string().regex(/^[0-9a-fA-F]{32}$/) }))
    .min(1),
});

/** Parquet's lower-case column names, and the CSV field names they stand for. */
const parquetNames: Record<string, string> = {
  bucket: 'Bucket',
  key: 'Key',
  version_id: 'VersionId',
  is_latest: 'IsLatest',
  is_delete_marker: 'IsDeleteMarker',
  size: 'Size',
  last_modified_date: 'LastModifiedDate',
  e_tag: 'ETag',
  storage_class: 'StorageClass',
};

/** Reads a manifest's text; refuses ORC, other formats and shapes it does not know, saying what to do. */
export function parseInventoryManifest(text: string): InventoryManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError(
      'InvalidInput',
      'This manifest.json is not JSON. Choose the manifest.json that S3 Inventory wrote next to its data files.',
    );
  }
  const parsed = manifestShape.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    throw new AppError(
      'InvalidInput',
      `This manifest.json does not look like an S3 Inventory manifest (${where || 'its shape'} is missing or wrong). Choose the manifest.json that S3 Inventory wrote.`,
    );
  }
  const m = parsed.data;
  const format = formatOf(m.fileFormat);
  const columns = format === 'CSV' ? csvColumns(m.fileSchema) : parquetColumns(m.fileSchema);
  for (const needed of ['Key', 'Size']) {
    if (!columns.includes(needed))
      throw new AppError(
        'InvalidInput',
        `This inventory has no ${needed} field, which the index needs. Add "${needed === 'Size' ? 'Size' : 'Key'}" to the inventory configuration's fields and wait for the next report.`,
      );
  }
  const created = m.creationTimestamp === undefined ? NaN : Number(m.creationTimestamp);
  return {
    sourceBucket: m.sourceBucket,
    destinationBucket: m.destinationBucket.replace(/^arn:aws[a-z-]*:s3:::/, ''),
    format,
    columns,
    files: m.files.map((f) => ({ key: f.key, size: f.size, md5: f.MD5checksum.toLowerCase() })),
    createdMs: Number.isFinite(created) ? created : null,
  };
}

function formatOf(fileFormat: string): InventoryFormat {
  const f = fileFormat.toLowerCase();
  if (f === 'csv') return 'CSV';
  if (f === 'parquet') return 'Parquet';
  if (f === 'orc')
    throw new AppError(
      'InvalidInput',
      'This inventory is in ORC format, which is not supported: choose CSV or Parquet in the inventory configuration, and import the next report.',
    );
  throw new AppError(
    'InvalidInput',
    `This inventory's format (${fileFormat}) is not supported: choose CSV or Parquet in the inventory configuration.`,
  );
}

/** "Bucket, Key, Size, …": the CSV columns in order. */
function csvColumns(schema: string): string[] {
  return schema
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/** "message s3.inventory { required binary bucket (UTF8); optional int64 size; … }": column names, as CSV field names. */
function parquetColumns(schema: string): string[] {
  const body = /\{([^]*)\}/.exec(schema)?.[1] ?? '';
  return body
    .split(';')
    .map((field) => /^\s*(?:required|optional|repeated)\s+\S+\s+([A-Za-z0-9_]+)/.exec(field)?.[1])
    .filter((name): name is string => name !== undefined)
    .map((name) => parquetNames[name] ?? name);
}

/** The Parquet column name of a CSV field name (`LastModifiedDate` → `last_modified_date`). */
export function parquetColumnOf(field: string): string {
  return Object.entries(parquetNames).find(([, csv]) => csv === field)?.[0] ?? field;
}
