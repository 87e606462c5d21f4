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
