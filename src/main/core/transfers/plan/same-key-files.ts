import type { PlanProblem } from '../../../../shared/model/transfer';

/**
 * Local files of one upload that would get the same key (two dropped folders of one name that
 * both hold `a.txt`): the first keeps the key, each later one is left out as a problem naming
 * both files and the key, so nothing overwrites another file of the same batch and nothing goes
 * missing without a word. Keys are compared exactly: S3 keys are case-sensitive byte strings.
 */
export function splitSameKeyFiles<F extends { key: string; absPath: string }>(files: readonly F[]): { kept: F[]; problems: PlanProblem[] } {
  const firstByKey = new Map<string, F>();
  const kept: F[] = [];
  const problems: PlanProblem[] = [];
  for (const file of files) {
    const first = firstByKey.get(file.key);
    if (!first) {
      firstByKey.set(file.key, file);
      kept.push(file);
      continue;
    }
    problems.push({
      path: file.absPath,
      code: 'SameKey',
      message: `${file.absPath} and ${first.absPath} would both be uploaded as “${file.key}”, so this one was left out. Upload it on its own afterwards (“Keep both” gives it a numbered name), or rename one of them.`,
    });
  }
  return { kept, problems };
}
