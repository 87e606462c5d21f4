import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchFolder } from './seed-folder';
import { runTimed, type ProcessRun } from './timed-process';

/** Where and as whom the peers list: the same gateway and keys as the app. */
export interface PeerTarget {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface PeerRun extends ProcessRun {
  rows: number;
}

/** Debian's awscli; another `aws` may be earlier on PATH. */
export const awsCli = '/usr/bin/aws';
export const rcloneBin = '/usr/bin/rclone';

/** A clean environment: no user config, no CA bundle, only what each tool needs. */
function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: mkdtempSync(join(tmpdir(), 'bench-home-')), LANG: 'C.UTF-8' };
  return env;
}

/** `aws s3api list-objects-v2` with the folder's delimiter; the CLI follows every page itself. */
export async function listWithAwsCli(t: PeerTarget, f: BenchFolder): Promise<PeerRun> {
  const env = baseEnv();
  const config = join(env.HOME ?? tmpdir(), 'aws-config');
  // Path-style, like the app's connection to the gateway.
  writeFileSync(config, `[default]\nregion = ${t.region}\ns3 =\n  addressing_style = path\n`);
  Object.assign(env, {
    AWS_ACCESS_KEY_ID: t.accessKeyId,
    AWS_SECRET_ACCESS_KEY: t.secretAccessKey,
    AWS_DEFAULT_REGION: t.region,
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: join(env.HOME ?? tmpdir(), 'none'),
    AWS_PAGER: '',
  });
  const run = await runTimed(awsCli, ['s3api', 'list-objects-v2', '--bucket', f.bucket, '--prefix', f.prefix, '--delimiter', '/', '--endpoint-url', t.endpoint, '--output', 'json'], env);
  const parsed = JSON.parse(run.stdout) as { Contents?: unknown[]; CommonPrefixes?: unknown[] };
  return { ...run, rows: (parsed.Contents?.length ?? 0) + (parsed.CommonPrefixes?.length ?? 0) };
}

/** `rclone lsf` of the folder, the remote defined only through environment variables. */
export async function listWithRclone(t: PeerTarget, f: BenchFolder): Promise<PeerRun> {
  const env = baseEnv();
  const config = join(env.HOME ?? tmpdir(), 'rclone.conf');
  writeFileSync(config, '');
  Object.assign(env, {
    RCLONE_CONFIG: config,
    RCLONE_CONFIG_BENCH_TYPE: 's3',
    RCLONE_CONFIG_BENCH_PROVIDER: 'Ceph',
    RCLONE_CONFIG_BENCH_ACCESS_KEY_ID: t.accessKeyId,
    RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY: t.secretAccessKey,
    RCLONE_CONFIG_BENCH_ENDPOINT: t.endpoint,
    RCLONE_CONFIG_BENCH_REGION: t.region,
  });
  const run = await runTimed(rcloneBin, ['lsf', `bench:${f.bucket}/${f.prefix}`], env);
  return { ...run, rows: run.stdout.split('\n').filter((l) => l.length > 0).length };
}
