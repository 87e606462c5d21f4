// A single-node Ceph RADOS Gateway (Ceph 16.2, memstore OSD) on loopback for
// integration/e2e tests and the demo. See /work/shared/TESTBED.md for why the
// ballast object and the store health check exist.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CreateBucketCommand, HeadObjectCommand, ListBucketsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { adminSocketCommand } from './admin-socket';
import { type ConfParams, monAddrs, renderCephConf } from './ceph-conf';
import { type Daemon, isOurProcess, missingBinaries, run, spawnDaemon, terminate, waitFor } from './proc';
import { makeS3Client } from './s3-client';

export interface GatewayHandle {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  dataDir: string;
  /** Daemon pids in start order: mon, OSD, radosgw (stopped in reverse). */
  pids: number[];
}

export interface StoreHealth {
  ok: boolean;
  /** memstore's used-bytes counter went below zero and wrapped: the OSD will stall writes. */
  wrapped: boolean;
  statBytes: number;
  statBytesUsed: number;
  problem?: string;
}

export const gatewayBinaries = ['ceph', 'ceph-mon', 'ceph-osd', 'radosgw', 'radosgw-admin', 'monmaptool'];
const REGION = 'us-east-1';
// Fixed, obviously fake keys: the bed only listens on loopback.
const TEST_USER = { uid: 'bucket-admin-test', accessKeyId: 'BUCKETADMINTESTKEY01', secret: 'bucket-admin-test-secret-0000000000000000' };
// The ballast lives under its own user so it never shows up in the test
// user's ListBuckets, and in its own bucket so test cleanup never touches it.
const BALLAST = {
  uid: 'testbed-ballast',
  accessKeyId: 'TESTBEDBALLASTKEY001',
  secret: 'testbed-ballast-secret-00000000000000000',
  bucket: 'testbed-ballast',
  key: 'ballast.bin',
  bytes: 40 << 20,
};
// Normal start is ~2 s; this only bounds a daemon that hangs without exiting.
const START_TIMEOUT_MS = 30_000;

const confPath = (dataDir: string): string => join(dataDir, 'ceph.conf');
const asok = (dataDir: string, name: string): string => join(dataDir, 'run', `${name}.asok`);

/**
 * Starts mon, OSD and radosgw; resolves once a SigV4-signed ListBuckets
 * succeeds and the ballast object is stored. With `dataDir` of a bed stopped
 * via `stopGateway(h, { keepData: true })`, restarts it with its data.
 */
export async function startGateway(opts: { dataDir?: string; port?: number } = {}): Promise<GatewayHandle> {
  const missing = missingBinaries(gatewayBinaries);
  if (missing.length > 0) {
    throw new Error(
      `Ceph binaries missing (${missing.join(', ')}): run \`bash scripts/preflight.sh gateway\` (it installs them with apt where it can, or prints the command)`,
    );
  }
  const dataDir = opts.dataDir ? resolve(opts.dataDir) : await mkdtemp(join(tmpdir(), 'rgw-'));
  // Unix socket paths are limited to 107 bytes; fail clearly rather than deep in Ceph.
  if (asok(dataDir, 'client.rgw').length > 100) throw new Error(`dataDir path too long for admin sockets: ${dataDir}`);
  const metaFile = join(dataDir, 'gateway.json');
  const previous = existsSync(metaFile) ? (JSON.parse(await readFile(metaFile, 'utf8')) as ConfParams) : undefined;
  const params: ConfParams = previous
    ? { ...previous, dataDir, rgwPort: opts.port ?? previous.rgwPort }
    : { fsid: randomUUID(), dataDir, monV2Port: await freePort(), monV1Port: await freePort(), rgwPort: opts.port ?? (await freePort()) };
  for (const port of [params.monV2Port, params.monV1Port, params.rgwPort]) await assertPortFree(port);

  for (const sub of ['run', 'log', 'mon', 'osd', 'rgw']) await mkdir(join(dataDir, sub), { recursive: true });
  const conf = confPath(dataDir);
  await writeFile(conf, renderCephConf(params));
  const c = ['-c', conf];
  const log = (name: string, ext: string): string => join(dataDir, 'log', `${name}.${ext}`);
  const daemon = (name: string, cmd: string, args: string[]): Daemon =>
    spawnDaemon(name, cmd, [...c, ...args, '-f'], log(name, 'log'), log(name, 'out'));
  const daemons: Daemon[] = [];
  // RGW_DEBUG=1 prints how long each start-up phase took.
  const t0 = performance.now();
  const phase = (what: string): void => {
    if (process.env.RGW_DEBUG) console.error(`[rgw] ${Math.round(performance.now() - t0)} ms: ${what}`);
  };

  try {
    if (!previous) {
      await run('monmaptool', ['--create', '--clobber', '--fsid', params.fsid, '--addv', 'a', monAddrs(params), join(dataDir, 'monmap')]);
      await run('ceph-mon', [...c, '--mkfs', '-i', 'a', '--monmap', join(dataDir, 'monmap')]);
    }
    const mon = daemon('mon.a', 'ceph-mon', ['-i', 'a']);
    daemons.push(mon);
    // The mon's admin socket answers before it has quorum; "leader" means ready.
    await waitFor(
      'ceph-mon to become leader',
      async () => ((await statusOf(dataDir, 'mon.a', 'mon_status')) === 'leader' ? true : undefined),
      {
        timeoutMs: START_TIMEOUT_MS,
        watch: [mon],
      },
    );
    phase('mon leader');

    if (!previous) {
      const osdUuid = randomUUID();
      await run('ceph', [...c, '--connect-timeout', '15', 'osd', 'new', osdUuid]);
      await run('ceph-osd', [...c, '-i', '0', '--mkfs', '--osd-uuid', osdUuid]);
    }
    const osd = daemon('osd.0', 'ceph-osd', ['-i', '0']);
    daemons.push(osd);
    // "active" = booted and marked up in the osdmap (num_up_osds: 1).
    await waitFor('ceph-osd to come up', async () => ((await statusOf(dataDir, 'osd.0', 'status')) === 'active' ? true : undefined), {
      timeoutMs: START_TIMEOUT_MS,
      watch: [mon, osd],
    });
    phase('osd up');

    const rgw = daemon('client.rgw', 'radosgw', ['-n', 'client.rgw']);
    daemons.push(rgw);
    const endpoint = `http://127.0.0.1:${params.rgwPort}`;
    // radosgw creates its pools before binding the port, so any HTTP answer means up.
    await waitFor(
      'radosgw to listen',
      async () => ((await fetch(`${endpoint}/`, { signal: AbortSignal.timeout(2_000) })).status > 0 ? true : undefined),
      {
        timeoutMs: START_TIMEOUT_MS,
        watch: [mon, osd, rgw],
      },
    );
    phase('radosgw listening');

    if (!previous) {
      for (const u of [TEST_USER, BALLAST]) {
        await run('radosgw-admin', [
          ...c,
          'user',
          'create',
          `--uid=${u.uid}`,
          `--display-name=${u.uid}`,
          `--access-key=${u.accessKeyId}`,
          `--secret-key=${u.secret}`,
        ]);
      }
    }
    phase('users created');
    const handle: GatewayHandle = {
      endpoint,
      region: REGION,
      accessKeyId: TEST_USER.accessKeyId,
      secretAccessKey: TEST_USER.secret,
      dataDir,
      pids: daemons.map((d) => d.pid),
    };
    const client = makeS3Client(handle, { timeoutMs: 5_000, maxAttempts: 1 });
    try {
      await waitFor('a signed ListBuckets to succeed', async () => (await client.send(new ListBucketsCommand({})), true), {
        timeoutMs: START_TIMEOUT_MS,
        watch: daemons,
      });
    } finally {
      client.destroy();
    }
    phase('signed request ok');
    await ensureBallast(endpoint);
    phase('ballast stored');
    // Written last: its presence means "fully initialised, restartable".
    await writeFile(metaFile, JSON.stringify(params, null, 2));
    return handle;
  } catch (err) {
    for (const d of [...daemons].reverse()) await terminate(d.pid, conf, 5_000);
    const note = `\n(data dir kept for inspection: ${dataDir})`;
    throw err instanceof Error ? Object.assign(err, { message: err.message + note }) : new Error(String(err) + note);
  }
}

/** Stops radosgw, then the OSD, then the mon; removes the data dir unless keepData. */
export async function stopGateway(handle: GatewayHandle, opts: { keepData?: boolean } = {}): Promise<void> {
  const conf = confPath(handle.dataDir);
  // Only pids whose command line names this bed's ceph.conf are signalled.
  for (const pid of [...handle.pids].reverse()) await terminate(pid, conf);
  if (!opts.keepData) await rm(handle.dataDir, { recursive: true, force: true });
}

/**
 * Fresh bed (empty store) on the same S3 port, so the endpoint in handles and
 * state files stays valid: the cure for a wrapped store counter (TESTBED.md).
 */
export async function restartGateway(handle: GatewayHandle): Promise<GatewayHandle> {
  await stopGateway(handle);
  return startGateway({ port: Number(new URL(handle.endpoint).port) });
}

/** Reads the OSD's perf counters; used > total means the memstore counter wrapped (restart the bed). */
export async function checkStoreHealth(handle: GatewayHandle): Promise<StoreHealth> {
  try {
    const dump = (await adminSocketCommand(asok(handle.dataDir, 'osd.0'), 'perf dump')) as {
      osd?: { stat_bytes?: number; stat_bytes_used?: number };
    };
    const statBytes = dump.osd?.stat_bytes ?? 0;
    const statBytesUsed = dump.osd?.stat_bytes_used ?? 0;
    const wrapped = statBytesUsed > statBytes;
    // Ceph stops taking writes at its full ratio (0.95 by default) and clients only see timeouts.
    const nearlyFull = !wrapped && statBytes > 0 && statBytesUsed > 0.9 * statBytes;
    const problem = wrapped
      ? `memstore used-bytes counter wrapped (${statBytesUsed} > ${statBytes}); restart the gateway`
      : nearlyFull
        ? `memstore is ${Math.round((100 * statBytesUsed) / statBytes)}% full (writes stall at 95%); restart the gateway`
        : undefined;
    return { ok: !problem, wrapped, statBytes, statBytesUsed, ...(problem ? { problem } : {}) };
  } catch (err) {
    return { ok: false, wrapped: false, statBytes: 0, statBytesUsed: 0, problem: `OSD admin socket: ${(err as Error).message}` };
  }
}

/** Undefined if all daemons run, the store is sane and S3 answers; otherwise what is wrong. */
export async function gatewayProblem(handle: GatewayHandle): Promise<string | undefined> {
  const conf = confPath(handle.dataDir);
  const dead = handle.pids.filter((pid) => !isOurProcess(pid, conf));
  if (dead.length > 0) return `daemon(s) not running: pid ${dead.join(', ')}`;
  const store = await checkStoreHealth(handle);
  if (!store.ok) return store.problem;
  const client = makeS3Client(handle, { timeoutMs: 5_000, maxAttempts: 1 });
  try {
    await client.send(new ListBucketsCommand({}));
    return undefined;
  } catch (err) {
    return `ListBuckets failed: ${(err as Error).message}`;
  } finally {
    client.destroy();
  }
}

/** Keeps memstore far from empty so its used-bytes counter cannot wrap (TESTBED.md). */
async function ensureBallast(endpoint: string): Promise<void> {
  const client = makeS3Client({ endpoint, region: REGION, accessKeyId: BALLAST.accessKeyId, secretAccessKey: BALLAST.secret });
  try {
    try {
      await client.send(new HeadObjectCommand({ Bucket: BALLAST.bucket, Key: BALLAST.key }));
      return; // restart of a kept bed: still there
    } catch {
      /* not there yet */
    }
    await client.send(new CreateBucketCommand({ Bucket: BALLAST.bucket })).catch((err: unknown) => {
      if ((err as Error).name !== 'BucketAlreadyOwnedByYou') throw err;
    });
    await client.send(
      new PutObjectCommand({
        Bucket: BALLAST.bucket,
        Key: BALLAST.key,
        Body: Buffer.alloc(BALLAST.bytes, 0x5a),
        ContentLength: BALLAST.bytes,
      }),
    );
  } finally {
    client.destroy();
  }
}

async function statusOf(dataDir: string, name: string, command: string): Promise<string | undefined> {
  return ((await adminSocketCommand(asok(dataDir, name), command, 2_000)) as { state?: string }).state;
}

/** A port the OS just handed out on 127.0.0.1 (ephemeral range, so it won't clash with the OSD's 6800+). */
function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? res(addr.port) : rej(new Error('no port'))));
    });
  });
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', (err) => rej(new Error(`port ${port} on 127.0.0.1 is not free (${(err as NodeJS.ErrnoException).code})`)));
    srv.listen(port, '127.0.0.1', () => srv.close(() => res()));
  });
}
