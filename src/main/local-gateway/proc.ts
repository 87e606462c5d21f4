// Process plumbing for the Ceph test bed: run CLI tools, spawn daemons that
// outlive the Node process that started them, poll for readiness, and stop
// them again without ever signalling a process that is not ours.
import { spawn, execFile } from 'node:child_process';
import { accessSync, constants, closeSync, existsSync, openSync, readFileSync, renameSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Names from `names` that are not executable anywhere on PATH. */
export function missingBinaries(names: string[]): string[] {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  // Debian puts the daemons in /usr/bin, but a non-root PATH may lack /usr/sbin.
  dirs.push('/usr/bin', '/usr/sbin', '/usr/local/bin');
  return names.filter(
    (name) =>
      !dirs.some((dir) => {
        try {
          accessSync(join(dir, name), constants.X_OK);
          return true;
        } catch {
          return false;
        }
      }),
  );
}

/**
 * Environment for Ceph tools and daemons: CEPH_ARGS / CEPH_CONF from a
 * developer's shell (pointing at a real cluster, say) would override our conf.
 */
function cephEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.CEPH_ARGS;
  delete env.CEPH_CONF;
  return env;
}

/** Runs a short-lived tool; rejects with its stderr so failures explain themselves. */
export function run(cmd: string, args: string[], timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 16 << 20, env: cephEnv() }, (err, stdout, stderr) => {
      if (err) {
        const why = err.killed ? `timed out after ${timeoutMs} ms` : `exit ${String(err.code)}`;
        reject(new Error(`${cmd} ${args.join(' ')} failed (${why}):\n${stderr || stdout}`.trim()));
      } else {
        resolve(stdout);
      }
    });
  });
}

export interface Daemon {
  pid: number;
  name: string;
  /** Where the daemon's own log goes (log_file in ceph.conf). */
  logFile: string;
  /** stdout/stderr of the process: early start-up errors land here, not in logFile. */
  outFile: string;
  /** Set once the process has exited (only observable while our Node process lives). */
  exited: { code: number | null; signal: string | null } | null;
}

/**
 * Starts a foreground (`-f`) daemon in its own session with output to a file,
 * so it survives our process exiting (CLI `start`, Playwright/Vitest setup).
 */
export function spawnDaemon(name: string, cmd: string, args: string[], logFile: string, outFile: string): Daemon {
  // Keep one previous generation, so a failure report shows this run's lines only.
  for (const f of [logFile, outFile]) if (existsSync(f)) renameSync(f, `${f}.prev`);
  const fd = openSync(outFile, 'a');
  try {
    const child = spawn(cmd, args, { detached: true, stdio: ['ignore', fd, fd], env: cephEnv() });
    if (child.pid === undefined) throw new Error(`could not spawn ${cmd}`);
    const daemon: Daemon = { pid: child.pid, name, logFile, outFile, exited: null };
    child.on('exit', (code, signal) => (daemon.exited = { code, signal }));
    child.unref();
    return daemon;
  } finally {
    closeSync(fd); // the child holds its own copy
  }
}

/** Last `lines` lines of a file, or a note that it is missing. */
export function logTail(file: string, lines = 25): string {
  try {
    const text = readFileSync(file, 'utf8').trimEnd().split('\n');
    return text.slice(-lines).join('\n');
  } catch {
    return `(no ${file})`;
  }
}

export function daemonFailure(d: Daemon, what: string): Error {
  return new Error(
    `${d.name} (pid ${d.pid}) ${what}.\n--- ${d.outFile} ---\n${logTail(d.outFile, 10)}\n` + `--- ${d.logFile} ---\n${logTail(d.logFile)}`,
  );
}

/**
 * Polls `probe` until it returns a value other than undefined. Fails fast
 * (with log tails) if one of `watch` exits meanwhile, instead of waiting out
 * the whole timeout.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  opts: { timeoutMs: number; intervalMs?: number; watch?: Daemon[] },
): Promise<T> {
  const deadline = Date.now() + opts.timeoutMs;
  let lastError: unknown;
  for (;;) {
    for (const d of opts.watch ?? []) {
      if (d.exited) throw daemonFailure(d, `exited (${d.exited.signal ?? d.exited.code}) while waiting for ${what}`);
    }
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const last = lastError instanceof Error ? ` Last error: ${lastError.message}` : '';
      const d = opts.watch?.at(-1);
      const msg = `timed out after ${opts.timeoutMs} ms waiting for ${what}.${last}`;
      throw d ? daemonFailure(d, msg) : new Error(msg);
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 50));
  }
}

/** True if `pid` is alive and its command line mentions `marker` (guards against pid reuse). */
export function isOurProcess(pid: number, marker: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes(marker)) return false;
    // A zombie still has a cmdline entry only until reaped; treat it as gone.
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** SIGTERM, wait for exit, SIGKILL if it will not go. No-op for processes that are not ours. */
export async function terminate(pid: number, marker: string, graceMs = 15_000): Promise<void> {
  if (!isOurProcess(pid, marker)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (isOurProcess(pid, marker)) {
    if (Date.now() > deadline) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      return;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}
