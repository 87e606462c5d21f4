// What every transfer bench does first: check the peers are installed, then find (or start) the
// local gateway and name the bucket every tool works on with the same keys.
import { existsSync } from 'node:fs';
import type { GatewayHandle } from '../../../src/main/local-gateway/ceph-gateway';
import { acquireGateway } from '../../../src/main/local-gateway/state';
import { awsCli, rcloneBin, type UploadTarget } from './peer-tools';
import { gnuTime } from './timed-process';

/** Stops the bench before any work when a tool it runs is missing, with the packages to install. */
export function requireTools(extra: readonly string[] = []): void {
  for (const bin of [awsCli, rcloneBin, gnuTime, ...extra])
    if (!existsSync(bin)) throw new Error(`${bin} is missing: apt-get install awscli rclone time curl`);
}

/** The running gateway and the target (its endpoint and keys, and `bucket`) every tool is given. */
export async function benchTarget(bucket: string, log: (msg: string) => void): Promise<{ handle: GatewayHandle; target: UploadTarget }> {
  const { handle } = await acquireGateway(undefined, log);
  const { endpoint, region, accessKeyId, secretAccessKey } = handle;
  return { handle, target: { endpoint, region, accessKeyId, secretAccessKey, bucket } };
}
