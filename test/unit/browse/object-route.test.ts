import { describe, expect, it } from 'vitest';
import { parseByteRange } from '../../../src/main/core/browse/byte-range';
import { objectUrl } from '../../../src/shared/object-url';

describe('object URLs', () => {
  it('live under the preview base and carry odd keys intact', () => {
    const key = 'public/a b+c%d#e?f&g//h é ';
    const url = objectUrl('http://127.0.0.1:5000/s3cr3t/', {
      connectionId: 'conn-1234',
      bucket: 'media',
      key,
      versionId: 'v1',
      download: true,
    });
    expect(url.startsWith('http://127.0.0.1:5000/s3cr3t/__object?')).toBe(true);
    expect(objectUrl('app://preview', { connectionId: 'c-123456', bucket: 'b', key: 'k' }).startsWith('app://preview/__object?')).toBe(
      true,
    );
    const q = new URL(url).searchParams;
    expect(q.get('k')).toBe(key);
    expect([q.get('c'), q.get('b'), q.get('v'), q.get('d')]).toEqual(['conn-1234', 'media', 'v1', '1']);
    expect(new URL(objectUrl('http://x', { connectionId: 'c-123456', bucket: 'b', key: 'k' })).searchParams.has('d')).toBe(false);
  });
});

describe('Range headers', () => {
  it('accepts the single ranges browsers send', () => {
    expect(parseByteRange('bytes=0-')).toBe('bytes=0-');
    expect(parseByteRange('bytes=100-199')).toBe('bytes=100-199');
    expect(parseByteRange('bytes=-500')).toBe('bytes=-500');
    expect(parseByteRange(' Bytes = 5 - 9 ')).toBe('bytes=5-9');
  });

  it('ignores what S3 cannot serve as one range', () => {
    for (const h of [undefined, null, '', 'bytes=0-1,5-9', 'items=0-1', 'bytes=9-5', 'bytes=-', 'bytes=-0', 'bytes=a-b']) {
      expect(parseByteRange(h)).toBeUndefined();
    }
  });
});
