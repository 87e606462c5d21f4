import { join } from 'node:path';
import type { GatewayHandle } from './ceph-gateway';
import { run } from './proc';

export interface UserCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Another S3 user on the bed (created on first use), for tests of what a stranger may not do:
 * it owns nothing, so the test user's buckets answer it with AccessDenied.
 */
export async function ensureUser(handle: GatewayHandle, uid: string): Promise<UserCredentials> {
  if (!/^[a-z0-9-]{3,32}$/.test(uid)) throw new Error(`ensureUser: unusable uid ${uid}`);
  const creds = {
    accessKeyId: `${uid.toUpperCase().replace(/-/g, '')}KEY`.slice(0, 20),
    secretAccessKey: `${uid}-secret-${'0'.repeat(24)}`,
  };
  const conf = ['-c', join(handle.dataDir, 'ceph.conf')];
  try {
    await run('radosgw-admin', [...conf, 'user', 'info', `--uid=${uid}`], 15_000);
  } catch {
    await run(
      'radosgw-admin',
      [
        ...conf,
        'user',
        'create',
        `--uid=${uid}`,
        `--display-name=${uid}`,
        `--access-key=${creds.accessKeyId}`,
        `--secret-key=${creds.secretAccessKey}`,
      ],
      15_000,
    );
  }
  return creds;
}
