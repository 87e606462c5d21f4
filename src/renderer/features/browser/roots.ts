/** The two halves of the bucket: served to the world, or never public. */
export type RootKind = 'public' | 'private';

export interface Roots {
  public: string;
  private: string;
}

export const rootKinds: readonly RootKind[] = ['public', 'private'];

/** Words the UI uses for each root, so the badge reads the same everywhere. */
export const rootBadgeText: Record<RootKind, string> = {
  public: 'Public — served to the world',
  private: 'Private — never public',
};

/** Which root a prefix or key lies in, if any ("public/media/" → public). */
export function rootOf(keyOrPrefix: string, roots: Roots): RootKind | null {
  for (const kind of rootKinds) {
    if (keyOrPrefix.startsWith(roots[kind])) return kind;
  }
  return null;
}

/** Which root a folder key is exactly, if any. */
export function rootAt(folderKey: string, roots: Roots): RootKind | null {
  return rootKinds.find((kind) => roots[kind] === folderKey) ?? null;
}
