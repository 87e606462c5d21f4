import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runElectronegativityCheck } from '../../scripts/lib/electronegativity-check';
import { exceptionsFileSchema, judgeFindings, type Exception } from '../../scripts/lib/electronegativity-policy';
import type { Finding } from '../../scripts/lib/electronegativity-scan';

const finding = (over: Partial<Finding>): Finding => ({
  check: 'SANDBOX_JS_CHECK',
  file: 'src/main/electron/window-factory.ts',
  line: 18,
  column: 17,
  code: 'const window = new BrowserWindow({',
  severity: 'MEDIUM',
  confidence: 'FIRM',
  reviewRequired: false,
  description: 'Use sandbox for untrusted origins',
  url: 'https://git.io/JeuM2',
  ...over,
});

const exception: Exception = {
  check: 'SANDBOX_JS_CHECK',
  file: 'src/main/electron/window-factory.ts',
  code: 'const window = new BrowserWindow({',
  reason: 'secureWebPreferences() sets sandbox: true; the check cannot follow the call.',
  evidence: ['test/shell/window-factory.test.ts'],
};

describe('judgeFindings', () => {
  it('fails anything above LOW that no exception names, whatever the confidence', () => {
    const tentative = finding({ check: 'OPEN_EXTERNAL_JS_CHECK', severity: 'MEDIUM', confidence: 'TENTATIVE', reviewRequired: true });
    const high = finding({ check: 'NODE_INTEGRATION_JS_CHECK', severity: 'HIGH' });
    expect(judgeFindings([tentative, high], []).failures).toEqual([tentative, high]);
  });

  it('fails Node integration even when Electronegativity grades it INFORMATIONAL', () => {
    const nodeIntegration = finding({ check: 'NODE_INTEGRATION_JS_CHECK', severity: 'INFORMATIONAL' });
    expect(judgeFindings([nodeIntegration], []).failures).toEqual([nodeIntegration]);
  });

  it('reports LOW and INFORMATIONAL findings without failing', () => {
    const low = finding({ check: 'CSP_GLOBAL_CHECK', severity: 'LOW' });
    const info = finding({ check: 'X', severity: 'INFORMATIONAL' });
    expect(judgeFindings([low, info], [])).toMatchObject({ failures: [], noted: [low, info] });
  });

  it('excuses only the named check, file and source line', () => {
    const excused = finding({});
    const otherFile = finding({ file: 'src/main/electron/other-window.ts' });
    const otherLine = finding({ line: 40, code: 'const popup = new BrowserWindow({ webPreferences: { sandbox: false } });' });
    const otherCheck = finding({ check: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH' });
    const verdict = judgeFindings([excused, otherFile, otherLine, otherCheck], [exception]);
    expect(verdict.excused).toEqual([{ finding: excused, exception }]);
    expect(verdict.failures).toEqual([otherFile, otherLine, otherCheck]);
  });

  it('reports an exception that no longer matches anything', () => {
    expect(judgeFindings([], [exception]).staleExceptions).toEqual([exception]);
  });
});

describe('resources/electronegativity-exceptions.json', () => {
  const file = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/electronegativity-exceptions.json'), 'utf8')) as unknown;

  it('is a valid exceptions file in which every exception cites evidence', () => {
    const parsed = exceptionsFileSchema.parse(file);
    expect(parsed.exceptions.length).toBeGreaterThan(0);
    for (const e of parsed.exceptions) expect(e.evidence.length, e.check).toBeGreaterThan(0);
  });

  it('rejects an exception without a real reason', () => {
    expect(exceptionsFileSchema.safeParse({ exceptions: [{ ...exception, reason: 'false positive' }] }).success).toBe(false);
  });
});

/** A throw-away project: package.json with Electron's version, the given sources, an exceptions file. */
function fixture(sources: Record<string, string>, exceptions: Exception[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-fixture-'));
  fixtures.push(dir);
  mkdirSync(join(dir, 'src'));
  mkdirSync(join(dir, 'resources'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fixture', devDependencies: { electron: '45.4.1' } }));
  for (const [name, text] of Object.entries(sources)) writeFileSync(join(dir, 'src', name), text);
  writeFileSync(join(dir, 'resources/electronegativity-exceptions.json'), JSON.stringify({ exceptions }));
  return dir;
}
const fixtures: string[] = [];
afterAll(() => fixtures.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** What a locked-down app has besides its window: navigation, new-window and permission handlers, a CSP. */
const lockdown = {
  'lockdown.ts':
    "import { app } from 'electron';\n" +
    "app.on('web-contents-created', (_event, contents) => {\n" +
    "  contents.on('will-navigate', (event) => event.preventDefault());\n" +
    "  contents.setWindowOpenHandler(() => ({ action: 'deny' }));\n" +
    '  contents.session.setPermissionRequestHandler((_c, _p, callback) => callback(false));\n' +
    '});\n',
  'index.html':
    '<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; script-src \'self\'"></head><body></body></html>\n',
};

describe('runElectronegativityCheck (the real scanner, offline)', () => {
  it('fails a window with Node integration and no isolation, naming the checks and the line', async () => {
    const dir = fixture({
      ...lockdown,
      'main.ts':
        "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n",
    });
    const report = await runElectronegativityCheck(dir);
    expect(report.ok).toBe(false);
    const failures = report.verdict?.failures ?? [];
    expect(failures.map((f) => f.check).sort()).toEqual([
      'AUXCLICK_JS_CHECK',
      'CONTEXT_ISOLATION_JS_CHECK',
      'NODE_INTEGRATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
    ]);
    expect(failures.every((f) => f.file === 'src/main.ts' && f.line === 2)).toBe(true);
  }, 60_000);

  it('passes the same app once its window is locked down where the scanner can read it', async () => {
    const dir = fixture({
      ...lockdown,
      'main.ts':
        "import { BrowserWindow } from 'electron';\n" +
        "export const w = new BrowserWindow({ webPreferences: { nodeIntegration: false, contextIsolation: true, sandbox: true, disableBlinkFeatures: 'Auxclick' } });\n",
    });
    const report = await runElectronegativityCheck(dir);
    expect(report.verdict?.failures).toEqual([]);
    expect(report.ok).toBe(true);
  }, 60_000);

  it('fails an app with no navigation limits, permission handler or CSP (global checks)', async () => {
    const report = await runElectronegativityCheck(fixture({ 'main.ts': "import { app } from 'electron';\napp.whenReady();\n" }));
    expect(report.verdict?.failures.map((f) => [f.check, f.file])).toEqual(
      expect.arrayContaining([
        ['LIMIT_NAVIGATION_GLOBAL_CHECK', 'src'],
        ['PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'src'],
      ]),
    );
  }, 60_000);

  it('refuses an inline eng-disable comment instead of letting it hide a finding', async () => {
    const dir = fixture({
      'main.ts':
        "// eng-disable NODE_INTEGRATION_JS_CHECK\nimport { BrowserWindow } from 'electron';\nnew BrowserWindow({ webPreferences: { nodeIntegration: true } });\n",
    });
    const report = await runElectronegativityCheck(dir);
    expect(report.ok).toBe(false);
    expect(report.lines.join('\n')).toMatch(/src\/main\.ts has an eng-disable comment/);
  });
});
