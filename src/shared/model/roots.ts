import { z } from 'zod';

/**
 * The bucket's two roots, for main and renderer alike: `public/` (served to the world) and
 * `private/` (never public) by default, configurable per connection. Pure.
 */

/** The two halves of the bucket: served to the world, or never public. */
export type RootKind = 'public' | 'private';

/** A root, or `other` for the rest of the bucket: what per-root settings (upload defaults) are keyed by. */
export type RootOrOther = RootKind | 'other';

/** A connection's root folders, each ending with `/`. */
export interface Roots {
  public: string;
  private: string;
}

/** In this order: a key under both (one root inside the other) counts as public. */
export const rootKinds: readonly RootKind[] = ['public', 'private'];

const rootPrefix = z
  .string()
  .min(1)
  .max(512)
  .refine((p) => p.endsWith('/'), 'A root folder ends with /.');

export const rootsSchema = z.object({ public: rootPrefix, private: rootPrefix }).strict();

export const defaultRoots = { public: 'public/', private: 'private/' } as const;

/** Which root a prefix or key lies in, if any ("public/media/" → public, "publicity/" → null). */
export function rootOf(keyOrPrefix: string, roots: Roots): RootKind | null {
  for (const kind of rootKinds) {
    if (keyOrPrefix.startsWith(roots[kind])) return kind;
  }
  return null;
}

/** `rootOf`, with `other` for keys under neither root. */
export function rootOrOther(keyOrPrefix: string, roots: Roots): RootOrOther {
  return rootOf(keyOrPrefix, roots) ?? 'other';
}

/** True for a key under the public root: one the world may GET by its plain URL. */
export function isPublicKey(key: string, roots: Roots): boolean {
  return rootOf(key, roots) === 'public';
}

/** Which root a folder key is exactly, if any. */
export function rootAt(folderKey: string, roots: Roots): RootKind | null {
  return rootKinds.find((kind) => roots[kind] === folderKey) ?? null;
}
