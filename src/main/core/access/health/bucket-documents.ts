import {
  DeleteBucketCorsCommand,
  DeleteBucketLifecycleCommand,
  DeleteBucketPolicyCommand,
  GetBucketCorsCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketPolicyCommand,
  PutBucketCorsCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketPolicyCommand,
  type CORSRule,
  type LifecycleRule,
  type S3Client,
} from '@aws-sdk/client-s3';
import { errorFacts } from './s3-refusal';

/*
 * Reads and writes of the three bucket documents the health fixes touch. "There is none" is an
 * answer (null or []), not an error; every other failure is thrown as the SDK's error so the
 * caller words it with the permission it needed.
 */

const absent = new Set(['NoSuchBucketPolicy', 'NoSuchCORSConfiguration', 'NoSuchLifecycleConfiguration']);
const isAbsent = (error: unknown): boolean => absent.has(errorFacts(error).name);

/** The bucket policy's JSON text as the server keeps it, or null without one. */
export async function readPolicyText(client: S3Client, bucket: string, signal?: AbortSignal): Promise<string | null> {
  try {
    const out = await client.send(new GetBucketPolicyCommand({ Bucket: bucket }), signal ? { abortSignal: signal } : {});
    return out.Policy ?? null;
  } catch (error) {
    if (isAbsent(error)) return null;
    throw error;
  }
}

/** Writes the policy text as given, or deletes the policy for null. */
export async function writePolicyText(client: S3Client, bucket: string, text: string | null): Promise<void> {
  if (text === null) await client.send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
  else await client.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: text }));
}

/** The lifecycle rules, or [] without a configuration. */
export async function readLifecycleRules(client: S3Client, bucket: string, signal?: AbortSignal): Promise<LifecycleRule[]> {
  try {
    const out = await client.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }), signal ? { abortSignal: signal } : {});
    return out.Rules ?? [];
  } catch (error) {
    if (isAbsent(error)) return [];
    throw error;
  }
}

/** The command that writes these lifecycle rules (or null: delete the configuration). */
export function lifecycleWrite(bucket: string, rules: LifecycleRule[]): PutBucketLifecycleConfigurationCommand | null {
  return rules.length === 0
    ? null
    : new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: rules } });
}

/** Writes the rules, or deletes the configuration when there are none. */
export async function writeLifecycleRules(client: S3Client, bucket: string, rules: LifecycleRule[]): Promise<void> {
  const command = lifecycleWrite(bucket, rules);
  if (command) await client.send(command);
  else await client.send(new DeleteBucketLifecycleCommand({ Bucket: bucket }));
}

/** The CORS rules, or [] without a configuration. */
export async function readCorsRules(client: S3Client, bucket: string, signal?: AbortSignal): Promise<CORSRule[]> {
  try {
    const out = await client.send(new GetBucketCorsCommand({ Bucket: bucket }), signal ? { abortSignal: signal } : {});
    return out.CORSRules ?? [];
  } catch (error) {
    if (isAbsent(error)) return [];
    throw error;
  }
}

/** The command that writes these CORS rules (or null: delete the configuration). */
export function corsWrite(bucket: string, rules: CORSRule[]): PutBucketCorsCommand | null {
  return rules.length === 0 ? null : new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: rules } });
}

/** Writes the rules, or deletes the configuration when there are none. */
export async function writeCorsRules(client: S3Client, bucket: string, rules: CORSRule[]): Promise<void> {
  const command = corsWrite(bucket, rules);
  if (command) await client.send(command);
  else await client.send(new DeleteBucketCorsCommand({ Bucket: bucket }));
}
