import type { GatewayHandle } from '../../src/main/local-gateway/ceph-gateway';
import type { CoreHarness } from './core-harness';

/**
 * Adds a connection to the test gateway as a user would (its keys, path-style addressing,
 * checksum compatibility), reaching it at `endpoint`: the gateway itself, or a proxy in front
 * of it that counts or alters requests. Returns the connection's id.
 */
export async function addGatewayConnection(
  h: CoreHarness,
  gw: Pick<GatewayHandle, 'endpoint' | 'region' | 'accessKeyId' | 'secretAccessKey'>,
  name: string,
  endpoint = gw.endpoint,
): Promise<string> {
  const { id } = await h.value('connections:add', {
    name,
    credentials: { kind: 'keys', accessKeyId: gw.accessKeyId, secretAccessKey: gw.secretAccessKey },
    endpoint,
    region: gw.region,
    forcePathStyle: true,
    checksumCompatibility: true,
  });
  return id;
}
