import { describe, expect, it } from 'vitest';
import { splitCsvLine } from '../../../src/main/core/index/inventory/csv-inventory-reader';
import { parseInventoryManifest } from '../../../src/main/core/index/inventory/inventory-manifest';
import { listedFromInventory } from '../../../src/main/core/index/inventory/inventory-row';

const file = { key: 'inv/data/a.csv.gz', size: 10, MD5checksum: 'f11166069f1990abeb9c97ace9cdfabc' };
const manifest = (fields: Record<string, unknown>) =>
  JSON.stringify({
    sourceBucket: 'src',
    destinationBucket: 'arn:aws:s3:::dst',
    fileFormat: 'CSV',
    fileSchema: 'Bucket, Key, Size',
    files: [file],
    ...fields,
  });

describe('S3 Inventory manifests', () => {
  it('reads the CSV field list and the Parquet message schema into the same field names', () => {
    expect(parseInventoryManifest(manifest({}))).toMatchObject({
      format: 'CSV',
      columns: ['Bucket', 'Key', 'Size'],
      destinationBucket: 'dst',
    });
    const parquet = parseInventoryManifest(
      manifest({
        fileFormat: 'Parquet',
        fileSchema:
          'message s3.inventory { required binary bucket (UTF8); required binary key (UTF8); optional int64 size; optional int64 last_modified_date (TIMESTAMP_MILLIS); optional binary e_tag (UTF8);}',
      }),
    );
    expect(parquet.columns).toEqual(['Bucket', 'Key', 'Size', 'LastModifiedDate', 'ETag']);
  });

  it('refuses ORC with what to choose instead, and an inventory without sizes', () => {
    expect(() => parseInventoryManifest(manifest({ fileFormat: 'ORC' }))).toThrow(
      /not supported: choose CSV or Parquet in the inventory configuration/,
    );
    expect(() => parseInventoryManifest(manifest({ fileSchema: 'Bucket, Key' }))).toThrow(/no Size field/);
    expect(() => parseInventoryManifest(manifest({ files: [{ ...file, MD5checksum: 'nope' }] }))).toThrow(/files\.0\.MD5checksum/);
  });
});

describe('S3 Inventory rows', () => {
  it('splits quoted CSV fields with doubled quotes and empty fields', () => {
    expect(splitCsvLine('"b","a ""q"",c","12",""')).toEqual(['b', 'a "q",c', '12', '']);
    expect(() => splitCsvLine('"b","open')).toThrow(/unclosed quote/);
  });

  it('decodes CSV keys as S3 form-encodes them, and leaves Parquet keys as they are', () => {
    const row = { Key: 'a+b%2Bc%25/%C3%A9', Size: '3', LastModifiedDate: '2026-01-02T03:04:05.000Z', ETag: 'abc', StorageClass: '' };
    expect(listedFromInventory(row, true)).toEqual({
      key: 'a b+c%/é',
      size: 3,
      etag: 'abc',
      lastModified: '2026-01-02T03:04:05.000Z',
      storageClass: 'STANDARD',
    });
    expect(listedFromInventory({ Key: 'a+b', Size: 3n, LastModifiedDate: new Date(0) }, false)).toMatchObject({
      key: 'a+b',
      size: 3,
      lastModified: '1970-01-01T00:00:00.000Z',
      storageClass: null,
    });
  });

  it('keeps only live objects of an inventory of all versions', () => {
    expect(listedFromInventory({ Key: 'k', Size: '1', IsLatest: 'false' }, true)).toBeNull();
    expect(listedFromInventory({ Key: 'k', Size: '0', IsLatest: 'true', IsDeleteMarker: 'true' }, true)).toBeNull();
    expect(listedFromInventory({ Key: 'k', Size: '1', IsLatest: true, IsDeleteMarker: false }, false)).not.toBeNull();
    expect(() => listedFromInventory({ Key: 'k', Size: '' }, true)).toThrow(/no valid size/);
  });
});
