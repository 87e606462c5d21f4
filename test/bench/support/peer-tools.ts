// The peer tools the benches compare the app with (Debian's awscli and rclone), each run as a
// whole process under GNU time against the same gateway and keys as the app.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchFolder } from './seed-folder';
import { runTimed, type TimedRun } from './timed-process';

/** Where and as whom the peers work: the same gateway and keys as the app. */
export interface PeerTarget {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** The gateway, keys and bucket every tool uploads to. */
export interface UploadTarget extends PeerTarget {
  bucket: string;
}

/** A listing by a peer, with how many rows it printed. */
export interface PeerRun extends TimedRun {
  rows: number;
}

/** Debian's packages; another `aws` may be earlier on PATH (pyenv), so the full path is used. */
export const awsCli = '/usr/bin/aws';
export const rcloneBin = '/usr/bin/rclone';

/** Every upload (peers' and the app's) gets more time than a listing: 1 GiB on a busy gateway. */
export const uploadTimeoutMs = 900_000;

/**
 * A clean environment: no user config, and no AWS_CA_BUNDLE (rclone refuses to start when it
 * points at a file it cannot read; the gateway is plain http anyway).
 */
function cleanEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: mkdtempSync(join(tmpdir(), 'bench-home-')), LANG: 'C.UTF-8' };
}

/** The AWS CLI's environment; `s3Tuning` adds lines to the config's `s3 =` section. */
export function awsEnv(t: PeerTarget, s3Tuning: readonly string[] = []): NodeJS.ProcessEnv {
  const env = cleanEnv();
  const home = env.HOME ?? tmpdir();
  const config = join(home, 'aws-config');
  // Path-style, like the app's connection to the gateway.
  writeFileSync(
    config,
    `[default]\nregion = ${t.region}\ns3 =\n${['addressing_style = path', ...s3Tuning].map((l) => `  ${l}\n`).join('')}`,
  );
  return {
    ...env,
    AWS_ACCESS_KEY_ID: t.accessKeyId,
    AWS_SECRET_ACCESS_KEY: t.secretAccessKey,
    AWS_DEFAULT_REGION: t.region,
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
    AWS_PAGER: '',
  };
}

/** rclone's environment: an empty config file and a remote named `bench` defined only through variables. */
export function rcloneEnv(t: PeerTarget): NodeJS.ProcessEnv {
  const env = cleanEnv();
  const config = join(env.HOME ?? tmpdir(), 'rclone.conf');
  writeFileSync(config, '');
  return {
    ...env,
    RCLONE_CONFIG: config,
    RCLONE_CONFIG_BENCH_TYPE: 's3',
    RCLONE_CONFIG_BENCH_PROVIDER: 'Ceph',
    RCLONE_CONFIG_BENCH_ACCESS_KEY_ID: t.accessKeyId,
    RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY: t.secretAccessKey,
    RCLONE_CONFIG_BENCH_ENDPOINT: t.endpoint,
    RCLONE_CONFIG_BENCH_REGION: t.region,
    RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE: 'true',
  };
}

/** `aws s3api list-objects-v2` with the folder's delimiter; the CLI follows every page itself. */
export async function listWithAwsCli(t: PeerTarget, f: BenchFolder): Promise<PeerRun> {
  const args = [
    's3api',
    'list-objects-v2',
    '--bucket',
    f.bucket,
    '--prefix',
    f.prefix,
    '--delimiter',
    '/',
    '--endpoint-url',
    t.endpoint,
    '--output',
    'json',
  ];
  const run = await runTimed(awsCli, args, awsEnv(t));
  const parsed = JSON.parse(run.stdout) as { Contents?: unknown[]; CommonPrefixes?: unknown[] };
  return { ...run, rows: (parsed.Contents?.length ?? 0) + (parsed.CommonPrefixes?.length ?? 0) };
}

/** `rclone lsf` of the folder. */
export async function listWithRclone(t: PeerTarget, f: BenchFolder): Promise<PeerRun> {
  const run = await runTimed(rcloneBin, ['lsf', `bench:${f.bucket}/${f.prefix}`], rcloneEnv(t));
  return { ...run, rows: run.stdout.split('\n').filter((l) => l.length > 0).length };
}

/**
 * `aws s3 cp --recursive` with the tuning from /work/shared/PEERS.md (16 MB parts, 16 requests
 * in flight), which was its best figure on these machines.
 */
export function uploadWithAwsCli(t: UploadTarget, dir: string, prefix: string): Promise<TimedRun> {
  const env = awsEnv(t, ['max_concurrent_requests = 16', 'multipart_chunksize = 16MB', 'multipart_threshold = 16MB']);
  return runTimed(
    awsCli,
    ['s3', 'cp', '--recursive', '--only-show-errors', '--endpoint-url', t.endpoint, dir, `s3://${t.bucket}/${prefix}`],
    env,
    uploadTimeoutMs,
  );
}

/** `rclone copy` with PEERS.md's tuning: 16 files at once, 16 MiB chunks, 8 chunks in flight per file. */
export function uploadWithRclone(t: UploadTarget, dir: string, prefix: string): Promise<TimedRun> {
  const args = ['copy', dir, `bench:${t.bucket}/${prefix}`, '--transfers', '16', '--s3-chunk-size', '16M', '--s3-upload-concurrency', '8'];
  return runTimed(rcloneBin, args, rcloneEnv(t), uploadTimeoutMs);
}

/** `aws s3 cp --recursive` from the bucket into a folder, tuned as for uploads (16 MB parts, 16 in flight). */
export function downloadWithAwsCli(t: UploadTarget, prefix: string, dir: string): Promise<TimedRun> {
  const env = awsEnv(t, ['max_concurrent_requests = 16', 'multipart_chunksize = 16MB', 'multipart_threshold = 16MB']);
  return runTimed(
    awsCli,
    ['s3', 'cp', '--recursive', '--only-show-errors', '--endpoint-url', t.endpoint, `s3://${t.bucket}/${prefix}`, dir],
    env,
    uploadTimeoutMs,
  );
}

/** `rclone copy` from the bucket into a folder: 16 files at once, large files in 4 parallel streams (its default). */
export function downloadWithRclone(t: UploadTarget, prefix: string, dir: string): Promise<TimedRun> {
  return runTimed(rcloneBin, ['copy', `bench:${t.bucket}/${prefix}`, dir, '--transfers', '16'], rcloneEnv(t), uploadTimeoutMs);
}

/** The raw limit for uploads: one SigV4-signed PUT of `file` by curl, its body unsigned (UNSIGNED-PAYLOAD), as the app sends. */
export function uploadWithCurl(t: UploadTarget, file: string, key: string): Promise<TimedRun> {
  const url = `${t.endpoint}/${t.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  const args = ['-sS', '--fail', '--aws-sigv4', `aws:amz:${t.region}:s3`, '--user', `${t.accessKeyId}:${t.secretAccessKey}`];
  // curl signs the header's value as the payload hash. Its Expect: 100-continue stays (one round trip on
  // loopback): curl 7.88 signs an `-H 'Expect:'` it then does not send, and the gateway refuses the signature.
  args.push('-H', 'x-amz-content-sha256: UNSIGNED-PAYLOAD', '-T', file, '-o', '/dev/null', url);
  return runTimed('/usr/bin/curl', args, cleanEnv(), uploadTimeoutMs);
}

/** The raw limit: one SigV4-signed GET of one object by curl, written to `file`. */
export function downloadWithCurl(t: UploadTarget, key: string, file: string): Promise<TimedRun> {
  const url = `${t.endpoint}/${t.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  const args = ['-sS', '--fail', '--aws-sigv4', `aws:amz:${t.region}:s3`, '--user', `${t.accessKeyId}:${t.secretAccessKey}`];
  // RGW wants the payload hash header; an empty GET body's is fixed.
  args.push('-H', 'x-amz-content-sha256: UNSIGNED-PAYLOAD', '-o', file, url);
  return runTimed('/usr/bin/curl', args, cleanEnv(), uploadTimeoutMs);
}
