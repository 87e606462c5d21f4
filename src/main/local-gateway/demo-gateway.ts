import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { LocalGatewayPort } from '../core/demo/local-gateway-port';
import { gatewayBinaries } from './ceph-gateway';
import { isOurProcess, missingBinaries } from './proc';
import { acquireGateway, readState, removeState, type Acquired } from './state';

export interface DemoGatewayOptions {
  /** Where the running gateway is recorded (shared with `npm run testbed:start` when it is the same file). */
  stateFile: string;
  /** `scripts/preflight.sh` when running from a checkout; absent in a packaged app. */
  preflightScript?: string;
}

const installCommand = 'sudo apt-get install -y --no-install-recommends ceph-mon ceph-osd radosgw';

/** The demo's local S3 server: the tests' Ceph RADOS Gateway, installed by the same preflight. */
export function createDemoGateway(options: DemoGatewayOptions): LocalGatewayPort {
  let acquired: Acquired | undefined;
  const script = options.preflightScript && existsSync(options.preflightScript) ? options.preflightScript : undefined;
  return {
    check() {
      const missing = missingBinaries(gatewayBinaries);
      if (missing.length === 0) return Promise.resolve({ installed: true, installable: true });
      const installable = script !== undefined && canInstallWithoutPassword();
      return Promise.resolve({
        installed: false,
        installable,
        ...(installable
          ? {}
          : {
              reason: `The demo runs a local S3 server (Ceph's RADOS Gateway), which is not installed (missing: ${missing.join(', ')}). On Debian or Ubuntu run: ${installCommand} — then try the demo again.`,
            }),
      });
    },
    install(onLine) {
      if (!script) return Promise.reject(new Error(`Install the local S3 server first: ${installCommand}`));
      return new Promise((resolve, reject) => {
        const child = spawn('bash', [script, 'gateway'], { stdio: ['ignore', 'pipe', 'pipe'] });
        const tail: string[] = [];
        createInterface({ input: child.stdout }).on('line', onLine);
        createInterface({ input: child.stderr }).on('line', (line) => tail.push(line));
        child.on('error', reject);
        child.on('exit', (code) =>
          code === 0
            ? resolve()
            : reject(new Error(`Installing the local S3 server failed: ${tail.slice(-5).join(' ') || `exit ${code}`}`)),
        );
      });
    },
    async start() {
      acquired = await acquireGateway(options.stateFile);
      const { endpoint, region, accessKeyId, secretAccessKey } = acquired.handle;
      return { endpoint, region, accessKeyId, secretAccessKey };
    },
    stop() {
      if (!acquired?.started) return;
      const { handle, stateFile } = acquired;
      acquired = undefined;
      const marker = `${handle.dataDir}/ceph.conf`;
      // Synchronous: the app may be quitting, so nothing waits for a graceful exit. SIGKILL, not
      // SIGTERM: the bed's data is deleted next, and a Ceph daemon told to stop at the same moment as
      // its monitor can wait on it for longer than the app lives (seen once in CI: an OSD still
      // running 20 s after the app closed). Only processes started with this bed's config are signalled.
      for (const pid of [...handle.pids].reverse()) {
        try {
          if (isOurProcess(pid, marker)) process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      if (readState(stateFile)?.dataDir === handle.dataDir) removeState(stateFile);
      rmSync(handle.dataDir, { recursive: true, force: true });
    },
  };
}

function canInstallWithoutPassword(): boolean {
  if (process.getuid?.() === 0) return true;
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
}
