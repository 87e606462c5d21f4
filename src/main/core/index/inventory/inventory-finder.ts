import { ListBucketInventoryConfigurationsCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { InventoryReportFound, InventoryReportsFound } from '../../../../shared/model/index-sync';
import { isAccessDenied, isNotSupported } from '../../access/health/s3-refusal';
import { toAppError } from '../../s3/s3-errors';

/*
 * Finds a bucket's S3 Inventory reports so the user picks one instead of typing a manifest's key.
 * S3 writes each report as `<destination-prefix>/<source-bucket>/<config-ID>/<YYYY-MM-DDTHH-MMZ>/manifest.json`
 * (user guide, "Locating your inventory list"). Where the credentials may read the bucket's
 * inventory configurations, they say where to look; otherwise (or on servers without inventory,
 * such as Ceph) the user names the destination bucket and prefix, and the folders under it are walked.
 */

/** A report folder's name: when S3 began scanning, e.g. `2016-11-06T21-32Z`. */
const reportFolder = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})Z$/;
/** Folders of the layout that never hold a report: the data files and the Hive symlinks. */
const notReports = new Set(['data', 'hive']);
/** How deep under a named prefix the walk looks for report folders (destination prefix, source bucket, config ID, time). */
const maxDepth = 4;
/** At most this many folders are listed in one walk, so a wrong prefix on a huge bucket stays cheap. */
const maxListings = 100;
/** The newest reports offered. */
const maxReports = 50;

export interface FindInventoryRequest {
  sourceBucket: string;
  /** Where to look when the configurations cannot be read (or to look elsewhere). */
  destination?: { bucket: string; prefix?: string };
}

/** The bucket's inventory reports, newest first, from its configurations or from the destination named. */
export async function findInventoryReports(client: S3Client, request: FindInventoryRequest): Promise<InventoryReportsFound> {
  if (request.destination) {
    const { bucket, prefix = '' } = request.destination;
    const reports = await walk(client, bucket, asFolder(prefix), request.sourceBucket, null);
    return { reports: newestFirst(reports), source: 'destination', configurationProblem: null };
  }
  const configured = await readConfigurations(client, request.sourceBucket);
  if ('problem' in configured) return { reports: [], source: 'configuration', configurationProblem: configured.problem };
  const reports: InventoryReportFound[] = [];
  for (const config of configured.configs) {
    const root = `${asFolder(config.prefix)}${request.sourceBucket}/${config.id}/`;
    reports.push(...(await walk(client, config.bucket, root, request.sourceBucket, config.format, 1)));
  }
  return {
    reports: newestFirst(reports),
    source: 'configuration',
    configurationProblem:
      configured.configs.length === 0
        ? `“${request.sourceBucket}” has no inventory configuration here: name the bucket and prefix the reports are in.`
        : null,
  };
}

interface InventoryConfig {
  id: string;
  bucket: string;
  prefix: string;
  format: string | null;
}

async function readConfigurations(client: S3Client, bucket: string): Promise<{ configs: InventoryConfig[] } | { problem: string }> {
  const configs: InventoryConfig[] = [];
  let token: string | undefined;
  try {
    do {
      const page = await client.send(new ListBucketInventoryConfigurationsCommand({ Bucket: bucket, ContinuationToken: token }));
      for (const c of page.InventoryConfigurationList ?? []) {
        const destination = c.Destination?.S3BucketDestination;
        if (!c.Id || !destination?.Bucket) continue;
        configs.push({
          id: c.Id,
          bucket: destination.Bucket.replace(/^arn:aws[a-z-]*:s3:::/, ''),
          prefix: destination.Prefix ?? '',
          format: destination.Format ?? null,
        });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  } catch (error) {
    if (isNotSupported(error))
      return { problem: 'This server has no S3 Inventory configurations: name the bucket and prefix the reports are in.' };
    if (isAccessDenied(error))
      return {
        problem:
          'These credentials may not read the bucket’s inventory configurations (s3:GetInventoryConfiguration): name the bucket and prefix the reports are in.',
      };
    throw toAppError(error, { bucket });
  }
  return { configs };
}

/**
 * Report folders under `root` in `bucket`, at most `depth` levels down. Where a level has a folder
 * named after the source bucket, only that one is walked: other buckets' reports are not offered.
 */
async function walk(
  client: S3Client,
  bucket: string,
  root: string,
  sourceBucket: string,
  format: string | null,
  depth = maxDepth,
): Promise<InventoryReportFound[]> {
  const found: InventoryReportFound[] = [];
  let listings = 0;
  let level = [root];
  for (let d = 0; d < depth && level.length > 0; d++) {
    const next: string[] = [];
    for (const folder of level) {
      if (listings++ >= maxListings) break;
      const children = await childFolders(client, bucket, folder);
      const names = children.map((child) => child.slice(folder.length, -1));
      const own = names.includes(sourceBucket) ? [sourceBucket] : names;
      for (const name of own) {
        const createdMs = reportTime(name);
        if (createdMs !== null) {
          found.push({
            destinationBucket: bucket,
            manifestKey: `${folder}${name}/manifest.json`,
            configId: configIdOf(folder),
            createdMs,
            format,
          });
        } else if (!notReports.has(name)) next.push(`${folder}${name}/`);
      }
    }
    level = next;
  }
  return found;
}

async function childFolders(client: S3Client, bucket: string, prefix: string): Promise<string[]> {
  try {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, Delimiter: '/', MaxKeys: 1000 }));
    return (page.CommonPrefixes ?? []).flatMap((p) => (p.Prefix ? [p.Prefix] : []));
  } catch (error) {
    throw toAppError(error, { bucket, key: prefix });
  }
}

function reportTime(name: string): number | null {
  const m = reportFolder.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi);
  return Number.isFinite(ms) ? ms : null;
}

/** The config ID is the folder a report folder sits in. */
function configIdOf(folder: string): string {
  const parts = folder.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? '';
}

function asFolder(prefix: string): string {
  const trimmed = prefix.replace(/^\/+/, '');
  return trimmed === '' || trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

function newestFirst(reports: InventoryReportFound[]): InventoryReportFound[] {
  return [...reports].sort((a, b) => b.createdMs - a.createdMs || a.manifestKey.localeCompare(b.manifestKey)).slice(0, maxReports);
}
