import { describe, expect, it } from 'vitest';
import { rootCrossingNote } from '../../../src/renderer/features/folder-actions/root-crossing';
import { copyDefaultsFor } from '../../../src/shared/model/copy-defaults';
import { defaultRoots } from '../../../src/shared/model/roots';
import type { UploadDefaultsSettings } from '../../../src/shared/model/transfer';

const defaults: UploadDefaultsSettings = {
  public: { acl: 'public-read', cacheControl: 'public, max-age=86400' },
  private: { acl: 'private', cacheControl: 'private, no-cache' },
  other: { acl: 'bucket-default', cacheControl: null },
};

describe('a copy or move into another root', () => {
  it('takes the destination root’s defaults, and nothing within one root', () => {
    expect(copyDefaultsFor('public/a.jpg', 'private/archive/a.jpg', defaultRoots, defaults)).toEqual({
      root: 'private',
      acl: 'private',
      cacheControl: 'private, no-cache',
    });
    expect(copyDefaultsFor('private/a.mov', 'public/a.mov', defaultRoots, defaults)).toMatchObject({ acl: 'public-read' });
    expect(copyDefaultsFor('public/a.jpg', 'public/b/a.jpg', defaultRoots, defaults)).toBeNull();
    expect(copyDefaultsFor('misc/a', 'other/a', defaultRoots, defaults)).toBeNull();
    // A root prefix is matched as a folder: "publicity/" is not under "public/".
    expect(copyDefaultsFor('publicity/a', 'public/a', defaultRoots, defaults)).toMatchObject({ root: 'public' });
  });

  it('is said in the dialog before it starts, with the ACL and Cache-Control the items will get', () => {
    expect(rootCrossingNote(['public/a.jpg'], 'private/archive/', defaultRoots, defaults)).toBe(
      'They land under private/ and take its upload defaults: they will be private (only the owner) and get Cache-Control “private, no-cache”. Metadata and other headers go with them.',
    );
    expect(rootCrossingNote(['private/a.mov', 'public/b.mov'], 'public/release/', defaultRoots, defaults)).toMatch(
      /^1 of them come from another root, so they land under public\/ .* readable by anyone \(public-read\)/,
    );
    expect(rootCrossingNote(['public/a.jpg'], 'misc/', defaultRoots, defaults)).toMatch(/outside both roots .* keep their Cache-Control/);
    expect(rootCrossingNote(['public/a.jpg', 'public/b/'], 'public/c/', defaultRoots, defaults)).toBeNull();
  });
});
