import { spawn } from 'node:child_process';

/** One timed client process: wall time around the whole process, its CPU and peak memory (GNU time). */
export interface TimedRun {
  ms: number;
  maxRssKb: number;
  cpuUserS: number;
  cpuSysS: number;
  stdout: string;
}

/** GNU time's verbose report is how we read a child's peak RSS and CPU (Debian package `time`). */
export const gnuTime = '/usr/bin/time';

/** What a finished child left behind. */
interface Finished {
  code: number | null;
  ms: number;
  stdout: string;
  stderr: string;
}

/** Spawns a child, collects its output and kills it after `timeoutMs`; `ms` is wall time around the whole process. */
function collect(command: string, args: string[], env: NodeJS.ProcessEnv | undefined, timeoutMs: number): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { ...(env ? { env } : {}), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        ms: performance.now() - started,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/**
 * Runs `command` under `/usr/bin/time -v` and measures wall time around the whole process, as
 * a user waiting for the tool would. Rejects when the tool fails, with its own error text.
 */
export async function runTimed(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 300_000): Promise<TimedRun> {
  const { code, ms, stdout, stderr } = await collect(gnuTime, ['-v', command, ...args], env, timeoutMs);
  if (code !== 0) {
    // GNU time's report lines are indented; the tool's own words are not.
    throw new Error(
      `${command} exited with ${code}: ${stderr
        .split('\n')
        .filter((l) => !/^\s/.test(l))
        .slice(0, 6)
        .join(' | ')}`,
    );
  }
  const field = (label: string) => Number(new RegExp(`${label}: ([\\d.]+)`).exec(stderr)?.[1] ?? Number.NaN);
  return {
    ms,
    maxRssKb: field('Maximum resident set size \\(kbytes\\)'),
    cpuUserS: field('User time \\(seconds\\)'),
    cpuSysS: field('System time \\(seconds\\)'),
    stdout,
  };
}

/** The JSON object a bench child prints as its last line. */
export function lastJsonLine<T>(stdout: string): T {
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? 'null') as T;
}

/** Runs a Node script (through tsx) and parses the JSON line it prints last. */
export async function runNodeJson<T>(script: string, arg: unknown, timeoutMs = 600_000): Promise<T> {
  const { code, stdout, stderr } = await collect(process.execPath, ['--import', 'tsx', script, JSON.stringify(arg)], undefined, timeoutMs);
  if (code !== 0) throw new Error(`${script} exited with ${code}: ${stderr.slice(0, 500)}`);
  return lastJsonLine<T>(stdout);
}
