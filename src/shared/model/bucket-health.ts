import { z } from 'zod';
import type { ErrorCode } from '../errors';
import { bucketNameSchema, connectionIdSchema } from './connection';

/**
 * What one probe call found. A call the server does not implement is `notSupported`, not an
 * error; `denied` names the permission the credentials lack; `notChecked` says why it was not asked.
 */
export type ProbeOutcome<T> =
  | { status: 'ok'; value: T }
  | { status: 'notSupported'; detail: string }
  | { status: 'denied'; permission: string }
  | { status: 'notChecked'; reason: string }
  | { status: 'error'; code: ErrorCode; message: string };

/** The four Block Public Access switches (bucket or account level). */
export interface PublicAccessBlock {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
}

/**
 * What a bucket policy lets anonymous readers GET under one prefix: the whole prefix, part of it
 * (a narrower resource, or a statement with conditions), nothing, or an explicit Deny.
 */
export type PolicyAccess = 'public' | 'partly' | 'none' | 'denied';

/** The policy's answer for one prefix, with the statements (by Sid, or by index) that decided it. */
export interface PrefixGrant {
  access: PolicyAccess;
  statements: string[];
}

export interface PolicyGrants {
  /** No policy on the bucket (NoSuchBucketPolicy). */
  hasPolicy: boolean;
  public: PrefixGrant;
  private: PrefixGrant;
}

/** Everything probed about one bucket, kept in `bucket_capabilities` until refreshed. */
export interface BucketCapabilityReport {
  checkedAt: string;
  /** BucketOwnerEnforced = ACLs disabled; `none` = no ownership controls set (ACLs taken). */
  objectOwnership: ProbeOutcome<'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter' | 'none'>;
  publicAccessBlock: ProbeOutcome<PublicAccessBlock | null>;
  accountPublicAccessBlock: ProbeOutcome<PublicAccessBlock | null>;
  policyStatus: ProbeOutcome<{ isPublic: boolean }>;
  policyGrants: ProbeOutcome<PolicyGrants>;
  versioning: ProbeOutcome<'Enabled' | 'Suspended' | 'Off'>;
  cors: ProbeOutcome<{ rules: number; uploadRule: boolean }>;
  /** `abortIncompleteDays`: the smallest DaysAfterInitiation of an enabled rule covering the whole bucket, or null. */
  lifecycle: ProbeOutcome<{ rules: number; abortIncompleteDays: number | null }>;
  encryption: ProbeOutcome<{ algorithm: string | null; kmsKeyId: string | null }>;
}

/** How `public/` is made public on this bucket, in the panel's plain words. */
export type PublicMechanism = 'objectAcls' | 'bucketPolicy' | 'cdn' | 'nothing';

export interface HealthAnswer {
  /** Every way that makes `public/` readable here (empty: nothing is public). */
  publicBy: PublicMechanism[];
  publicText: string;
  /** Whether anything under `private/` could be public, and why. */
  privateExposed: 'no' | 'yes' | 'maybe';
  privateText: string;
  /** Other findings worth a line (Block Public Access overriding, no abort rule …). */
  notes: string[];
}

export const fixKinds = ['publicReadPolicy', 'abortIncompleteUploads', 'uploadCors'] as const;
export type FixKind = (typeof fixKinds)[number];

export const fixSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('publicReadPolicy') }).strict(),
  z.object({ kind: z.literal('abortIncompleteUploads'), days: z.number().int().min(1).max(3650) }).strict(),
  z
    .object({
      kind: z.literal('uploadCors'),
      /** Origins allowed to upload from a browser; `*` when left out. */
      origins: z
        .array(
          z
            .string()
            .max(200)
            .regex(/^(\*|https?:\/\/[A-Za-z0-9.*:[\]-]+)$/, 'An origin is * or http(s)://host[:port].'),
        )
        .min(1)
        .max(20)
        .optional(),
    })
    .strict(),
]);
export type FixSpec = z.infer<typeof fixSpecSchema>;

/** A fix as it would be written: the exact document sent, beside the one there now. */
export interface FixPreview {
  kind: FixKind;
  format: 'json' | 'xml';
  /** The document on the bucket now (null: none), in the same format. */
  current: string | null;
  /** The exact body the fix writes. Passing it back to apply pins the write to what was seen. */
  next: string;
  /** One line per change, e.g. "adds statement BucketAdminPublicRead; keeps 1 other". */
  summary: string;
  /** Already in place: applying would change nothing. */
  unchanged: boolean;
}

/** An applied fix that can be undone from the panel. */
export interface FixUndoEntry {
  kind: FixKind;
  appliedAt: string;
  /** The document before the fix (null: there was none, undo deletes it). */
  previous: string | null;
}

export interface BucketHealth {
  report: BucketCapabilityReport;
  answer: HealthAnswer;
  /** The connection's CDN base URL, when it has one. */
  publicBaseUrl: string | null;
  undo: FixUndoEntry[];
}

export const bucketFixInputSchema = z.object({ connectionId: connectionIdSchema, bucket: bucketNameSchema, fix: fixSpecSchema }).strict();
