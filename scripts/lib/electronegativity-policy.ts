import { z } from 'zod';
import { severities, type Finding } from './electronegativity-scan';

/**
 * A reviewed exception: one check on one source line, why it is not a weakness, and the tests
 * that prove the reason, so a reviewer can check the claim instead of trusting it.
 */
export const exceptionSchema = z
  .object({
    check: z.string().regex(/^[A-Z0-9_]+$/, 'a check id such as CONTEXT_ISOLATION_JS_CHECK'),
    /** Path from the repository root, e.g. src/main/electron/window-factory.ts. */
    file: z.string().min(1),
    /** The flagged source line, trimmed: a second, different match in the same file is not excused. */
    code: z.string().min(1),
    reason: z.string().min(40, 'a reason a reviewer can verify, not a word'),
    /** Test files (from the repository root) whose assertions back the reason. */
    evidence: z.array(z.string().min(1)).min(1),
  })
  .strict();

export const exceptionsFileSchema = z.object({ $comment: z.string().optional(), exceptions: z.array(exceptionSchema) }).strict();

export type Exception = z.infer<typeof exceptionSchema>;

/** Where each finding ended up. `failures` and `staleExceptions` both fail the check. */
export interface Verdict {
  failures: Finding[];
  excused: Array<{ finding: Finding; exception: Exception }>;
  /** LOW and INFORMATIONAL findings: reported, never failing. */
  noted: Finding[];
  /** Exceptions that match no finding any more: delete them, so the list stays a list of real decisions. */
  staleExceptions: Exception[];
}

/** The highest severity that never fails the check. */
export const highestTolerated = 'LOW';

/**
 * Checks judged as if above LOW whatever severity they carry. Electronegativity 1.10.3 grades a
 * literal `nodeIntegration: true` (without `sandbox: true`) INFORMATIONAL, the lowest level, yet
 * it hands the page Node: the one finding our policy must never let through as a note.
 */
export const alwaysJudged: ReadonlySet<string> = new Set(['NODE_INTEGRATION_JS_CHECK']);

/**
 * Judges findings (with repository-relative files) against the reviewed exceptions. Anything
 * above LOW (and anything from `alwaysJudged`) fails unless excused, whatever Electronegativity's
 * confidence: a TENTATIVE or "Review Required" finding is exactly one that needs a person's
 * decision written down.
 */
export function judgeFindings(findings: readonly Finding[], exceptions: readonly Exception[]): Verdict {
  const verdict: Verdict = { failures: [], excused: [], noted: [], staleExceptions: [] };
  const used = new Set<Exception>();
  const tolerated = severities.indexOf(highestTolerated);
  for (const finding of findings) {
    if (severities.indexOf(finding.severity) <= tolerated && !alwaysJudged.has(finding.check)) {
      verdict.noted.push(finding);
      continue;
    }
    const exception = exceptions.find((e) => e.check === finding.check && e.file === finding.file && e.code === finding.code);
    if (exception === undefined) {
      verdict.failures.push(finding);
      continue;
    }
    used.add(exception);
    verdict.excused.push({ finding, exception });
  }
  verdict.staleExceptions = exceptions.filter((e) => !used.has(e));
  return verdict;
}
