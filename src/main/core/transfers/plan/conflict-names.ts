/**
 * "Keep both" names: `clip.mov` → `clip (1).mov`, `clip (2).mov`, …; a dotfile or a name without
 * an extension gets the number at the end (`.env (1)`, `README (1)`). Pure.
 */
export function numberedName(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return `${name} (${n})`;
  return `${name.slice(0, dot)} (${n})${name.slice(dot)}`;
}

/** The path with its last `/`-separated segment numbered: `a/b/c.jpg` → `a/b/c (1).jpg`. */
export function numberedPath(path: string, n: number, separator = '/'): string {
  const cut = path.lastIndexOf(separator) + 1;
  return path.slice(0, cut) + numberedName(path.slice(cut), n);
}

/** The first numbered variant of `path` that `taken` does not claim (1, 2, 3 …). */
export function firstFreeName(path: string, taken: (candidate: string) => boolean, separator = '/', limit = 10_000): string {
  for (let n = 1; n <= limit; n += 1) {
    const candidate = numberedPath(path, n, separator);
    if (!taken(candidate)) return candidate;
  }
  throw new Error(`No free name found for ${path} after ${limit} tries.`);
}
