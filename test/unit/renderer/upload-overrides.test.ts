import { describe, expect, it } from 'vitest';
import type { ResolvedUploadOptions } from '../../../src/shared/model/transfer';
import {
  aclDescription,
  cacheControlProblem,
  contentTypeProblem,
  editsFrom,
  overridesFrom,
} from '../../../src/renderer/features/upload/upload-overrides';
import { stageUrl } from '../../../src/renderer/features/upload/stage-files';

const publicOptions: ResolvedUploadOptions = {
  root: 'public',
  acl: 'public-read',
  requestedAcl: 'public-read',
  cacheControl: 'public, max-age=86400',
  contentType: null,
  aclSupport: 'supported',
  notes: [],
};

describe('upload overrides', () => {
  it('sends nothing when the defaults are kept', () => {
    expect(overridesFrom(publicOptions, editsFrom(publicOptions))).toBeUndefined();
  });

  it('sends only what changed; an emptied Cache-Control means none', () => {
    const edits = { ...editsFrom(publicOptions), cacheControl: '  ', contentType: 'video/mp4' };
    expect(overridesFrom(publicOptions, edits)).toEqual({ cacheControl: null, contentType: 'video/mp4' });
    expect(overridesFrom(publicOptions, { ...editsFrom(publicOptions), acl: 'private' })).toEqual({ acl: 'private' });
  });

  it('explains who can read, and that the bucket decides when ACLs are off', () => {
    expect(aclDescription('public-read', false)).toMatch(/Anyone/);
    expect(aclDescription('public-read', true)).toMatch(/bucket policy or CDN decides/);
  });

  it('catches bad header values before main does', () => {
    expect(contentTypeProblem('video')).toMatch(/looks like/);
    expect(contentTypeProblem('video/mp4; codecs="avc1"')).toBeNull();
    expect(cacheControlProblem('max-age=60\nx')).toMatch(/printable ASCII/);
    expect(cacheControlProblem('public, max-age=86400')).toBeNull();
  });
});

describe('stageUrl', () => {
  it('encodes the relative path and the batch, and the mtime when known', () => {
    expect(stageUrl('b', 'Shoot/a b&c.mov', 1700000000123.4)).toBe('/__stage?batch=b&path=Shoot%2Fa+b%26c.mov&mtime=1700000000123');
    expect(stageUrl('b', 'x', 0)).toBe('/__stage?batch=b&path=x');
  });
});
