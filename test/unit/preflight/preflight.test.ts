import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = join(process.cwd(), 'scripts/preflight.sh');
const everything = ['ceph-mon', 'ceph-osd', 'radosgw', 'ceph', 'radosgw-admin', 'monmaptool', 'curl'];
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

const realTools = ['awk', 'tail', 'env', 'cat', 'touch', 'true', 'chmod', 'printf'];
/** Where this machine keeps the real tools, found once for every simulated machine. */
const realPaths = spawnSync('bash', ['-c', `type -P bash ${realTools.join(' ')}`], { encoding: 'utf8' })
  .stdout.trim()
  .split('\n');

/**
 * A simulated machine: a PATH with only the tools the script needs, plus the fakes given. Every
 * program on it but bash notes its name in `programs.log` when it starts, so a test can tell
 * what the script ran (counting programs, not milliseconds, is what a loaded machine cannot skew).
 */
function machine(options: { uid: number; sudo: 'none' | 'password' | 'works'; present: string[]; chromium: boolean; fonts: boolean }) {
  const root = mkdtempSync(join(tmpdir(), 'preflight-'));
  dirs.push(root);
  const bin = join(root, 'bin');
  mkdirSync(bin);
  const [bash = '/bin/bash', ...tools] = realPaths;
  symlinkSync(bash, join(bin, 'bash'));
  const fake = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!${bash}\necho ${name} >> ${root}/programs.log\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  realTools.forEach((tool, i) => fake(tool, `exec ${tools[i] ?? tool} "$@"`));
  fake('id', `echo ${options.uid}`);
  if (options.sudo === 'password') fake('sudo', 'exit 1');
  if (options.sudo === 'works') fake('sudo', '[ "$1" = -n ] && shift; exec "$@"');
  fake('apt-cache', 'echo "  Candidate: 1.0"');
  // The fake apt-get "installs" by creating the binaries, and records each call.
  fake(
    'apt-get',
    `echo "$*" >> ${root}/apt.log; [ "$1" = install ] && for b in ${everything.join(' ')}; do printf '#!/bin/bash\\n' > ${bin}/$b; chmod +x ${bin}/$b; done; touch ${root}/chromium ${root}/font.ttf; exit 0`,
  );
  for (const b of options.present) fake(b, 'exit 0');
  if (options.chromium) fake('chromium-bin', 'exit 0');
  if (options.fonts) writeFileSync(join(root, 'font.ttf'), '');
  if (options.chromium) writeFileSync(join(root, 'chromium'), '');
  if (options.chromium) chmodSync(join(root, 'chromium'), 0o755);
  const run = (command = `bash ${script}`) =>
    spawnSync(join(bin, 'bash'), ['-c', command], {
      encoding: 'utf8',
      env: {
        PATH: bin,
        HOME: root,
        PREFLIGHT_CHROMIUM: join(root, 'chromium'),
        PREFLIGHT_FONTS: join(root, 'font.ttf'),
        PREFLIGHT_APT: 'apt-get',
      },
    });
  const lines = (file: string) => (existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8').trim().split('\n') : []);
  return {
    root,
    run,
    aptCalls: () => lines('apt.log'),
    /** The programs started so far (bash aside), in order. */
    programs: () => lines('programs.log'),
  };
}

describe('the test preflight', () => {
  it('on a bare machine without root or sudo: stops with the one command to run, before any test', () => {
    const m = machine({ uid: 1000, sudo: 'password', present: [], chromium: false, fonts: false });
    // `npm test` starts with the preflight and runs the tests only after it: mimic that chain.
    const testCommand = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { test: string } }).scripts.test;
    expect(testCommand.startsWith('bash scripts/preflight.sh && ')).toBe(true);
    const out = m.run(`bash ${script} && touch ${m.root}/tests-ran`);
    expect(out.status).toBe(3);
    expect(out.stderr).toContain(
      'sudo apt-get install -y --no-install-recommends ceph-mon ceph-osd radosgw ceph-common curl chromium fonts-liberation',
    );
    expect(out.stderr).toContain('not root and sudo needs a password');
    expect(out.stdout).toContain('Chromium is missing');
    expect(existsSync(join(m.root, 'tests-ran'))).toBe(false);
    expect(m.aptCalls()).toEqual([]);
  });

  it('with no sudo at all says the same', () => {
    const m = machine({ uid: 1000, sudo: 'none', present: everything, chromium: true, fonts: false });
    const out = m.run();
    expect(out.status).toBe(3);
    expect(out.stderr).toContain('sudo apt-get install -y --no-install-recommends fonts-liberation\n');
  });

  it('as root (or with a working sudo) installs what is missing once, a line per step with its time', () => {
    for (const who of [
      { uid: 0, sudo: 'none' as const },
      { uid: 1000, sudo: 'works' as const },
    ]) {
      const m = machine({ ...who, present: ['curl'], chromium: true, fonts: true });
      const first = m.run();
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/preflight: install ceph-mon ceph-osd radosgw ceph-common \(\d+ s\)/);
      expect(first.stdout).toContain('preflight: ready');
      expect(m.aptCalls()).toHaveLength(1);
      // Nothing is installed twice: the second run finds everything and says nothing.
      const second = m.run();
      expect([second.status, second.stdout, second.stderr]).toEqual([0, '', '']);
      expect(m.aptCalls()).toHaveLength(1);
    }
    // Dozens of short-lived programs: a loaded machine may take seconds, which is no failure.
  }, 60_000);

  it('with everything present does nothing, without starting a single program (so well under a second)', () => {
    const m = machine({ uid: 1000, sudo: 'none', present: everything, chromium: true, fonts: true });
    const out = m.run();
    expect([out.status, out.stdout, out.stderr]).toEqual([0, '', '']);
    expect(m.programs()).toEqual([]);
  });

  it('for the demo checks only the gateway', () => {
    const m = machine({ uid: 1000, sudo: 'none', present: everything, chromium: false, fonts: false });
    expect(m.run(`bash ${script} gateway`).status).toBe(0);
  });
});
