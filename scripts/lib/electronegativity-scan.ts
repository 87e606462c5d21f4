/**
 * Runs Doyensec's Electronegativity in this process through its library entry (`dist/runner.js`)
 * and returns its findings as data. The CLI is not used because, offline, it crashes before
 * writing a report: its start-up fetches translations from S3 with `got`, and the retry timer of
 * that failed request throws from p-cancelable ("onCancel handler was attached after the promise
 * settled") while the scan is still running. Here its i18n module is replaced, before the runner
 * loads it, by one that reads the en-US strings shipped in the package, so the scan makes no
 * network request at all; the only other one, AvailableSecurityFixesGlobalCheck, is excluded.
 */
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Electronegativity's severity and confidence levels, lowest first. */
export const severities = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
export const confidences = ['TENTATIVE', 'FIRM', 'CERTAIN'] as const;
export type Severity = (typeof severities)[number];
export type Confidence = (typeof confidences)[number];

/** One finding, with its file relative to the scanned folder. */
export interface Finding {
  check: string;
  file: string;
  line: number;
  column: number;
  /** The source line the check matched, trimmed. */
  code: string;
  severity: Severity;
  confidence: Confidence;
  /** Electronegativity's "*Review Required*": it could not decide from the code alone. */
  reviewRequired: boolean;
  description: string;
  url: string;
}

/** A complete scan: its findings, files it could not parse, and how many checks ran. */
export interface ScanResult {
  findings: Finding[];
  parseErrors: Array<{ file: string; message: string; tolerable: boolean }>;
  atomicChecks: number;
  globalChecks: number;
}

interface RawIssue {
  id: string;
  file: string;
  sample?: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
  manualReview: boolean;
  description: string;
  shortenedURL: string;
}

interface RunnerResult {
  globalChecks: number;
  atomicChecks: number;
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
  issues: RawIssue[];
}

type Runner = (options: {
  input: string;
  excludeFromScan: string[];
  isRelative: boolean;
  electronVersionOverride: string;
}) => Promise<RunnerResult>;

interface I18n {
  configure(options: Record<string, unknown>): void;
  setLocale(locale: string): void;
}

/** Checks that reach the network; excluded so the scan is offline and repeatable. */
export const excludedChecks = ['AvailableSecurityFixesGlobalCheck'];

let runner: Runner | undefined;

function loadRunner(): Runner {
  if (runner) return runner;
  const packageDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const i18nPath = join(packageDir, 'dist/locales/i18n.js');
  const i18n = createRequire(i18nPath)('i18n') as I18n;
  const offlineI18n = new Module(i18nPath);
  offlineI18n.filename = i18nPath;
  offlineI18n.loaded = true;
  // Same configuration as the package's own i18n.js (which registers `__` on global for the
  // checks), minus the download.
  offlineI18n.exports = function offlineTranslations(): Promise<void> {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(i18nPath),
      updateFiles: false,
      objectNotation: true,
      register: global,
    });
    i18n.setLocale('en-US');
    return Promise.resolve();
  };
  require.cache[i18nPath] = offlineI18n;
  runner = require(join(packageDir, 'dist/runner.js')) as Runner;
  return runner;
}

function level<T extends string>(levels: readonly T[], name: string): T {
  const found = levels.find((l) => l === name);
  if (found === undefined)
    throw new Error(`Electronegativity reported an unknown level "${name}"; update scripts/lib/electronegativity-scan.ts.`);
  return found;
}

/** Scans `input` (a folder of sources) as Electron `electronVersion`; throws if the scan cannot run. */
export async function scanWithElectronegativity(input: string, electronVersion: string): Promise<ScanResult> {
  const result = await loadRunner()({ input, excludeFromScan: excludedChecks, isRelative: true, electronVersionOverride: electronVersion });
  return {
    atomicChecks: result.atomicChecks,
    globalChecks: result.globalChecks,
    parseErrors: result.errors,
    findings: result.issues.map((issue) => ({
      check: issue.id,
      file: issue.file,
      line: issue.location.line,
      column: issue.location.column,
      code: (issue.sample ?? '').trim(),
      severity: level(severities, issue.severity.name),
      confidence: level(confidences, issue.confidence.name),
      reviewRequired: issue.manualReview,
      description: issue.description,
      url: issue.shortenedURL,
    })),
  };
}
