import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { parseListObjectsV2 } from '../../../src/main/core/browse/list-xml';
import {
  columnsOf,
  keyAt,
  objectAt,
  readSyncListing,
  rowsOf,
  storedAt,
  type ListedColumns,
} from '../../../src/main/core/index/listed-columns';
import { storedVersion } from '../../../src/main/core/index/stored-values';
import { bareEtag, storageClassOf, type ListedObject } from '../../../src/main/core/index/listed-object';

const wrap = (inner: string, truncated = false) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>media</Name><IsTruncated>${truncated}</IsTruncated>${truncated ? '<NextContinuationToken>t/1=</NextContinuationToken>' : ''}${inner}</ListBucketResult>`;
const entry = (fields: string) =>
  `<Contents>${fields}<Owner><ID>o</ID><DisplayName>O &amp; Co</DisplayName></Owner><Type>Normal</Type></Contents>`;

// Every shape a field takes on S3, Ceph RGW and MinIO: escaped and multibyte keys, quotes as
// &quot; or &#34;, a multipart ETag, no ETag or class at all, dates with and without milliseconds.
const page = wrap(
  [
    entry(
      '<Key>a/x&amp;y &lt;z&gt; &quot;q&quot; &#38;#x41;.txt</Key><LastModified>2026-11-21T10:00:00.123Z</LastModified><ETag>&quot;9e107d9d372bb6826bd81d3542a419d6&quot;</ETag><Size>43</Size><StorageClass>STANDARD</StorageClass>',
    ),
    entry(
      '<Key>a/é日本 &#x1F600;</Key><LastModified>2026-11-21T10:00:01Z</LastModified><ETag>&#34;d41d8cd98f00b204e9800998ecf8427e-2&#34;</ETag><Size>5368709121</Size><StorageClass>GLACIER</StorageClass>',
    ),
    entry('<Key>a/no-etag</Key><LastModified>2024-02-29T23:59:59.5+01:00</LastModified><Size>0</Size>'),
    entry('<Key>a/bare "etag"</Key><ETag>plain</ETag><Size>9007199254740993</Size><StorageClass></StorageClass>'),
    entry('<Key>a/empty</Key><LastModified></LastModified><ETag></ETag><Size>1</Size>'),
    entry('<Key>a/odd-date</Key><LastModified>2026-02-30T00:00:00.000Z</LastModified><ETag>&quot;&quot;</ETag><Size>2</Size>'),
  ].join('\n  '),
  true,
);

/** What the index stored for a page before columns: the object reader's entries, each made a ListedObject. */
function viaObjects(xml: string): ListedObject[] | undefined {
  return parseListObjectsV2(xml)?.contents.map((o) => ({
    key: o.key,
    size: o.size,
    etag: bareEtag(o.etag),
    lastModified: o.lastModified ? o.lastModified.toISOString() : null,
    storageClass: storageClassOf(o.storageClass),
  }));
}

const objectsOf = (c: ListedColumns) => Array.from({ length: c.count }, (_, i) => objectAt(c, i));

describe('a listing page read into columns', () => {
  it('holds exactly the rows the object reader gave, field by field', () => {
    const listing = readSyncListing(Buffer.from(page));
    expect(listing).toMatchObject({ isTruncated: true, nextContinuationToken: 't/1=', commonPrefixes: [] });
    const columns = listing?.objects as ListedColumns;
    const rows = objectsOf(columns);
    expect(rows).toEqual(viaObjects(page));
    // The form a merge stores, read from the columns directly: the same values as from the objects.
    expect(Array.from({ length: columns.count }, (_, i) => storedAt(columns, i))).toEqual(rows.map(storedVersion));
    expect(rows.map((r) => [r.key, r.etag, r.storageClass])).toEqual([
      ['a/x&y <z> "q" &#x41;.txt', '9e107d9d372bb6826bd81d3542a419d6', 'STANDARD'],
      ['a/é日本 😀', 'd41d8cd98f00b204e9800998ecf8427e-2', 'GLACIER'],
      ['a/no-etag', null, 'STANDARD'],
      ['a/bare "etag"', 'plain', 'STANDARD'],
      ['a/empty', null, 'STANDARD'],
      ['a/odd-date', '', 'STANDARD'],
    ]);
    expect(rows.map((r) => r.lastModified)).toEqual([
      '2026-11-21T10:00:00.123Z',
      '2026-11-21T10:00:01.000Z',
      '2024-02-29T22:59:59.500Z',
      null,
      null,
      new Date('2026-02-30T00:00:00.000Z').toISOString(),
    ]);
    expect(rows[3]?.size).toBe(Number('9007199254740993'));
  });

  it('keeps a page in one buffer and a handful of values, not an object or a string per key', () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `public/media/2021/07/cam-3/IMG_${String(i).padStart(7, '0')}.jpg`);
    const xml = wrap(
      keys
        .map((k, i) =>
          entry(
            `<Key>${k}</Key><LastModified>2026-12-03T13:00:00.123Z</LastModified><ETag>&quot;d41d8cd98f00b204e9800998ecf8427e&quot;</ETag><Size>${i}</Size><StorageClass>STANDARD</StorageClass>`,
          ),
        )
        .join(''),
    );
    const columns = readSyncListing(Buffer.from(xml))?.objects as ListedColumns;
    expect(columns.count).toBe(1000);
    expect(keyAt(columns, 999)).toBe(keys[999]);
    const views = [
      columns.keyBytes,
      columns.keyEnds,
      columns.sizes,
      columns.modified,
      columns.etagBytes,
      columns.etagEnds,
      columns.hasEtag,
      columns.classOf,
    ];
    expect(new Set(views.map((v) => v.buffer)).size).toBe(1);
    expect(columns.classes).toEqual(['STANDARD']);
    // Nothing per key but bytes in that buffer: the clone to the index worker copies it and a few
    // fields, where the same page as objects is 1,000 objects and 4,000 strings to walk.
    const perKey = Object.values(columns).filter((v) => Array.isArray(v) && v.length > 1);
    expect(perKey).toEqual([]);
    expect(serialize(columns).length).toBeLessThan(serialize(objectsOf(columns)).length);
  });

  it('leaves what it cannot read exactly to the SDK, as the object reader does', () => {
    const bodies = [
      '<Error><Code>AccessDenied</Code></Error>',
      wrap('<Contents><Key><![CDATA[a]]></Key></Contents>'),
      wrap('<Contents><Key>a.txt</Key ><Size>3</Size></Contents>'),
      wrap('<Contents><Key>a<b></b></Key><Size>3</Size></Contents>'),
      wrap('<Contents><Key>a&#x110000;.txt</Key><Size>3</Size></Contents>'),
      wrap('<Contents><Size>3</Size></Contents>'),
      wrap('<Contents><Key>a.txt</Key><Size>3 MB</Size></Contents>'),
      wrap('<Contents><Key>a.txt</Key><LastModified>yesterday</LastModified></Contents>'),
      wrap('<Contents><Key>a.txt</Key><Size>3</Size></Contents>').slice(0, -5),
    ];
    for (const body of bodies) {
      expect(parseListObjectsV2(body), body).toBeUndefined();
      expect(readSyncListing(Buffer.from(body)), body).toBeUndefined();
    }
  });

  it('gives the same columns from the SDK’s objects and from rows the index stores', () => {
    const rows = viaObjects(page) as ListedObject[];
    const fromSdk = columnsOf(parseListObjectsV2(page)?.contents ?? []);
    expect(objectsOf(fromSdk)).toEqual(rows);
    expect(objectsOf(rowsOf(rows).columns)).toEqual(rows);
  });
});
