import { z } from 'zod';
import { cacheControlProblem } from './cache-control';
import { headerValueProblem, headerValueSchema } from './header-value';
import { contentTypeSchema } from './media-type';

/*
 * What the inspector's ACL and header editors (and bulk edits) ask main to write. Every check
 * that can be made without a request is made here, in the contract's schemas, so a bad value is
 * refused with its reason before anything is sent.
 */

/** S3's canned object ACLs. */
export const cannedAclSchema = z.enum(
  ['private', 'public-read', 'public-read-write', 'authenticated-read', 'aws-exec-read', 'bucket-owner-read', 'bucket-owner-full-control'],
  {
    error:
      'Not a canned ACL: use private, public-read, public-read-write, authenticated-read, bucket-owner-read or bucket-owner-full-control.',
  },
);
export type CannedAcl = z.output<typeof cannedAclSchema>;

export const aclPermissionSchema = z.enum(['READ', 'WRITE', 'READ_ACP', 'WRITE_ACP', 'FULL_CONTROL']);
export type AclPermission = z.output<typeof aclPermissionSchema>;

const canonicalId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9$:_.@-]{1,256}$/, 'A canonical user ID is letters, digits and $ : _ . @ - (at most 256).');
const email = z.string().trim().max(256).pipe(z.email('Not an e-mail address.'));

/** Who a grant is for, in the editor's words. */
export const granteeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('everyone') }).strict(),
  z.object({ kind: z.literal('authenticated-users') }).strict(),
  z.object({ kind: z.literal('log-delivery') }).strict(),
  z.object({ kind: z.literal('user'), id: canonicalId, displayName: z.string().max(256).optional() }).strict(),
  z.object({ kind: z.literal('email'), email }).strict(),
]);
export type Grantee = z.output<typeof granteeSchema>;

export const aclGrantSchema = z.object({ grantee: granteeSchema, permission: aclPermissionSchema }).strict();
export type AclGrant = z.output<typeof aclGrantSchema>;

/** An ACL to write: a canned one, or exactly these grants (the owner keeps FULL_CONTROL only if listed). */
export const aclSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('canned'), acl: cannedAclSchema }).strict(),
  z.object({ kind: z.literal('grants'), grants: z.array(aclGrantSchema).max(100, 'S3 takes at most 100 grants.') }).strict(),
]);
export type AclSpec = z.output<typeof aclSpecSchema>;

/** RFC 9110 token, which S3 metadata names must be (they travel as `x-amz-meta-<name>` header names). */
const metadataName = /^[!#$%&'*+\-.^_`|~0-9a-z]+$/;

/** S3's limit on user metadata: names and values together, in UTF-8 bytes (prefix not counted). */
export const maxMetadataBytes = 2048;

/** Bytes user metadata takes against S3's 2 KB limit. */
export function metadataBytes(metadata: Record<string, string>): number {
  const encoder = new TextEncoder();
  let total = 0;
  for (const [name, value] of Object.entries(metadata)) total += encoder.encode(name).length + encoder.encode(value).length;
  return total;
}

/** Why `name` cannot be a metadata name, or null. */
export function metadataNameProblem(name: string): string | null {
  if (name === '') return 'A metadata name cannot be empty.';
  if (name !== name.toLowerCase())
    return `Metadata name “${name}” has capitals; S3 stores names in lower case, so write it as “${name.toLowerCase()}”.`;
  if (!metadataName.test(name))
    return `Metadata name “${name}” may only use letters, digits and ! # $ % & ' * + - . ^ _ \` | ~ (no spaces or other characters): it becomes the header x-amz-meta-${name}.`;
  return null;
}

const cacheControl = headerValueSchema('Cache-Control', 1024).superRefine((value, ctx) => {
  if (headerValueProblem('Cache-Control', value)) return;
  const problem = cacheControlProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const httpDate = headerValueSchema('Expires', 64).refine(
  (v) => !Number.isNaN(Date.parse(v)),
  'Expires is a date, e.g. Wed, 21 Oct 2026 07:28:00 GMT.',
);

const metadataValue = headerValueSchema('A metadata value', 2048);

/**
 * Changes to an object's headers: a field left out keeps what the object has, `null` removes it,
 * a value sets it. Metadata entries likewise (by name: a value sets, `null` removes).
 */
export const headerPatchSchema = z
  .object({
    cacheControl: cacheControl.nullable().optional(),
    contentType: contentTypeSchema.nullable().optional(),
    contentDisposition: headerValueSchema('Content-Disposition', 1024).nullable().optional(),
    contentEncoding: headerValueSchema('Content-Encoding', 256).nullable().optional(),
    contentLanguage: headerValueSchema('Content-Language', 256).nullable().optional(),
    expires: httpDate.nullable().optional(),
    metadata: z.record(z.string().max(256), metadataValue.nullable()).optional(),
  })
  .strict()
  .superRefine((patch, ctx) => {
    for (const name of Object.keys(patch.metadata ?? {})) {
      const problem = metadataNameProblem(name);
      if (problem) ctx.addIssue({ code: 'custom', path: ['metadata', name], message: problem });
    }
    const set = Object.fromEntries(Object.entries(patch.metadata ?? {}).filter((e): e is [string, string] => e[1] !== null));
    if (metadataBytes(set) > maxMetadataBytes)
      ctx.addIssue({
        code: 'custom',
        path: ['metadata'],
        message: `User metadata is over S3's limit of 2 KB (${metadataBytes(set)} bytes of names and values); shorten or remove entries.`,
      });
  });
export type HeaderPatch = z.output<typeof headerPatchSchema>;

/** The editable headers of an object as the editor shows them (absent = the object has none). */
export interface EditableHeaders {
  cacheControl?: string;
  contentType?: string;
  contentDisposition?: string;
  contentEncoding?: string;
  contentLanguage?: string;
  expires?: string;
  metadata: Record<string, string>;
}

/** What a header save did. */
export interface HeaderEditResult {
  key: string;
  /** The object's ETag after the edit (the next edit is conditional on it). */
  etag?: string;
  /** Set when the bucket keeps versions: the edit wrote this new version; the old one is still there. */
  newVersionId?: string;
  /** False when the object already had these values: nothing was written. */
  changed: boolean;
}

/** "Anyone with the URL can read this", answered with a real anonymous HEAD. */
export interface PublicAccessAnswer {
  publicRead: boolean;
  /** The anonymous HEAD's status (200, 403 …), or absent when the server could not be reached. */
  status?: number;
  url: string;
  /** Why, in words: the object ACL, a bucket policy, Block Public Access, or nothing granting it. */
  reason: string;
}
