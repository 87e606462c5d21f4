import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timed, type TimedRun } from './upload-timing';

/** The gateway and keys every tool uploads with. */
export interface UploadTarget {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  bucket: string;
}

/** Debian's packages; another `aws` may be earlier on PATH (pyenv), so the full path is used. */
export const awsCli = '/usr/bin/aws';
export const rcloneBin = '/usr/bin/rclone';

/**
 * A clean environment: no user config, and no AWS_CA_BUNDLE (rclone refuses to start when it
 * points at a file it cannot read; the gateway is plain http anyway).
 */
function cleanEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: mkdtempSync(join(tmpdir(), 'bench-upload-home-')), LANG: 'C.UTF-8' };
}

/**
 * `aws s3 cp --recursive` with the tuning from /work/shared/PEERS.md (16 MB parts, 16 requests
 * in flight), which was its best figure on these machines.
 */
export function uploadWithAwsCli(t: UploadTarget, dir: string, prefix: string): Promise<TimedRun> {
  const env = cleanEnv();
  const config = join(env.HOME ?? tmpdir(), 'aws-config');
  writeFileSync(
    config,
    `[default]\nregion = ${t.region}\ns3 =\n  addressing_style = path\n  max_concurrent_requests = 16\n  multipart_chunksize = 16MB\n  multipart_threshold = 16MB\n`,
  );
  Object.assign(env, {
    AWS_ACCESS_KEY_ID: t.accessKeyId,
    AWS_SECRET_ACCESS_KEY: t.secretAccessKey,
    AWS_DEFAULT_REGION: t.region,
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: join(env.HOME ?? tmpdir(), 'none'),
    AWS_PAGER: '',
  });
  return timed(awsCli, ['s3', 'cp', '--recursive', '--only-show-errors', '--endpoint-url', t.endpoint, dir, `s3://${t.bucket}/${prefix}`], env);
}

/** `rclone copy` with PEERS.md's tuning: 16 files at once, 16 MiB chunks, 8 chunks in flight per file. */
export function uploadWithRclone(t: UploadTarget, dir: string, prefix: string): Promise<TimedRun> {
  const env = cleanEnv();
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
    RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE: 'true',
  });
  return timed(rcloneBin, ['copy', dir, `bench:${t.bucket}/${prefix}`, '--transfers', '16', '--s3-chunk-size', '16M', '--s3-upload-concurrency', '8'], env);
}
