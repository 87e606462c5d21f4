import {
  GetBucketEncryptionCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyStatusCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  type CORSRule,
  type LifecycleRule,
  type PublicAccessBlockConfiguration,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { BucketCapabilityReport, ProbeOutcome, PublicAccessBlock } from '../../../../shared/model/bucket-health';
import { toAppError } from '../../s3/s3-errors';
import { probeAccountPublicAccessBlock } from './account-public-access';
import { readCorsRules, readLifecycleRules, readPolicyText } from './bucket-documents';
import { evaluatePrefix } from './policy-evaluator';
import { parsePolicy } from './fix-documents';
import { errorFacts, isAccessDenied, isNotSupported } from './s3-refusal';

/*
 * One probe of a bucket's configuration: every call runs (in parallel), each answer recorded on
 * its own, so a server that lacks one API or credentials that may not read one setting still
 * yield the rest. "There is no such configuration" is an answer (none), not a failure.
 */

/** Names of "not configured" replies that mean an empty setting rather than a failure. */
const noneNames = new Set([
  'OwnershipControlsNotFoundError',
  'NoSuchPublicAccessBlockConfiguration',
  'ServerSideEncryptionConfigurationNotFoundError',
]);

/** Asks one thing, turning the server's refusal into an outcome. */
async function ask<T>(permission: string, endpoint: string, call: () => Promise<T>, onNone?: () => T): Promise<ProbeOutcome<T>> {
  try {
    return { status: 'ok', value: await call() };
  } catch (error) {
    if (onNone && noneNames.has(errorFacts(error).name)) return { status: 'ok', value: onNone() };
    if (isNotSupported(error)) {
      const { name, status } = errorFacts(error);
      return { status: 'notSupported', detail: `The server does not implement this (${name || 'HTTP'}${status ? ` ${status}` : ''}).` };
    }
    if (isAccessDenied(error)) return { status: 'denied', permission };
    const appError = toAppError(error, { endpoint });
    return { status: 'error', code: appError.code, message: appError.message };
  }
}

const toBlock = (c: PublicAccessBlockConfiguration | undefined): PublicAccessBlock | null =>
  c
    ? {
        blockPublicAcls: c.BlockPublicAcls === true,
        ignorePublicAcls: c.IgnorePublicAcls === true,
        blockPublicPolicy: c.BlockPublicPolicy === true,
        restrictPublicBuckets: c.RestrictPublicBuckets === true,
      }
    : null;

type Ownership = 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter';

/**
 * Ceph RGW answers GetBucketOwnershipControls with 200 and no rule (and refuses to set one): it has
 * no Object Ownership setting, object ACLs always decide. Recorded as not supported, honestly.
 */
const emptyOwnership = (o: ProbeOutcome<Ownership | 'none' | null>): BucketCapabilityReport['objectOwnership'] =>
  o.status === 'ok' && o.value === null
    ? {
        status: 'notSupported',
        detail: 'The server answers with no ownership rule: it has no Object Ownership setting, so object ACLs decide.',
      }
    : (o as BucketCapabilityReport['objectOwnership']);

/** Whether a lifecycle rule applies to every key (no filter, or an empty prefix and nothing else). */
const coversBucket = (rule: LifecycleRule): boolean => {
  const filter = rule.Filter;
  // The rule-level Prefix is deprecated in the API but still what older rules carry.
  const legacyPrefix = (rule as { Prefix?: string }).Prefix;
  if (legacyPrefix !== undefined && legacyPrefix !== '') return false;
  if (!filter) return true;
  return (
    (filter.Prefix ?? '') === '' &&
    !filter.Tag &&
    !filter.And &&
    filter.ObjectSizeGreaterThan === undefined &&
    filter.ObjectSizeLessThan === undefined
  );
};

/** The shortest bucket-wide AbortIncompleteMultipartUpload among the enabled rules, or null. */
export function abortIncompleteDays(rules: readonly LifecycleRule[]): number | null {
  const days = rules
    .filter((r) => r.Status === 'Enabled' && coversBucket(r))
    .map((r) => r.AbortIncompleteMultipartUpload?.DaysAfterInitiation)
    .filter((d): d is number => typeof d === 'number');
  return days.length === 0 ? null : Math.min(...days);
}

/** Whether some CORS rule lets a browser PUT and POST (presigned upload links). */
export const allowsBrowserUploads = (rules: readonly CORSRule[]): boolean =>
  rules.some(
    (r) => (r.AllowedMethods ?? []).includes('PUT') && (r.AllowedMethods ?? []).includes('POST') && (r.AllowedOrigins ?? []).length > 0,
  );

/**
 * Probes everything the health panel reads about one bucket. `endpoint` is the connection's own
 * (undefined: AWS), which decides whether there is an account-level setting to read.
 */
export async function probeBucket(
  client: S3Client,
  bucket: string,
  endpoint: string | undefined,
  now: Date = new Date(),
): Promise<BucketCapabilityReport> {
  const B = { Bucket: bucket };
  const where = endpoint ?? 'AWS';
  const [
    objectOwnership,
    publicAccessBlock,
    accountPublicAccessBlock,
    policyStatus,
    policyGrants,
    versioning,
    cors,
    lifecycle,
    encryption,
  ] = await Promise.all([
    ask(
      's3:GetBucketOwnershipControls',
      where,
      async () => {
        const out = await client.send(new GetBucketOwnershipControlsCommand(B));
        return out.OwnershipControls?.Rules?.[0]?.ObjectOwnership ?? null;
      },
      () => 'none' as const,
    ).then(emptyOwnership),
    ask(
      's3:GetBucketPublicAccessBlock',
      where,
      async () => toBlock((await client.send(new GetPublicAccessBlockCommand(B))).PublicAccessBlockConfiguration),
      () => null,
    ),
    probeAccountPublicAccessBlock(client, endpoint),
    ask('s3:GetBucketPolicyStatus', where, async () => ({
      isPublic: (await client.send(new GetBucketPolicyStatusCommand(B))).PolicyStatus?.IsPublic === true,
    })),
    ask('s3:GetBucketPolicy', where, async () => {
      const text = await readPolicyText(client, bucket);
      if (text === null)
        return {
          hasPolicy: false,
          public: { access: 'none' as const, statements: [] },
          private: { access: 'none' as const, statements: [] },
        };
      const doc = parsePolicy(text);
      return { hasPolicy: true, public: evaluatePrefix(doc, bucket, 'public/'), private: evaluatePrefix(doc, bucket, 'private/') };
    }),
    ask('s3:GetBucketVersioning', where, async () => {
      const status = (await client.send(new GetBucketVersioningCommand(B))).Status;
      return status === 'Enabled' || status === 'Suspended' ? status : ('Off' as const);
    }),
    ask('s3:GetBucketCORS', where, async () => {
      const rules = await readCorsRules(client, bucket);
      return { rules: rules.length, uploadRule: allowsBrowserUploads(rules) };
    }),
    ask('s3:GetLifecycleConfiguration', where, async () => {
      const rules = await readLifecycleRules(client, bucket);
      return { rules: rules.length, abortIncompleteDays: abortIncompleteDays(rules) };
    }),
    ask(
      's3:GetEncryptionConfiguration',
      where,
      async () => {
        const rule = (await client.send(new GetBucketEncryptionCommand(B))).ServerSideEncryptionConfiguration?.Rules?.[0];
        const byDefault = rule?.ApplyServerSideEncryptionByDefault;
        return { algorithm: byDefault?.SSEAlgorithm ?? null, kmsKeyId: byDefault?.KMSMasterKeyID ?? null };
      },
      () => ({ algorithm: null, kmsKeyId: null }),
    ),
  ]);
  return {
    checkedAt: now.toISOString(),
    objectOwnership,
    publicAccessBlock,
    accountPublicAccessBlock,
    policyStatus,
    policyGrants,
    versioning,
    cors,
    lifecycle,
    encryption,
  };
}
