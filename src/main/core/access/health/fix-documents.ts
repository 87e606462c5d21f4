import type { CORSRule, LifecycleRule } from '@aws-sdk/client-s3';

/*
 * The health panel's fixes as pure merges: each adds or replaces only the entry it owns (known by
 * its Sid or ID) and keeps every other statement, rule and CORS entry exactly as it was.
 */

/** The Sid of the statement the public-read fix writes. */
export const publicReadSid = 'BucketAdminPublicRead';
/** The ID of the lifecycle rule that aborts incomplete multipart uploads. */
export const abortUploadsRuleId = 'bucket-admin-abort-incomplete-uploads';
/** The ID of the CORS rule for browser uploads through upload links. */
export const uploadCorsRuleId = 'bucket-admin-upload-links';

export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement: Record<string, unknown>[];
  [extra: string]: unknown;
}

/** The statement that lets anyone GET objects under `public/` (and nothing else). */
export function publicReadStatement(bucket: string): Record<string, unknown> {
  return {
    Sid: publicReadSid,
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:GetObject',
    Resource: `arn:aws:s3:::${bucket}/public/*`,
  };
}

/**
 * The policy with our public-read statement in it: other statements and top-level fields kept in
 * place and order, ours appended (or replaced where it already is). A single-statement policy
 * (`Statement` as an object) becomes a list of two.
 */
export function mergePublicReadPolicy(current: PolicyDocument | null, bucket: string): PolicyDocument {
  const ours = publicReadStatement(bucket);
  if (!current) return { Version: '2012-10-17', Statement: [ours] };
  const statements = replaceOrAppend(current.Statement, ours, (s) => s['Sid'] === publicReadSid);
  return { ...current, Version: current.Version ?? '2012-10-17', Statement: statements };
}

/** A policy document from the server's JSON text; refuses what is not an object with statements. */
export function parsePolicy(text: string): PolicyDocument {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('The bucket policy is not a JSON object.');
  const doc = parsed as Record<string, unknown>;
  const raw = doc['Statement'];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (!list.every((s) => typeof s === 'object' && s !== null && !Array.isArray(s))) throw new Error('A policy statement is not an object.');
  return { ...doc, Statement: list as Record<string, unknown>[] };
}

/** The rule that aborts multipart uploads left incomplete for `days` days, bucket-wide. */
export function abortUploadsRule(days: number): LifecycleRule {
  return {
    ID: abortUploadsRuleId,
    Status: 'Enabled',
    Filter: { Prefix: '' },
    AbortIncompleteMultipartUpload: { DaysAfterInitiation: days },
  };
}

/** The lifecycle rules with ours added (or replaced by ID); every other rule kept as it is. */
export function mergeAbortUploadsRule(current: readonly LifecycleRule[], days: number): LifecycleRule[] {
  return replaceOrAppend(current, abortUploadsRule(days), (r) => r.ID === abortUploadsRuleId);
}

/**
 * The CORS rule that lets a browser page upload through an upload link: a presigned PUT or a
 * presigned POST form, with any request header, and the ETag readable by the page.
 */
export function uploadCorsRule(origins: readonly string[]): CORSRule {
  return {
    ID: uploadCorsRuleId,
    AllowedMethods: ['PUT', 'POST'],
    AllowedOrigins: [...origins],
    AllowedHeaders: ['*'],
    ExposeHeaders: ['ETag'],
    MaxAgeSeconds: 3000,
  };
}

/** The CORS rules with ours added (or replaced by ID); every other entry kept as it is. */
export function mergeUploadCorsRule(current: readonly CORSRule[], origins: readonly string[]): CORSRule[] {
  return replaceOrAppend(current, uploadCorsRule(origins), (r) => r.ID === uploadCorsRuleId);
}

function replaceOrAppend<T>(list: readonly T[], item: T, isOurs: (entry: T) => boolean): T[] {
  const at = list.findIndex(isOurs);
  if (at < 0) return [...list, item];
  return list.flatMap((entry, i) => (i === at ? [item] : isOurs(entry) ? [] : [entry]));
}
