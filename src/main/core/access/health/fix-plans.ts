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

/** A bucket document that is a list of rules with IDs (lifecycle, CORS): how to read, build and write it. */
interface RuleDocument<R extends { ID?: string | undefined }> {
  /** "lifecycle rules", "CORS rules": for messages. */
  noun: string;
  /** One of them, for the summary: "rule", "CORS rule". */
  ruleNoun: string;
  readPermission: string;
  writePermission: string;
  read(client: S3Client, bucket: string): Promise<R[]>;
  /** The command that writes the list (null: the configuration is deleted). */
  command(bucket: string, rules: R[]): Parameters<typeof serializedBody>[1] | null;
  write(client: S3Client, bucket: string, rules: R[]): Promise<void>;
  /** The fix's rule merged in (same ID replaced, the others kept), its ID, and what it does. */
  merge(rules: readonly R[], spec: FixSpec): { next: R[]; id: string; does: string };
}

/** A fix that adds (or replaces by ID) one rule in a rule-list document, keeping every other rule. */
function ruleListPlanner<R extends { ID?: string | undefined }>(doc: RuleDocument<R>): FixPlanner {
  const read = (target: FixTarget) =>
    call(target, doc.readPermission, `read the ${doc.noun}`, () => doc.read(target.client, target.bucket));
  const stored = (rules: R[]) => (rules.length === 0 ? null : JSON.stringify(rules));
  return {
    async plan(target, spec) {
      const rules = await read(target);
      const { next, id, does } = doc.merge(rules, spec);
      const had = rules.some((r) => r.ID === id);
      const body = async (list: R[]) => {
        const command = doc.command(target.bucket, list);
        return command ? serializedBody(target.client, command) : null;
      };
      const currentBody = await body(rules);
      const nextBody = (await body(next)) ?? '';
      return {
        format: 'xml',
        stored: stored(rules),
        currentBody,
        nextBody,
        summary: `${had ? 'Replaces' : 'Adds'} ${doc.ruleNoun} ${id} (${does}); ${kept(rules.length - (had ? 1 : 0), doc.ruleNoun)}.`,
        unchanged: currentBody === nextBody,
        write: () => call(target, doc.writePermission, `write the ${doc.noun}`, () => doc.write(target.client, target.bucket, next)),
      };
    },
    readStored: async (target) => stored(await read(target)),
    restore: (target, saved) =>
      call(target, doc.writePermission, `restore the ${doc.noun}`, () =>
        doc.write(target.client, target.bucket, saved === null ? [] : (JSON.parse(saved) as R[])),
      ),
  };
}

const lifecyclePlanner = ruleListPlanner({
  noun: 'lifecycle rules',
  ruleNoun: 'rule',
  readPermission: 's3:GetLifecycleConfiguration',
  writePermission: 's3:PutLifecycleConfiguration',
  read: (client, bucket) => readLifecycleRules(client, bucket),
  command: lifecycleWrite,
  write: writeLifecycleRules,
  merge: (rules, spec) => {
    const days = spec.kind === 'abortIncompleteUploads' ? spec.days : 7;
    return {
      next: mergeAbortUploadsRule(rules, days),
      id: abortUploadsRuleId,
      does: `abort multipart uploads still incomplete after ${days} day${days === 1 ? '' : 's'}`,
    };
  },
});

const corsPlanner = ruleListPlanner({
  noun: 'CORS rules',
  ruleNoun: 'CORS rule',
  readPermission: 's3:GetBucketCORS',
  writePermission: 's3:PutBucketCORS',
  read: (client, bucket) => readCorsRules(client, bucket),
  command: corsWrite,
  write: writeCorsRules,
  merge: (rules, spec) => {
    const origins = spec.kind === 'uploadCors' && spec.origins ? spec.origins : ['*'];
    return { next: mergeUploadCorsRule(rules, origins), id: uploadCorsRuleId, does: `browser PUT and POST from ${origins.join(', ')}` };
  },
});

/** The planner of each fix kind. */
export const fixPlanners: Record<FixKind, FixPlanner> = {
  publicReadPolicy: policyPlanner,
  abortIncompleteUploads: lifecyclePlanner,
  uploadCors: corsPlanner,
};
