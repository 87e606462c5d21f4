import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { AppError } from '../../../../shared/errors';
import { parquetColumnOf } from './inventory-manifest';
import type { InventoryRecord } from './inventory-row';

/** The index's fields, as S3 names them in CSV. */
const wanted = ['Key', 'Size', 'LastModifiedDate', 'ETag', 'StorageClass', 'IsLatest', 'IsDeleteMarker'];

/**
 * The records of an S3 Inventory Parquet file (hyparquet, pure JS; Snappy as S3 writes them), by
 * CSV field name, `batchSize` rows at a time so a large file is never all in memory as objects.
 */
export async function* readParquetInventory(
  file: string,
  columns: readonly string[],
  batchSize: number,
): AsyncGenerator<InventoryRecord[]> {
  const buffer = await asyncBufferFromFile(file);
  let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (error) {
    throw new AppError('InvalidInput', `An inventory file is not valid Parquet (${(error as Error).message}). Import the next report.`);
  }
  const fields = wanted.filter((f) => columns.includes(f));
  const names = fields.map(parquetColumnOf);
  const rows = Number(metadata.num_rows);
  for (let start = 0; start < rows; start += batchSize) {
    const objects = await parquetReadObjects({
      file: buffer,
      metadata,
      columns: names,
      rowStart: start,
      rowEnd: Math.min(rows, start + batchSize),
    });
    yield objects.map((o) => {
      const record: Record<string, unknown> = {};
      fields.forEach((field, i) => (record[field] = (o as Record<string, unknown>)[names[i] ?? '']));
      return record;
    });
  }
}
