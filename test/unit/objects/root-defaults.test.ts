import { describe, expect, it } from 'vitest';
import { builtInRootDefaults, rootDefaultsAt } from '../../../src/main/core/objects/root-defaults';
import { defaultUploadSettings, resolveUploadOptions } from '../../../src/main/core/transfers/plan/upload-options';

const roots = { public: 'public/', private: 'private/' };

describe('per-root defaults, from one module', () => {
  it("gives a key its root's ACL and Cache-Control", () => {
    expect(rootDefaultsAt('public/img/a.png', roots, builtInRootDefaults)).toEqual({
      root: 'public',
      acl: 'public-read',
      cacheControl: 'public, max-age=86400',
    });
    expect(rootDefaultsAt('private/a.pdf', roots, builtInRootDefaults)).toEqual({
      root: 'private',
      acl: 'private',
      cacheControl: 'private, no-cache',
    });
    expect(rootDefaultsAt('publicity/a', roots, builtInRootDefaults)).toEqual({ root: 'other', acl: 'bucket-default', cacheControl: null });
  });

  it('is what uploads resolve their options from', () => {
    expect(defaultUploadSettings).toBe(builtInRootDefaults);
    const edited = { ...builtInRootDefaults, public: { acl: 'private' as const, cacheControl: 'max-age=60' } };
    const upload = resolveUploadOptions('public/x/', roots, edited, 'supported');
    expect({ acl: upload.acl, cacheControl: upload.cacheControl }).toEqual({ acl: 'private', cacheControl: 'max-age=60' });
  });
});
