import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { exceptionsFileSchema, highestTolerated, judgeFindings, type Exception, type Verdict } from './electronegativity-policy';
import { scanWithElectronegativity, type Finding } from './electronegativity-scan';

/** Where the check looks, relative to the project root. */
export interface CheckLayout {
  /** The folder scanned. */
  input: string;
  /** The reviewed exceptions (JSON, see exceptionsFileSchema). */
  exceptionsFile: string;
}

export const defaultLayout: CheckLayout = { input: 'src', exceptionsFile: 'resources/electronegativity-exceptions.json' };

/** The whole outcome, as lines to print and whether the run passes. */
export interface CheckReport {
  ok: boolean;
  lines: string[];
  verdict?: Verdict;
}

/** Electron's exact version from package.json: the scan judges defaults by it (it cannot detect it from src/). */
function electronVersion(projectDir: string): string {
  const manifest = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
  const version = manifest.devDependencies?.electron?.replace(/^[\^~=v]+/, '');
  if (version === undefined || !/^\d+\.\d+\.\d+/.test(version)) {
    throw new Error('package.json has no exact devDependencies.electron version; Electronegativity needs it to judge Electron’s defaults.');
  }
  return version;
}

/** Files carrying an `eng-disable` comment, which would make Electronegativity drop findings silently. */
function inlineSuppressions(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (/eng-disable/i.test(readFileSync(path, 'utf8'))) found.push(path);
  }
  return found;
}

function loadExceptions(projectDir: string, file: string): Exception[] {
  const parsed = exceptionsFileSchema.safeParse(JSON.parse(readFileSync(join(projectDir, file), 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a valid exceptions file: ${parsed.error.message}`);
  for (const exception of parsed.data.exceptions) {
    for (const evidence of exception.evidence) {
      if (!existsSync(join(projectDir, evidence)))
        throw new Error(`${file}: the evidence ${evidence} for ${exception.check} does not exist.`);
    }
  }
  return parsed.data.exceptions;
}

const describe = (f: Finding): string =>
  `${f.check} ${f.severity}/${f.confidence}${f.reviewRequired ? ' (review required)' : ''} at ${f.file}:${f.line}: ${f.code}`;

/**
 * Runs Electronegativity over the project's sources and applies the policy: no finding above
 * LOW unless a reviewed exception names it, no stale exceptions, no inline suppressions, and a
 * scan that parsed every file.
 */
export async function runElectronegativityCheck(projectDir: string, layout: CheckLayout = defaultLayout): Promise<CheckReport> {
  const lines: string[] = [];
  const inputDir = join(projectDir, layout.input);
  const suppressed = inlineSuppressions(inputDir);
  if (suppressed.length > 0) {
    return {
      ok: false,
      lines: suppressed.map(
        (path) =>
          `FAIL ${relative(projectDir, path)} has an eng-disable comment: record the exception in ${layout.exceptionsFile} with its reason instead.`,
      ),
    };
  }
  const exceptions = loadExceptions(projectDir, layout.exceptionsFile);
  const scan = await scanWithElectronegativity(inputDir, electronVersion(projectDir));
  let ok = true;
  if (scan.atomicChecks === 0 || scan.globalChecks === 0) {
    lines.push(
      `FAIL Electronegativity loaded ${scan.atomicChecks} atomic and ${scan.globalChecks} global checks: the scan did not really run.`,
    );
    ok = false;
  }
  for (const error of scan.parseErrors) {
    if (error.tolerable) lines.push(`warn ${relative(projectDir, error.file)}: ${error.message}`);
    else {
      lines.push(`FAIL ${relative(projectDir, error.file)} could not be parsed, so it was not checked: ${error.message}`);
      ok = false;
    }
  }
  // Global checks (a missing CSP, no navigation limits…) concern the whole folder: Electronegativity says "N/A".
  const findings = scan.findings.map((f) => ({ ...f, file: f.file === 'N/A' ? layout.input : join(layout.input, f.file) }));
  const verdict = judgeFindings(findings, exceptions);
  for (const { finding, exception } of verdict.excused)
    lines.push(`ok   excepted ${describe(finding)}\n       reviewed: ${exception.reason}`);
  for (const finding of verdict.noted) lines.push(`note ${describe(finding)}`);
  for (const finding of verdict.failures) lines.push(`FAIL ${describe(finding)}\n       ${finding.description} ${finding.url}`);
  for (const stale of verdict.staleExceptions) {
    lines.push(`FAIL ${layout.exceptionsFile}: ${stale.check} on ${stale.file} ("${stale.code}") matches no finding any more; delete it.`);
  }
  ok &&= verdict.failures.length === 0 && verdict.staleExceptions.length === 0;
  lines.push(
    `${ok ? 'ok' : 'FAIL'}: Electronegativity ran ${scan.atomicChecks + scan.globalChecks} checks over ${layout.input}/: ` +
      `${verdict.failures.length} unexcused above ${highestTolerated}, ${verdict.excused.length} excepted, ${verdict.noted.length} at LOW or below.`,
  );
  return { ok, lines, verdict };
}
