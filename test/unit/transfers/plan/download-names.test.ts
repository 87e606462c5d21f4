import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultEngineOptions } from '../../../../src/main/core/transfers/queue/engine-options';
import { mapToLocal } from '../../../../src/main/core/transfers/plan/download-planner';
import { parentPrefix } from '../../../../src/shared/model/keys';
import { multipartEtag } from '../../../../src/main/core/transfers/upload/multipart-complete';
import type { PlanProblem } from '../../../../src/shared/model/transfer';

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

describe('download names', () => {
  const options = { ...defaultEngineOptions, nameRules: 'win32' as const };

  it('cuts the chosen folder’s parent off, so the folder’s own name comes first', () => {
    expect(parentPrefix('public/media/')).toBe('public/');
    expect(parentPrefix('public/a.jpg')).toBe('public/');
    expect(parentPrefix('a.jpg')).toBe('');
    expect(parentPrefix('/leading.txt')).toBe('/');
  });

  it('numbers keys that would land on one file, or a file where a folder must go', () => {
    const problems: PlanProblem[] = [];
    const listed = [
      { key: 'm/A.jpg', base: '', size: 1, etag: null },
      { key: 'm/a.jpg', base: '', size: 1, etag: null },
      { key: 'm/x', base: '', size: 1, etag: null },
      { key: 'm/x/inner.txt', base: '', size: 1, etag: null },
      { key: 'm/con', base: '', size: 1, etag: null },
      { key: 'm/empty/', base: '', size: 0, etag: null },
      { key: 'm/bad/', base: '', size: 3, etag: null },
      { key: '///', base: '', size: 1, etag: null },
    ];
    const mapped = mapToLocal(listed, 'C:\\dl', options, problems);
    expect(mapped.map((m) => [m.name, m.renamed, m.folderMarker])).toEqual([
      ['m/A.jpg', false, false],
      ['m/a (1).jpg', true, false],
      ['m/x (1)', true, false],
      ['m/x/inner.txt', false, false],
      ['m/_con', true, false],
      ['m/empty', false, true],
    ]);
    expect(mapped[0]?.localPath).toBe('C:\\dl\\m\\A.jpg');
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['m/bad/', 'BadName'],
      ['///', 'BadName'],
    ]);
  });
});
