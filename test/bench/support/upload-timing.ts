import { spawn } from 'node:child_process';

/** One timed client process: wall time around the whole process, its CPU and peak memory (GNU time). */
export interface TimedRun {
  ms: number;
  maxRssKb: number;
  cpuUserS: number;
  cpuSysS: number;
  stdout: string;
}

export const gnuTime = '/usr/bin/time';

/** Runs `command` under `/usr/bin/time -v`; rejects with the tool's own words when it fails. */
export function timed(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 900_000): Promise<TimedRun> {
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
      const field = (label: string) => Number(new RegExp(`${label}: ([\\d.]+)`).exec(stderr)?.[1] ?? Number.NaN);
      if (code !== 0) {
        reject(new Error(`${command} exited with ${code}: ${stderr.split('\n').filter((l) => !/^\s/.test(l)).slice(0, 6).join(' | ')}`));
        return;
      }
      resolve({
        ms,
        maxRssKb: field('Maximum resident set size \\(kbytes\\)'),
        cpuUserS: field('User time \\(seconds\\)'),
        cpuSysS: field('System time \\(seconds\\)'),
        stdout: Buffer.concat(out).toString('utf8'),
      });
    });
  });
}
