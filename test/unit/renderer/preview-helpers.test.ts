import { describe, expect, it } from 'vitest';
import { previewKind } from '../../../src/renderer/features/preview/preview-kind';
import { completeUtf8Length, decodeTextPreview } from '../../../src/renderer/features/preview/text-preview';
import { aclHeadline, headerFields, metadataFields, summaryFields } from '../../../src/renderer/features/inspector/details-fields';
import { summariseSelection } from '../../../src/renderer/features/inspector/selection-summary';

describe('previewKind', () => {
  it('prefers a specific content type and falls back to the extension', () => {
    expect(previewKind('x.bin', 'image/png')).toBe('image');
    expect(previewKind('clip.mp4', 'application/octet-stream')).toBe('video');
    expect(previewKind('song.mp3')).toBe('audio');
    expect(previewKind('doc.pdf', 'application/pdf; q=1')).toBe('pdf');
    expect(previewKind('data', 'application/json')).toBe('text');
    expect(previewKind('page.html', 'text/html')).toBe('text');
    expect(previewKind('archive.zip', 'application/zip')).toBe('none');
    expect(previewKind('noext')).toBe('none');
    expect(previewKind('doc.pdf', 'application/octet-stream')).toBe('none');
  });
});

describe('text preview decoding', () => {
  const enc = new TextEncoder();
  it('drops a character cut at the end of the range', () => {
    const bytes = enc.encode('ab€'); // € is 3 bytes
    expect(completeUtf8Length(bytes.subarray(0, 4))).toBe(2);
    expect(completeUtf8Length(bytes)).toBe(5);
    const preview = decodeTextPreview(bytes.subarray(0, 4), 1000);
    expect(preview).toEqual({ text: 'ab', truncated: true, binary: false });
  });
  it('flags binary content and whole files', () => {
    expect(decodeTextPreview(new Uint8Array([104, 0, 105]), 3)).toEqual({ text: 'h\u0000i', truncated: false, binary: true });
  });
});

describe('inspector fields', () => {
  const details = {
    bucket: 'b',
    key: 'public/a.jpg',
    size: 2048,
    contentType: 'image/jpeg',
    etag: '"abc"',
    storageClass: 'STANDARD',
    versionId: 'v1',
    metadata: { zeta: '1', alpha: '2' },
    headers: { cacheControl: 'max-age=60', contentDisposition: undefined },
    acl: { status: 'available' as const, publicRead: true, publicWrite: false, grants: [] },
    underRoot: 'public' as const,
  };
  it('lists the facts, headers and metadata', () => {
    expect(summaryFields(details).map((f) => f.id)).toEqual([
      'size',
      'content-type',
      'etag',
      'last-modified',
      'storage-class',
      'version-id',
    ]);
    expect(summaryFields(details)[0]?.value).toBe('2 KiB (2,048 bytes)');
    expect(headerFields(details.headers)).toEqual([
      // tokens: the inspector wraps a header after its commas, never inside "max-age".
      { id: 'header-cacheControl', label: 'Cache-Control', value: 'max-age=60', tokens: true },
    ]);
    expect(metadataFields(details.metadata).map((f) => f.label)).toEqual(['x-amz-meta-alpha', 'x-amz-meta-zeta']);
  });
  it('says who can read it', () => {
    expect(aclHeadline(details.acl).tone).toBe('public');
    expect(aclHeadline({ ...details.acl, publicWrite: true }).tone).toBe('danger');
    expect(aclHeadline({ status: 'unavailable', code: 'AclsDisabled', reason: 'ACLs are off' }).text).toBe('ACLs are off');
  });
  it('adds up a selection', () => {
    expect(
      summariseSelection([
        { kind: 'object', key: 'a', name: 'a', size: 10 },
        { kind: 'folder', key: 'f/', name: 'f/' },
        { kind: 'object', key: 'b', name: 'b', size: 5 },
      ]),
    ).toEqual({ count: 3, objects: 2, folders: 1, bytes: 15 });
  });
});
