import type { S3Client } from '@aws-sdk/client-s3';
import { AppError } from '../../../../shared/errors';
import type { FixKind, FixSpec } from '../../../../shared/model/bucket-health';
import {
  corsWrite,
  lifecycleWrite,
  readCorsRules,
  readLifecycleRules,
  readPolicyText,
  writeCorsRules,
  writeLifecycleRules,
  writePolicyText,
} from './bucket-documents';
import {
  mergeAbortUploadsRule,
  mergePublicReadPolicy,
  mergeUploadCorsRule,
  parsePolicy,
  type PolicyDocument,
  publicReadSid,
  abortUploadsRuleId,
  uploadCorsRuleId,
} from './fix-documents';
import { bucketCallError } from './s3-refusal';
import { serializedBody } from './serialized-body';

/*
 * Each fix as four steps over one bucket document: read what is there (in a stored form: the
 * policy's text, or the rules as JSON), compute the merged document with the exact body it sends,
 * write it, and restore a stored form exactly (null: delete the document).
 */

export interface FixTarget {
  client: S3Client;
  bucket: string;
  endpoint: string;
}

/** A fix worked out against the document there now. */
export interface PlannedFix {
  format: 'json' | 'xml';
  /** The stored form of the document now (null: none). */
  stored: string | null;
  /** The current document as it would be written (null: none). */
  currentBody: string | null;
  /** The exact body the fix writes. */
  nextBody: string;
  summary: string;
  unchanged: boolean;
  write(): Promise<void>;
}

export interface FixPlanner {
  plan(target: FixTarget, spec: FixSpec): Promise<PlannedFix>;
  /** The document in its stored form, to compare with what a fix wrote. */
  readStored(target: FixTarget): Promise<string | null>;
  /** Puts a stored form back exactly (null deletes the document). */
  restore(target: FixTarget, stored: string | null): Promise<void>;
}

/** Runs one S3 call, naming the permission it needs when refused. */
async function call<T>(target: FixTarget, permission: string, what: string, run: () => Promise<T>, hint?: string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw bucketCallError(error, { bucket: target.bucket, endpoint: target.endpoint, permission, what, ...(hint ? { hint } : {}) });
  }
}

const kept = (n: number, noun: string): string => (n === 0 ? `no other ${noun}s there` : `keeps ${n} other ${noun}${n === 1 ? '' : 's'}`);

/** The bucket's policy parsed, or a message that says it must be corrected by hand. */
function readablePolicy(text: string, bucket: string): PolicyDocument {
  try {
    return parsePolicy(text);
  } catch (error) {
    throw new AppError(
      'ServerError',
      `The bucket policy on “${bucket}” cannot be read (${(error as Error).message}); correct it by hand first.`,
    );
  }
}

const policyPlanner: FixPlanner = {
  async plan(target) {
    const stored = await this.readStored(target);
    const current = stored === null ? null : readablePolicy(stored, target.bucket);
    const next = mergePublicReadPolicy(current, target.bucket);
    const nextBody = JSON.stringify(next, null, 2);
    const had = current?.Statement.some((s) => s['Sid'] === publicReadSid) ?? false;
    const others = (current?.Statement.length ?? 0) - (had ? 1 : 0);
    const unchanged = current !== null && JSON.stringify(current) === JSON.stringify(next);
    return {
      format: 'json',
      stored,
      currentBody: current === null ? null : JSON.stringify(current, null, 2),
      nextBody,
      summary: `${had ? 'Replaces' : 'Adds'} statement ${publicReadSid} (anyone may GET public/*); ${kept(others, 'statement')}.`,
      unchanged,
      write: () =>
        call(
          target,
          's3:PutBucketPolicy',
          'write the bucket policy',
          () => writePolicyText(target.client, target.bucket, nextBody),
          // AWS answers AccessDenied too when Block Public Access refuses a public policy.
          'If Block Public Access (BlockPublicPolicy) is on for the bucket or the account, it refuses a public policy as well: turn it off first.',
        ),
    };
  },
  readStored: (target) => call(target, 's3:GetBucketPolicy', 'read the bucket policy', () => readPolicyText(target.client, target.bucket)),
  restore: (target, stored) =>
    call(target, stored === null ? 's3:DeleteBucketPolicy' : 's3:PutBucketPolicy', 'restore the bucket policy', () =>
      writePolicyText(target.client, target.bucket, stored),
    ),
};

const lifecyclePlanner: FixPlanner = {
  async plan(target, spec) {
    const days = spec.kind === 'abortIncompleteUploads' ? spec.days : 7;
    const rules = await call(target, 's3:GetLifecycleConfiguration', 'read the lifecycle rules', () =>
      readLifecycleRules(target.client, target.bucket),
    );
    const next = mergeAbortUploadsRule(rules, days);
    const had = rules.some((r) => r.ID === abortUploadsRuleId);
    const body = async (list: typeof rules) => {
      const command = lifecycleWrite(target.bucket, list);
      return command ? serializedBody(target.client, command) : null;
    };
    const currentBody = await body(rules);
    const nextBody = (await body(next)) ?? '';
    return {
      format: 'xml',
      stored: rules.length === 0 ? null : JSON.stringify(rules),
      currentBody,
      nextBody,
      summary: `${had ? 'Replaces' : 'Adds'} rule ${abortUploadsRuleId} (abort multipart uploads still incomplete after ${days} day${days === 1 ? '' : 's'}); ${kept(rules.length - (had ? 1 : 0), 'rule')}.`,
      unchanged: currentBody === nextBody,
      write: () =>
        call(target, 's3:PutLifecycleConfiguration', 'write the lifecycle rules', () =>
          writeLifecycleRules(target.client, target.bucket, next),
        ),
    };
  },
  readStored: async (target) => {
    const rules = await call(target, 's3:GetLifecycleConfiguration', 'read the lifecycle rules', () =>
      readLifecycleRules(target.client, target.bucket),
    );
    return rules.length === 0 ? null : JSON.stringify(rules);
  },
  restore: (target, stored) =>
    call(target, 's3:PutLifecycleConfiguration', 'restore the lifecycle rules', () =>
      writeLifecycleRules(target.client, target.bucket, stored === null ? [] : (JSON.parse(stored) as [])),
    ),
};

const corsPlanner: FixPlanner = {
  async plan(target, spec) {
    const origins = spec.kind === 'uploadCors' && spec.origins ? spec.origins : ['*'];
    const rules = await call(target, 's3:GetBucketCORS', 'read the CORS rules', () => readCorsRules(target.client, target.bucket));
    const next = mergeUploadCorsRule(rules, origins);
    const had = rules.some((r) => r.ID === uploadCorsRuleId);
    const body = async (list: typeof rules) => {
      const command = corsWrite(target.bucket, list);
      return command ? serializedBody(target.client, command) : null;
    };
    const currentBody = await body(rules);
    const nextBody = (await body(next)) ?? '';
    return {
      format: 'xml',
      stored: rules.length === 0 ? null : JSON.stringify(rules),
      currentBody,
      nextBody,
      summary: `${had ? 'Replaces' : 'Adds'} CORS rule ${uploadCorsRuleId} (browser PUT and POST from ${origins.join(', ')}); ${kept(rules.length - (had ? 1 : 0), 'CORS rule')}.`,
      unchanged: currentBody === nextBody,
      write: () => call(target, 's3:PutBucketCORS', 'write the CORS rules', () => writeCorsRules(target.client, target.bucket, next)),
    };
  },
  readStored: async (target) => {
    const rules = await call(target, 's3:GetBucketCORS', 'read the CORS rules', () => readCorsRules(target.client, target.bucket));
    return rules.length === 0 ? null : JSON.stringify(rules);
  },
  restore: (target, stored) =>
    call(target, 's3:PutBucketCORS', 'restore the CORS rules', () =>
      writeCorsRules(target.client, target.bucket, stored === null ? [] : (JSON.parse(stored) as [])),
    ),
};

/** The planner of each fix kind. */
export const fixPlanners: Record<FixKind, FixPlanner> = {
  publicReadPolicy: policyPlanner,
  abortIncompleteUploads: lifecyclePlanner,
  uploadCors: corsPlanner,
};
