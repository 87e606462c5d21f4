// The state file is how a gateway started in one process (CLI `start`, a
// Vitest/Playwright global setup) is found by others (test workers, `stop`,
// the demo script). It holds the GatewayHandle as JSON.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type GatewayHandle, gatewayProblem, startGateway, stopGateway } from './ceph-gateway';

/** Repo root, from this file's location (src/main/local-gateway/), not from the cwd. */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** RGW_STATE_FILE if set, else <repo>/.rgw/state.json. */
export function stateFilePath(): string {
  const fromEnv = process.env.RGW_STATE_FILE;
  return fromEnv ? resolve(fromEnv) : resolve(REPO_ROOT, '.rgw', 'state.json');
}

export function readState(file = stateFilePath()): GatewayHandle | undefined {
  if (!existsSync(file)) return undefined;
  const h = JSON.parse(readFileSync(file, 'utf8')) as Partial<GatewayHandle>;
  if (typeof h.endpoint !== 'string' || typeof h.dataDir !== 'string' || !Array.isArray(h.pids)) {
    throw new Error(`${file} is not a gateway state file`);
  }
  return h as GatewayHandle;
}

export function writeState(handle: GatewayHandle, file = stateFilePath()): void {
  mkdirSync(dirname(file), { recursive: true });
  // Write-then-rename so a reader never sees half a file.
  writeFileSync(`${file}.tmp`, JSON.stringify(handle, null, 2) + '\n');
  renameSync(`${file}.tmp`, file);
}

export function removeState(file = stateFilePath()): void {
  rmSync(file, { force: true });
}

export interface Acquired {
  handle: GatewayHandle;
  stateFile: string;
  /** True if this call started the gateway (so the caller should stop it). */
  started: boolean;
}

/**
 * Reuses the gateway in the state file if it is alive and healthy; otherwise
 * cleans up whatever is left of it and starts a fresh one, recording it in
 * the state file. Shared by the CLI and the Vitest/Playwright setups.
 */
export async function acquireGateway(file = stateFilePath(), log: (msg: string) => void = () => {}): Promise<Acquired> {
  const unlock = await lockStateFile(file);
  try {
    return await acquireLocked(file, log);
  } finally {
    unlock();
  }
}

async function acquireLocked(file: string, log: (msg: string) => void): Promise<Acquired> {
  const existing = readState(file);
  if (existing) {
    const problem = await gatewayProblem(existing);
    if (!problem) return { handle: existing, stateFile: file, started: false };
    log(`gateway in ${file} is unusable (${problem}); replacing it`);
    await stopGateway(existing);
    removeState(file);
  }
  const t0 = performance.now();
  const handle = await startGateway();
  log(`gateway started at ${handle.endpoint} in ${Math.round(performance.now() - t0)} ms (data ${handle.dataDir})`);
  writeState(handle, file);
  return { handle, stateFile: file, started: true };
}

/** Stops the gateway and forgets it, but only if `acquired` started it. */
export async function releaseGateway(acquired: Acquired): Promise<void> {
  if (!acquired.started) return;
  await stopGateway(acquired.handle);
  // Another run may have replaced the file meanwhile; only remove our own.
  if (readState(acquired.stateFile)?.dataDir === acquired.handle.dataDir) removeState(acquired.stateFile);
}

/**
 * Serialises acquireGateway across processes (say Vitest and Playwright
 * started together), so they share one gateway instead of both starting one
 * and orphaning the first. The lock file holds the owner's pid; a lock whose
 * owner is dead is stale and taken over.
 */
async function lockStateFile(file: string, timeoutMs = 120_000): Promise<() => void> {
  const lock = `${file}.lock`;
  mkdirSync(dirname(file), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => rmSync(lock, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let owner: number;
    let ageMs: number;
    try {
      owner = Number(readFileSync(lock, 'utf8'));
      ageMs = Date.now() - statSync(lock).mtimeMs;
    } catch {
      continue; // released meanwhile
    }
    // An empty file is a lock being written right now, unless it is old.
    if (owner ? !pidAlive(owner) : ageMs > 5_000) {
      rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${lock} held by pid ${owner} for over ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
