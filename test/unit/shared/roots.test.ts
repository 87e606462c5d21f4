import { describe, expect, it } from 'vitest';
import { defaultRoots, isPublicKey, rootAt, rootOf, rootOrOther, rootsSchema } from '../../../src/shared/model/roots';

const roots = { public: 'public/', private: 'private/' };

describe('roots', () => {
  it('tells which root a key or prefix is under', () => {
    expect(rootOf('public/a.jpg', roots)).toBe('public');
    expect(rootOf('public/media/', roots)).toBe('public');
    expect(rootOf('private/a.jpg', roots)).toBe('private');
    expect(rootOf('publicity/a.jpg', roots)).toBeNull();
    expect(rootOf('public', roots)).toBeNull();
    expect(rootOf('', roots)).toBeNull();
  });

  it('names the rest of the bucket "other" for per-root settings', () => {
    expect(rootOrOther('public/media/', roots)).toBe('public');
    expect(rootOrOther('private/', roots)).toBe('private');
    expect(rootOrOther('publicity/', roots)).toBe('other');
    expect(rootOrOther('', roots)).toBe('other');
  });

  it('counts a key as public only under the public root, even when roots nest', () => {
    expect(isPublicKey('public/a.jpg', roots)).toBe(true);
    expect(isPublicKey('private/a.jpg', roots)).toBe(false);
    const nested = { public: 'media/', private: 'media/private/' };
    // The public root is checked first: a private root inside it does not hide its keys from the world.
    expect(rootOf('media/private/x', nested)).toBe('public');
    expect(isPublicKey('media/private/x', nested)).toBe(true);
  });

  it('finds the folder that is a root itself', () => {
    expect(rootAt('public/', roots)).toBe('public');
    expect(rootAt('private/', roots)).toBe('private');
    expect(rootAt('public/media/', roots)).toBeNull();
  });

  it('keeps each root a folder', () => {
    expect(rootsSchema.parse(defaultRoots)).toEqual({ public: 'public/', private: 'private/' });
    expect(rootsSchema.safeParse({ public: 'public', private: 'private/' }).success).toBe(false);
    expect(rootsSchema.safeParse({ public: '', private: 'private/' }).success).toBe(false);
  });
});
