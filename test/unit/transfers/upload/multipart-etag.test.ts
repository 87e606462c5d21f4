import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { multipartEtag } from '../../../../src/main/core/transfers/upload/multipart-complete';

describe('multipart ETag', () => {
  it('is the MD5 of the parts’ MD5s with the part count', () => {
    // One part of 5 MiB of 0x01: Ceph RGW 16.2 reported this ETag for the completed object.
    const etag = createHash('md5')
      .update(Buffer.alloc(5 * 1024 * 1024, 1))
      .digest('hex');
    const part = { partNumber: 1, size: 5 * 1024 * 1024, etag, checksum: null };
    expect(multipartEtag([part])).toBe('caa67d033f46aca3fab13a43e9e9a51b-1');
    expect(multipartEtag([part, { ...part, partNumber: 2 }])).toMatch(/^[0-9a-f]{32}-2$/);
    expect(multipartEtag([{ ...part, etag: 'not-md5' }])).toBeUndefined();
  });
});
