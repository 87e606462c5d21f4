/** One step of the path shown above a listing: its label and the prefix it opens. */
export interface Crumb {
  label: string;
  prefix: string;
}

/**
 * The crumbs for a folder prefix, bucket first: "" → [bucket]; "public/media/" →
 * [bucket, public, media], each opening its own prefix. S3 allows empty segments ("a//b/"),
 * so they are kept (with an empty label) rather than silently merged.
 */
export function breadcrumbSegments(bucket: string, prefix: string): Crumb[] {
  const crumbs: Crumb[] = [{ label: bucket, prefix: '' }];
  if (!prefix) return crumbs;
  // A folder prefix ends with "/"; anything after the last "/" is not a folder and is ignored.
  const parts = prefix.split('/').slice(0, -1);
  let current = '';
  for (const part of parts) {
    current += `${part}/`;
    crumbs.push({ label: part, prefix: current });
  }
  return crumbs;
}

/** A crumb shown as is, or the run of middle crumbs folded into one "…" step. */
export type ShownCrumb = { kind: 'crumb'; crumb: Crumb } | { kind: 'folded'; hidden: Crumb[] };

/**
 * Long paths fold in the middle: the bucket, "…", and the last `keepEnd` folders stay, so the
 * toolbar keeps one line and the user still sees where they started and where they are.
 */
export function foldCrumbs(crumbs: readonly Crumb[], maxShown = 5, keepEnd = 3): ShownCrumb[] {
  if (crumbs.length <= maxShown) return crumbs.map((crumb) => ({ kind: 'crumb', crumb }));
  const [first, ...rest] = crumbs;
  const hidden = rest.slice(0, rest.length - keepEnd);
  const end = rest.slice(rest.length - keepEnd);
  return [
    ...(first ? [{ kind: 'crumb' as const, crumb: first }] : []),
    { kind: 'folded', hidden },
    ...end.map((crumb) => ({ kind: 'crumb' as const, crumb })),
  ];
}
