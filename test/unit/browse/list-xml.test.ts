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
        {
          key: `a/x&y <z> "q" 's' &#x41;.txt`,
          size: 43,
          lastModified: new Date('2026-11-21T10:00:00.123Z'),
          etag: '"9e107d9d372bb6826bd81d3542a419d6"',
          storageClass: 'STANDARD',
        },
        {
          key: 'a/trail ',
          size: 5368709121,
          lastModified: new Date('2026-11-21T10:00:01.000Z'),
          etag: '"d41d8cd98f00b204e9800998ecf8427e-2"',
          storageClass: 'GLACIER',
        },
        { key: 'a/é日本 😀', size: 0 },
      ],
    });
  });

  it('reads the body as bytes (how a listing gets it) exactly as the same text, dates in any form Date.parse reads', () => {
    expect(parseListObjectsV2(Buffer.from(page))).toEqual(parseListObjectsV2(page));
    const dated = (d: string) =>
      parseListObjectsV2(
        Buffer.from(`<ListBucketResult><Contents><Key>k</Key><LastModified>${d}</LastModified></Contents></ListBucketResult>`),
      )?.contents[0]?.lastModified?.getTime();
    for (const d of [
      '2026-11-21T10:00:00.123Z',
      '2026-11-21T10:00:00Z',
      '2026-11-21T10:00:00.123456Z',
      '2024-02-29T23:59:59.999Z',
      '0099-01-01T00:00:00.000Z',
    ])
      expect(dated(d), d).toBe(Date.parse(d));
  });

  it('reads the last page and an empty folder', () => {
    expect(parseListObjectsV2('<ListBucketResult><IsTruncated>false</IsTruncated><KeyCount>0</KeyCount></ListBucketResult>')).toEqual({
      isTruncated: false,
      commonPrefixes: [],
      contents: [],
    });
  });

  it('leaves what it does not know to the SDK', () => {
    expect(parseListObjectsV2('<Error><Code>AccessDenied</Code></Error>')).toBeUndefined();
    expect(parseListObjectsV2('<ListBucketResult><Contents><Key><![CDATA[a]]></Key></Contents></ListBucketResult>')).toBeUndefined();
  });

  it('never throws: a malformed body or an unexpected shape is left to the SDK too', () => {
    const wrap = (inner: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><IsTruncated>false</IsTruncated>${inner}</ListBucketResult>`;
    const malformed = {
      unclosed: '<ListBucketResult><Contents><Key>a</Contents></ListBucketResult>',
      truncated: wrap('<Contents><Key>a.txt</Key><Size>3</Size></Contents><Contents><Key>b.t').slice(0, -19),
      'end tag with a space': wrap('<Contents><Key>a.txt</Key ><Size>3</Size></Contents>'),
      'attribute on a child': wrap('<Contents><Key xml:space="preserve">a.txt</Key><Size>3</Size></Contents>'),
      comment: wrap('<Contents><Key>a.txt<!-- x --></Key><Size>3</Size></Contents>'),
      'self-closing element': wrap('<Contents><Key>a.txt</Key><Size>3</Size><ETag/></Contents>'),
      'mismatched nesting': wrap('<Contents><Key>a.txt<Size>3</Key></Size></Contents>'),
      'text after the root': `${wrap('')}<Contents/>`,
      'character beyond Unicode': wrap('<Contents><Key>a&#x110000;.txt</Key><Size>3</Size></Contents>'),
      'entry without a key': wrap('<Contents><Size>3</Size></Contents>'),
      'size not a number': wrap('<Contents><Key>a.txt</Key><Size>3 MB</Size></Contents>'),
      'negative size': wrap('<Contents><Key>a.txt</Key><Size>-3</Size></Contents>'),
      'date that does not parse': wrap('<Contents><Key>a.txt</Key><LastModified>yesterday</LastModified></Contents>'),
      'IsTruncated not a boolean': '<ListBucketResult><IsTruncated>maybe</IsTruncated></ListBucketResult>',
      'stray <': wrap('<Contents><Key>a < b</Key></Contents>'),
    };
    for (const [what, body] of Object.entries(malformed)) {
      expect(() => parseListObjectsV2(body), what).not.toThrow();
      expect(parseListObjectsV2(body), what).toBeUndefined();
    }
  });

  it('decodes entities once, not twice', () => {
    expect(decodeXmlText('&amp;lt; &#60; &#x3c; &unknown; plain')).toBe('&lt; < < &unknown; plain');
  });
});
