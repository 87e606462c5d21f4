import { randomUUID } from 'node:crypto';
import { keyBytes, maxKeyBytes } from '../../../../shared/model/keys';
import { forEachConcurrent } from '../../../../shared/concurrency';
import type { PlannedItem, PlanProblem, ResolvedUploadOptions, UploadOverrides, UploadPlan } from '../../../../shared/model/transfer';
import { probeAclSupport, type BucketCapabilities } from '../../access/capabilities';
import { detectContentType } from '../../files/content-type';
import { walkLocalPaths, type LocalFile } from '../../files/walk-local';
import type { TransferEngineOptions } from '../queue/engine-options';
import { s3Limits } from '../../s3/part-size';
import { splitSameKeyFiles } from './same-key-files';
import { findExisting, type ExistingObject } from './remote-existence';
import type { TransferClients } from '../client/transfer-client';
import type { TransferSettings } from './transfer-settings';
import { resolveUploadOptions } from './upload-options';

/** One file of an upload plan, kept in main until the plan is started. */
export interface PlannedUpload extends LocalFile {
  key: string;
  contentType: string;
  existing?: ExistingObject;
}

export interface UploadPlanData {
  view: UploadPlan;
  files: PlannedUpload[];
  connectionId: string;
  bucket: string;
  prefix: string;
  options: ResolvedUploadOptions;
  expiresAt: number;
}

export interface UploadPlanRequest {
  connectionId: string;
  bucket: string;
  prefix: string;
  paths: string[];
  overrides?: UploadOverrides;
}

export interface PlannerDeps {
  clients: TransferClients;
  settings: TransferSettings;
  capabilities: BucketCapabilities;
  options: TransferEngineOptions;
}

const sampleSize = 200;

/**
 * Everything the UI shows before an upload starts: the files found (relative paths kept), the
 * keys they get, what cannot go (each with a reason), which keys already exist, and the headers
 * (defaults for the root, the bucket's ACL support). Nothing is written anywhere.
 */
export async function planUpload(req: UploadPlanRequest, deps: PlannerDeps, signal: AbortSignal): Promise<UploadPlanData> {
  const { client, record } = deps.clients.get(req.connectionId);
  const walked = await walkLocalPaths(req.paths, { maxFiles: deps.options.maxPlanFiles, signal });
  const problems: PlanProblem[] = [...walked.problems];
  const keyed: PlannedUpload[] = [];
  for (const file of walked.files) {
    const key = req.prefix + file.relPath;
    if (keyBytes(key) > maxKeyBytes) {
      problems.push({
        path: file.absPath,
        code: 'KeyTooLong',
        message: `The key for ${file.relPath} would be ${keyBytes(key)} bytes; S3 allows ${maxKeyBytes.toLocaleString('en-US')}. Shorten the file or folder names, or upload to a shorter folder.`,
      });
    } else if (file.size > s3Limits.maxObjectSize) {
      problems.push({ path: file.absPath, code: 'TooLarge', message: `${file.relPath} is larger than S3's 5 TiB object limit.` });
    } else {
      keyed.push({ ...file, key, contentType: '' });
    }
  }
  const { kept: files, problems: sameKey } = splitSameKeyFiles(keyed);
  problems.push(...sameKey);
  await fillContentTypes(files, req.overrides?.contentType);
  const existing = await findExisting(
    client,
    req.bucket,
    req.prefix,
    files.map((f) => f.key),
    deps.options.retry,
    signal,
  );
  for (const file of files) {
    const found = existing.get(file.key);
    if (found) file.existing = found;
  }
  const settings = deps.settings.uploadDefaults(req.connectionId);
  let aclSupport = deps.capabilities.aclSupport(req.connectionId, req.bucket);
  const requested = resolveUploadOptions(req.prefix, record.roots, settings, aclSupport, req.overrides);
  if (aclSupport === 'unknown' && requested.requestedAcl !== 'bucket-default') {
    aclSupport = await probeAclSupport(client, req.bucket, signal);
    if (aclSupport !== 'unknown') deps.capabilities.setAclSupport(req.connectionId, req.bucket, aclSupport);
  }
  const options = resolveUploadOptions(req.prefix, record.roots, settings, aclSupport, req.overrides);
  const expiresAt = Date.now() + deps.options.planTtlMs;
  const conflicts = files.filter((f) => f.existing);
  const view: UploadPlan = {
    planId: randomUUID(),
    direction: 'upload',
    connectionId: req.connectionId,
    bucket: req.bucket,
    prefix: req.prefix,
    fileCount: files.length,
    totalBytes: files.reduce((sum, f) => sum + f.size, 0),
    sample: files.slice(0, sampleSize).map(toPlanned),
    conflictCount: conflicts.length,
    conflicts: conflicts.slice(0, sampleSize).map(toPlanned),
    problems: problems.slice(0, 500),
    problemCount: problems.length,
    expiresAt: new Date(expiresAt).toISOString(),
    options,
    multipartCount: files.filter((f) => f.size > deps.options.multipartThreshold).length,
    ignoredCount: walked.ignored,
  };
  return { view, files, connectionId: req.connectionId, bucket: req.bucket, prefix: req.prefix, options, expiresAt };
}

function toPlanned(file: PlannedUpload): PlannedItem {
  return {
    name: file.relPath,
    key: file.key,
    localPath: file.absPath,
    size: file.size,
    contentType: file.contentType,
    ...(file.existing ? { existing: file.existing } : {}),
  };
}

/** Content types 16 files at a time (a sniff reads 64 bytes, only for unknown extensions). */
async function fillContentTypes(files: PlannedUpload[], override: string | undefined): Promise<void> {
  await forEachConcurrent(files, 16, async (file) => {
    file.contentType = override ?? (await detectContentType(file.absPath, file.size));
  });
}
