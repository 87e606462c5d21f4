import { describe, expect, it } from 'vitest';
import { defaultUploadSettings, resolveUploadOptions } from '../../../../src/main/core/transfers/plan/upload-options';
import { firstFreeName, numberedName, numberedPath } from '../../../../src/main/core/transfers/plan/conflict-names';

const roots = { public: 'public/', private: 'private/' };

describe('upload defaults by root', () => {
  it('public: public-read and a day of caching; private: no grant, no shared caching; elsewhere: the bucket decides', () => {
    expect(resolveUploadOptions('public/a/', roots, defaultUploadSettings, 'unknown')).toMatchObject({
      root: 'public',
      acl: 'public-read',
      cacheControl: 'public, max-age=86400',
      notes: [],
    });
    expect(resolveUploadOptions('private/a/', roots, defaultUploadSettings, 'supported')).toMatchObject({
      root: 'private',
      acl: 'private',
      cacheControl: 'private, no-cache',
    });
    expect(resolveUploadOptions('tmp/', roots, defaultUploadSettings, 'supported')).toMatchObject({
      root: 'other',
      acl: 'bucket-default',
      cacheControl: null,
    });
  });

  it('drops the ACL where the bucket has ACLs disabled and says who decides instead', () => {
    const o = resolveUploadOptions('public/', roots, defaultUploadSettings, 'disabled');
    expect(o).toMatchObject({ acl: 'bucket-default', requestedAcl: 'public-read', aclSupport: 'disabled' });
    expect(o.notes[0]).toMatch(/bucket policy or the CDN/);
  });

  it('applies per-upload overrides and warns about a public file under private/', () => {
    const o = resolveUploadOptions('private/', roots, defaultUploadSettings, 'supported', {
      acl: 'public-read',
      cacheControl: null,
      contentType: 'video/mp4',
    });
    expect(o).toMatchObject({ acl: 'public-read', cacheControl: null, contentType: 'video/mp4' });
    expect(o.notes.join(' ')).toMatch(/readable by anyone/);
  });

  it('uses custom roots and per-connection settings', () => {
    const custom = {
      ...defaultUploadSettings,
      public: { acl: 'public-read' as const, cacheControl: 'public, max-age=31536000, immutable' },
    };
    expect(resolveUploadOptions('www/', { public: 'www/', private: 'vault/' }, custom, 'supported')).toMatchObject({
      root: 'public',
      cacheControl: 'public, max-age=31536000, immutable',
    });
  });
});

describe('keep-both names', () => {
  it.each([
    ['clip.mov', 1, 'clip (1).mov'],
    ['archive.tar.gz', 2, 'archive.tar (2).gz'],
    ['README', 1, 'README (1)'],
    ['.env', 1, '.env (1)'],
  ])('%s #%d → %s', (name, n, expected) => expect(numberedName(name, n)).toBe(expected));

  it('numbers only the last segment of a path and skips taken names', () => {
    expect(numberedPath('a.b/c/d.jpg', 3)).toBe('a.b/c/d (3).jpg');
    const taken = new Set(['x/a (1).jpg', 'x/a (2).jpg']);
    expect(firstFreeName('x/a.jpg', (k) => taken.has(k))).toBe('x/a (3).jpg');
  });
});
