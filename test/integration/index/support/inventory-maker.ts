import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { writeParquet } from '../../../support/parquet-writer';

/*
 * Makes an S3 Inventory report of a bucket the way AWS documents it ("Locating your inventory
 * list", "Amazon S3 inventory list"): data files under `<config>/data/`, `manifest.json` under
 * `<config>/<time>/`, CSV files gzip'd with URL-encoded keys and every field quoted, Parquet files
 * with the documented lower-case columns. What it lists comes from ListObjectsV2, so an import of
 * it must give the rows a sync gives.
 */

export interface InventoryObject {
  key: string;
  size: number;
  lastModified: Date;
  etag: string;
  storageClass: string;
}

/** Every object of the bucket, from a plain listing. */
export async function listForInventory(client: S3Client, bucket: string): Promise<InventoryObject[]> {
  const out: InventoryObject[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    for (const o of page.Contents ?? [])
      out.push({
        key: o.Key ?? '',
        size: o.Size ?? 0,
        lastModified: o.LastModified ?? new Date(0),
        etag: (o.ETag ?? '').replace(/"/g, ''),
        storageClass: o.StorageClass ?? 'STANDARD',
      });
    token = page.NextContinuationToken;
  } while (token);
  return out;
}

/** One inventory report: the manifest's text and each data file's key and bytes. */
export interface InventoryReport {
  manifestKey: string;
  manifest: string;
  files: { key: string; bytes: Buffer }[];
  /** What `manifest.checksum` holds: by default the manifest's MD5, as S3 writes it; null writes none. */
  checksum?: string | null;
}

/** The report's files as S3 writes them: the data files, `manifest.json` and (unless left out) `manifest.checksum`. */
function reportFiles(report: InventoryReport): { key: string; bytes: Buffer }[] {
  const checksum = report.checksum === undefined ? createHash('md5').update(report.manifest).digest('hex') : report.checksum;
  return [
    ...report.files,
    { key: report.manifestKey, bytes: Buffer.from(report.manifest) },
    ...(checksum === null
      ? []
      : [{ key: report.manifestKey.replace(/manifest\.json$/, 'manifest.checksum'), bytes: Buffer.from(`${checksum}\n`) }]),
  ];
}

const csvSchema = 'Bucket, Key, Size, LastModifiedDate, ETag, StorageClass, IsMultipartUploaded, ReplicationStatus, EncryptionStatus';
const parquetSchema =
  'message s3.inventory { required binary bucket (UTF8); required binary key (UTF8); optional int64 size; ' +
  'optional int64 last_modified_date (TIMESTAMP_MILLIS); optional binary e_tag (UTF8); optional binary storage_class (UTF8); ' +
  'optional boolean is_multipart_uploaded; optional binary replication_status (UTF8); optional binary encryption_status (UTF8); }';

/** Java's form encoding, as S3 Inventory writes keys: a space is "+", "/" and the unreserved stay. */
function formEncode(key: string): string {
  return encodeURIComponent(key)
    .replace(/%20/g, '+')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const quoted = (v: string) => `"${v.replace(/"/g, '""')}"`;

/** A report of `objects` in `format`, split into `files` data files (in no key order, as S3's are). */
export function makeInventory(
  source: string,
  destination: string,
  objects: readonly InventoryObject[],
  format: 'CSV' | 'Parquet' | 'ORC',
  files = 2,
  /** The report's folder: when S3 began its scan. */
  time = '2026-12-01T00-00Z',
): InventoryReport {
  const config = `inventory/${source}/all-objects`;
  // Each key hashed once: a bench's report has a million of them.
  const order = new Map(objects.map((o) => [o.key, hash(o.key)]));
  const shuffled = [...objects].sort((a, b) => ((order.get(a.key) ?? '') < (order.get(b.key) ?? '') ? -1 : 1));
  const groups = Array.from({ length: files }, (_, i) => shuffled.filter((_, j) => j % files === i));
  const extension = format === 'CSV' ? 'csv.gz' : format === 'Parquet' ? 'parquet' : 'orc';
  const data = groups.map((group) => ({ key: `${config}/data/${randomUUID()}.${extension}`, bytes: encodeFile(source, group, format) }));
  const manifest = {
    sourceBucket: source,
    destinationBucket: `arn:aws:s3:::${destination}`,
    version: '2016-11-30',
    creationTimestamp: String(Date.now()),
    fileFormat: format,
    fileSchema: format === 'CSV' ? csvSchema : format === 'Parquet' ? parquetSchema : 'struct<bucket:string,key:string,size:bigint>',
    files: data.map((f) => ({ key: f.key, size: f.bytes.length, MD5checksum: createHash('md5').update(f.bytes).digest('hex') })),
  };
  return { manifestKey: `${config}/${time}/manifest.json`, manifest: JSON.stringify(manifest, null, 2), files: data };
}

function encodeFile(source: string, group: readonly InventoryObject[], format: 'CSV' | 'Parquet' | 'ORC'): Buffer {
  if (format === 'CSV')
    return gzipSync(
      group
        .map((o) =>
          [source, formEncode(o.key), String(o.size), o.lastModified.toISOString(), o.etag, o.storageClass, 'false', '', 'NOT-SSE']
            .map(quoted)
            .join(','),
        )
        .map((line) => `${line}\n`)
        .join(''),
    );
  if (format === 'ORC') return Buffer.from('ORC');
  return writeParquet('s3.inventory', [
    { name: 'bucket', type: 'utf8', required: true, values: group.map(() => source) },
    { name: 'key', type: 'utf8', required: true, values: group.map((o) => o.key) },
    { name: 'size', type: 'int64', required: false, values: group.map((o) => o.size) },
    { name: 'last_modified_date', type: 'timestampMillis', required: false, values: group.map((o) => o.lastModified.getTime()) },
    { name: 'e_tag', type: 'utf8', required: false, values: group.map((o) => o.etag) },
    { name: 'storage_class', type: 'utf8', required: false, values: group.map((o) => o.storageClass) },
    { name: 'is_multipart_uploaded', type: 'boolean', required: false, values: group.map(() => false) },
    { name: 'replication_status', type: 'utf8', required: false, values: group.map(() => null) },
    { name: 'encryption_status', type: 'utf8', required: false, values: group.map(() => 'NOT-SSE') },
  ]);
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Writes the report under `root` in the destination bucket's layout; returns the manifest's folder. */
export function writeInventoryFolder(root: string, report: InventoryReport): string {
  for (const f of reportFiles(report)) {
    const path = join(root, f.key);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, f.bytes);
  }
  return join(root, report.manifestKey, '..');
}

/** Puts the report into the destination bucket. */
export async function putInventory(client: S3Client, bucket: string, report: InventoryReport): Promise<void> {
  for (const f of reportFiles(report)) await client.send(new PutObjectCommand({ Bucket: bucket, Key: f.key, Body: f.bytes }));
}
