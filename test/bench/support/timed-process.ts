import { spawn } from 'node:child_process';

/** One run of an outside tool: wall time, its peak memory, and what it printed. */
export interface ProcessRun {
  ms: number;
  maxRssKb: number;
  stdout: string;
  exitCode: number;
}

/** GNU time's verbose report is how we read a child's peak RSS (Debian package `time`). */
export const gnuTime = '/usr/bin/time';

/**
 * Runs `command` under `/usr/bin/time -v` and measures wall time around the whole process, as
 * a user waiting for the tool would. Rejects when the tool fails, with its own error text.
 */
export function runTimed(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 300_000): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(gnuTime, ['-v', command, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      const stderr = Buffer.concat(err).toString('utf8');
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      if (code !== 0) {
        reject(new Error(`${command} exited with ${code}: ${stderr.split('\n').slice(0, 5).join(' | ')}`));
        return;
      }
      resolve({ ms, maxRssKb: rss ? Number(rss[1]) : Number.NaN, stdout: Buffer.concat(out).toString('utf8'), exitCode: code });
    });
  });
}

/** Runs a Node script (through tsx) and parses the JSON line it prints last. */
export function runNodeJson<T>(script: string, arg: unknown, timeoutMs = 600_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(arg)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const lines = Buffer.concat(out).toString('utf8').trim().split('\n');
      if (code !== 0) {
        reject(new Error(`${script} exited with ${code}: ${Buffer.concat(err).toString('utf8').slice(0, 500)}`));
        return;
      }
      resolve(JSON.parse(lines.at(-1) ?? 'null') as T);
    });
  });
}
