import type { ErrorCode } from '../errors';
import { z } from 'zod';
import { describeCharacter } from './header-value';
import { defaultRoots, rootsSchema, type Roots } from './roots';

/** Limits keep hostile or mistaken input small before any service sees it. */
const name = z.string().trim().min(1, 'Give the connection a name.').max(100);
const accessKeyId = z
  .string()
  .trim()
  .min(3, 'The access key ID is too short.')
  .max(128)
  .regex(/^[A-Za-z0-9+/=_-]+$/, 'An access key ID has only letters, digits and + / = _ -.');
const secretAccessKey = z.string().min(1, 'Enter the secret access key.').max(256);
const profile = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[\w.@-]+$/, 'A profile name has only letters, digits and . @ _ -.');
const region = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[a-z0-9-]+$/, 'A region looks like eu-west-1.');
/**
 * Why a typed S3 endpoint cannot be used, or null. Checked on the raw text, not only after URL
 * parsing: the WHATWG parser silently drops tabs and line breaks and turns `\\` into `/`, so a
 * value with them would be stored as typed but used as something else. Pure.
 */
export function endpointProblem(value: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  const bad = /[\u0000-\u0020\u007f-\u009f\s\\]/u.exec(value);
  if (bad)
    return `The endpoint contains ${describeCharacter(bad[0].codePointAt(0) ?? 0)}. Enter only the server's address, such as https://s3.example.com.`;
  if (!URL.canParse(value)) return 'The endpoint must be a URL such as https://s3.example.com.';
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'The endpoint must start with http:// or https://.';
  if (url.username !== '' || url.password !== '' || /^[a-z]+:\/\/[^/]*@/i.test(value)) {
    return 'The endpoint cannot contain a user name or password (user@host): enter the access key under Credentials instead.';
  }
  if (url.pathname !== '/' || value.includes('?') || value.includes('#')) {
    return 'The endpoint is the server address only, such as https://s3.example.com:9000: no path, ? query or # fragment (the bucket goes in the Bucket field).';
  }
  return null;
}

const endpoint = z
  .string()
  .trim()
  .max(2048, 'The endpoint is at most 2,048 characters.')
  .superRefine((value, ctx) => {
    const problem = endpointProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
/** Where `public/` is served from when not the S3 endpoint itself (a CDN or custom domain). */
const publicBaseUrl = z
  .string()
  .trim()
  .max(2048, 'The public base URL is at most 2,048 characters.')
  .refine((u) => URL.canParse(u), 'The public base URL must be a URL such as https://cdn.example.com.')
  .refine((u) => /^https?:\/\//i.test(u), 'The public base URL must start with http:// or https://.')
  .refine((u) => !/[?#]/.test(u), 'The public base URL cannot have a ? query or # fragment: object keys are appended to it.');
/** S3 bucket naming rules (the DNS-compatible subset AWS has required since 2018). */
export const bucketNameSchema = z
  .string()
  .trim()
  .min(3, 'A bucket name has 3 to 63 characters.')
  .max(63, 'A bucket name has 3 to 63 characters.')
  .regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, 'A bucket name has lowercase letters, digits, dots and hyphens.');

export const credentialsDraftSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('keys'),
      /** Omitted when editing means: keep the stored key ID (and, with no new secret, its secret). */
      accessKeyId: accessKeyId.optional(),
      /** Omitted when editing means: keep the stored secret. */
      secretAccessKey: secretAccessKey.optional(),
      sessionToken: z.string().min(1).max(4096).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('profile'), profile }).strict(),
]);

/**
 * How transfers talk to S3. `fast`: the app's own data path (PutObject and UploadPart signed with
 * the SDK's signer but sent without its per-request machinery, a tuned HTTP handler). `sdk`: every
 * transfer request through the AWS SDK's own commands and HTTP handler, for S3-compatible servers
 * where the fast path misbehaves. Resume, checksums and conflict checks are the same in both.
 */
export const transferEngineSchema = z.enum(['fast', 'sdk']);
export type TransferEngine = z.infer<typeof transferEngineSchema>;

/** What the renderer sends to add, edit or test a connection. */
export const connectionDraftSchema = z
  .object({
    name,
    credentials: credentialsDraftSchema,
    region: region.default('us-east-1'),
    /** Empty means AWS itself. */
    endpoint: endpoint.optional(),
    /** Path-style addressing (http://host/bucket/key); most S3-compatible servers want it. */
    forcePathStyle: z.boolean().default(false),
    /** Send checksums only when an operation requires them; needed by many S3-compatible servers. */
    checksumCompatibility: z.boolean().default(false),
    transferEngine: transferEngineSchema.default('fast'),
    /** Optional single bucket: for keys that may not call ListBuckets. */
    bucket: bucketNameSchema.optional(),
    roots: rootsSchema.default(defaultRoots),
    /**
     * CDN or custom domain that serves the bucket's keys, e.g. https://cdn.example.com/media/ →
     * public links become this base + the URL-encoded key. Empty: public links use the endpoint.
     */
    publicBaseUrl: publicBaseUrl.optional(),
  })
  .strict();

export type ConnectionDraft = z.input<typeof connectionDraftSchema>;
export type ConnectionSettings = z.output<typeof connectionDraftSchema>;

/** How the renderer sees credentials: never the secret, and the key ID masked. */
export type CredentialsSummary =
  { kind: 'keys'; accessKeyIdMasked: string; hasSessionToken: boolean } | { kind: 'profile'; profile: string };

/** A saved connection as the renderer sees it. */
export interface Connection {
  id: string;
  name: string;
  credentials: CredentialsSummary;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  checksumCompatibility: boolean;
  transferEngine: TransferEngine;
  bucket?: string;
  roots: Roots;
  /** CDN or custom domain base for public links; absent means the S3 endpoint's own URL. */
  publicBaseUrl?: string;
  createdAt: string;
  updatedAt: string;
}

export const connectionIdSchema = z.string().regex(/^[a-z0-9-]{8,64}$/, 'Not a connection ID.');

/** Keep the first 4 and last 4 characters: enough to tell keys apart, not enough to use one. */
export function maskAccessKeyId(id: string): string {
  if (id.length <= 8) return `${id.slice(0, 2)}…`;
  return `${id.slice(0, 4)}…${id.slice(-4)}`;
}

/** The outcome of "Test connection", in words a person can act on. */
export interface ConnectionTestReport {
  ok: boolean;
  /** Why it failed, for the UI to branch on; absent when ok. */
  code?: ErrorCode;
  /** Buckets seen (ListBuckets), or the one bucket checked. */
  buckets: string[];
  message: string;
  elapsedMs: number;
}
