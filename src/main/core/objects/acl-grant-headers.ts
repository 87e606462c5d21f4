import type { CopyObjectCommandInput, Grant } from '@aws-sdk/client-s3';

/** The x-amz-grant-* headers a copy request can carry (an object has no WRITE grant to give). */
export type GrantHeaders = Pick<CopyObjectCommandInput, 'GrantFullControl' | 'GrantRead' | 'GrantReadACP' | 'GrantWriteACP'>;

const headerOf: Record<string, keyof GrantHeaders> = {
  FULL_CONTROL: 'GrantFullControl',
  READ: 'GrantRead',
  READ_ACP: 'GrantReadACP',
  WRITE_ACP: 'GrantWriteACP',
};

/** `id="…"`, `uri="…"` or `emailAddress="…"`; null for a grantee the headers cannot name. */
function granteeOf(grant: Grant): string | null {
  const g = grant.Grantee;
  const quoted = (value: string) => (/["\r\n]/.test(value) ? null : `"${value}"`);
  if (g?.Type === 'CanonicalUser' && g.ID) return ((v) => v && `id=${v}`)(quoted(g.ID));
  if (g?.Type === 'Group' && g.URI) return ((v) => v && `uri=${v}`)(quoted(g.URI));
  if (g?.Type === 'AmazonCustomerByEmail' && g.EmailAddress) return ((v) => v && `emailAddress=${v}`)(quoted(g.EmailAddress));
  return null;
}

/**
 * The grants as x-amz-grant-* headers, so the copy that changes an object's headers also gives it
 * exactly these grants in the same request (no PutObjectAcl after it). Null when a grant cannot be
 * said that way (a WRITE grant, an unknown grantee): the caller then writes the ACL separately.
 */
export function grantHeadersOf(grants: readonly Grant[]): GrantHeaders | null {
  const lists: Partial<Record<keyof GrantHeaders, string[]>> = {};
  for (const grant of grants) {
    const header = grant.Permission ? headerOf[grant.Permission] : undefined;
    const grantee = granteeOf(grant);
    if (!header || !grantee) return null;
    (lists[header] ??= []).push(grantee);
  }
  return Object.fromEntries(Object.entries(lists).map(([header, list]) => [header, list.join(', ')]));
}
