import { randomUUID } from 'node:crypto';
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { parentPrefix } from '../../../../shared/model/keys';
import type { DownloadPlan, PlannedItem, PlanProblem } from '../../../../shared/model/transfer';
import { keyToLocalSegments, localCollisionKey, resolveInside } from '../../files/safe-local-path';
import { numberedName } from './conflict-names';
import { findLocalFiles } from './local-existence';
import type { TransferEngineOptions } from '../queue/engine-options';
import { withRetry } from '../client/retry';
import { bareEtag } from '../queue/run-context';
import { headObject } from '../client/s3-ops';
import type { TransferClients } from '../client/transfer-client';

/** One object of a download plan, mapped to a safe local path inside the destination. */
export interface PlannedDownload {
  key: string;
  /** Local path relative to the destination, `/`-separated, for display. */
  name: string;
  localPath: string;
  size: number;
  etag: string | null;
  folderMarker: boolean;
  renamed: boolean;
  existing?: { size: number; lastModified?: string };
}

export interface DownloadPlanData {
  view: DownloadPlan;
  files: PlannedDownload[];
  connectionId: string;
  bucket: string;
  destination: string;
  expiresAt: number;
}

export interface DownloadPlanRequest {
  connectionId: string;
  bucket: string;
  keys: string[];
  prefixes: string[];
  destination: string;
}

export interface Listed {
  key: string;
  base: string;
  size: number;
  etag: string | null;
}

/**
 * Lists what was chosen (folders recursively), maps every key to a local path that cannot leave
 * the destination, renames what the file system cannot hold or what would collide (case-folding
 * file systems, a file where a folder must go), and finds local files that already exist.
 */
export async function planDownload(
  req: DownloadPlanRequest,
  clients: TransferClients,
  options: TransferEngineOptions,
  signal: AbortSignal,
): Promise<DownloadPlanData> {
  const { client } = clients.get(req.connectionId);
  const problems: PlanProblem[] = [];
  const listed: Listed[] = [];
  for (const prefix of req.prefixes) await listPrefix(client, req.bucket, prefix, listed, options, signal, problems);
  for (const key of req.keys) {
    const remote = await headObject(client, req.bucket, key, options.retry, signal);
    if (remote) listed.push({ key, base: parentPrefix(key), size: remote.size, etag: remote.etag || null });
    else problems.push({ path: key, code: 'NotFound', message: `${key} no longer exists in the bucket.` });
  }
  const files = mapToLocal(listed, req.destination, options, problems);
  const found = await findLocalFiles(files.filter((f) => !f.folderMarker).map((f) => f.localPath));
  for (const file of files) {
    const existing = found.get(file.localPath);
    if (existing && !file.folderMarker) file.existing = existing;
  }
  const expiresAt = Date.now() + options.planTtlMs;
  const data = files.filter((f) => !f.folderMarker);
  const conflicts = data.filter((f) => f.existing);
  const toPlanned = (f: PlannedDownload): PlannedItem => ({
    name: f.name,
    key: f.key,
    localPath: f.localPath,
    size: f.size,
    ...(f.existing ? { existing: f.existing } : {}),
    ...(f.renamed ? { renamed: true } : {}),
  });
  const view: DownloadPlan = {
    planId: randomUUID(),
    direction: 'download',
    connectionId: req.connectionId,
    bucket: req.bucket,
    destination: req.destination,
    fileCount: data.length,
    totalBytes: data.reduce((sum, f) => sum + f.size, 0),
    sample: data.slice(0, 200).map(toPlanned),
    conflictCount: conflicts.length,
    conflicts: conflicts.slice(0, 200).map(toPlanned),
    problems: problems.slice(0, 500),
    problemCount: problems.length,
    expiresAt: new Date(expiresAt).toISOString(),
    renamedCount: files.filter((f) => f.renamed).length,
    renamed: files
      .filter((f) => f.renamed)
      .slice(0, 200)
      .map(toPlanned),
    folderCount: files.length - data.length,
  };
  return { view, files, connectionId: req.connectionId, bucket: req.bucket, destination: req.destination, expiresAt };
}

async function listPrefix(
  client: S3Client,
  bucket: string,
  prefix: string,
  out: Listed[],
  options: TransferEngineOptions,
  signal: AbortSignal,
  problems: PlanProblem[],
): Promise<void> {
  const base = parentPrefix(prefix);
  let token: string | undefined;
  do {
    const page = await withRetry(
      () =>
        client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }), {
          abortSignal: signal,
        }),
      { policy: options.retry, signal },
    );
    for (const o of page.Contents ?? []) {
      if (!o.Key) continue;
      if (out.length >= options.maxPlanFiles) {
        problems.push({
          path: prefix,
          code: 'TooMany',
          message: `More than ${options.maxPlanFiles.toLocaleString('en-US')} objects were chosen; the rest were left out. Download them in a second batch.`,
        });
        return;
      }
      out.push({ key: o.Key, base, size: o.Size ?? 0, etag: o.ETag ? bareEtag(o.ETag) : null });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/** Safe local paths; two keys that would land on one file (or a file where a folder goes) are numbered. Pure. */
export function mapToLocal(
  listed: Listed[],
  destination: string,
  options: TransferEngineOptions,
  problems: PlanProblem[],
): PlannedDownload[] {
  const rules = options.nameRules;
  const mapped = listed.flatMap((l) => {
    const { segments, changed } = keyToLocalSegments(l.key.slice(l.base.length), rules);
    if (segments.length === 0) {
      problems.push({ path: l.key, code: 'BadName', message: `The key “${l.key}” has no usable file name, so it was left out.` });
      return [];
    }
    const folderMarker = l.key.endsWith('/');
    if (folderMarker && l.size > 0) {
      problems.push({
        path: l.key,
        code: 'BadName',
        message: `“${l.key}” ends with / but holds data; it cannot be saved as a file or a folder, so it was left out.`,
      });
      return [];
    }
    return [{ l, segments, changed, folderMarker }];
  });
  const folders = new Set<string>();
  for (const m of mapped) {
    const upto = m.folderMarker ? m.segments.length : m.segments.length - 1;
    for (let i = 1; i <= upto; i += 1) folders.add(localCollisionKey(m.segments.slice(0, i).join('/'), rules));
  }
  const taken = new Set<string>();
  return mapped.map(({ l, segments, changed, folderMarker }) => {
    let names = segments;
    let renamed = changed;
    const keyOf = (s: string[]) => localCollisionKey(s.join('/'), rules);
    if (!folderMarker) {
      for (let n = 1; taken.has(keyOf(names)) || folders.has(keyOf(names)); n += 1) {
        names = [...segments.slice(0, -1), numberedName(segments.at(-1) ?? '', n)];
        renamed = true;
      }
      taken.add(keyOf(names));
    }
    return {
      key: l.key,
      name: names.join('/'),
      localPath: resolveInside(destination, names, rules),
      size: l.size,
      etag: l.etag,
      folderMarker,
      renamed,
    };
  });
}
