import { describe, expect, it } from 'vitest';
import { decodeXmlText, parseListObjectsV2 } from '../../../src/main/core/browse/list-xml';

// Shaped like Ceph RGW's answer (S3's is the same with other whitespace), odd keys escaped.
const page = `<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>media</Name><Prefix>a/</Prefix><MaxKeys>1000</MaxKeys><Delimiter>/</Delimiter><IsTruncated>true</IsTruncated><NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
  <Contents><Key>a/x&amp;y &lt;z&gt; &quot;q&quot; &apos;s&apos; &#38;#x41;.txt</Key><LastModified>2026-11-21T10:00:00.123Z</LastModified><ETag>&quot;9e107d9d372bb6826bd81d3542a419d6&quot;</ETag><Size>43</Size><StorageClass>STANDARD</StorageClass><Owner><ID>bucket-admin-test</ID><DisplayName>Key &amp; Owner</DisplayName></Owner><Type>Normal</Type></Contents>
  <Contents><Key>a/trail </Key><LastModified>2026-11-21T10:00:01.000Z</LastModified><ETag>&quot;d41d8cd98f00b204e9800998ecf8427e-2&quot;</ETag><Size>5368709121</Size><StorageClass>GLACIER</StorageClass></Contents>
  <Contents><Key>a/é日本 &#x1F600;</Key><Size>0</Size></Contents>
  <CommonPrefixes><Prefix>a/b/</Prefix></CommonPrefixes><CommonPrefixes><Prefix>a//</Prefix></CommonPrefixes>
</ListBucketResult>`;

describe('fast ListObjectsV2 reader', () => {
  it('reads keys, sizes, dates, ETags, classes, folders and the token exactly', () => {
    const listing = parseListObjectsV2(page);
    expect(listing).toEqual({
      isTruncated: true,
      nextContinuationToken: '1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=',
      commonPrefixes: ['a/b/', 'a//'],
      contents: [
        { key: `a/x&y <z> "q" 's' &#x41;.txt`, size: 43, lastModified: new Date('2026-11-21T10:00:00.123Z'), etag: '"9e107d9d372bb6826bd81d3542a419d6"', storageClass: 'STANDARD' },
        { key: 'a/trail ', size: 5368709121, lastModified: new Date('2026-11-21T10:00:01.000Z'), etag: '"d41d8cd98f00b204e9800998ecf8427e-2"', storageClass: 'GLACIER' },
        { key: 'a/é日本 😀', size: 0 },
      ],
    });
  });

  it('reads the last page and an empty folder', () => {
    expect(parseListObjectsV2('<ListBucketResult><IsTruncated>false</IsTruncated><KeyCount>0</KeyCount></ListBucketResult>')).toEqual({ isTruncated: false, commonPrefixes: [], contents: [] });
  });

  it('leaves what it does not know to the SDK', () => {
    expect(parseListObjectsV2('<Error><Code>AccessDenied</Code></Error>')).toBeUndefined();
    expect(parseListObjectsV2('<ListBucketResult><Contents><Key><![CDATA[a]]></Key></Contents></ListBucketResult>')).toBeUndefined();
    expect(() => parseListObjectsV2('<ListBucketResult><Contents><Key>a</Contents></ListBucketResult>')).toThrow(/unclosed/);
  });

  it('decodes entities once, not twice', () => {
    expect(decodeXmlText('&amp;lt; &#60; &#x3c; &unknown; plain')).toBe('&lt; < < &unknown; plain');
  });
});
