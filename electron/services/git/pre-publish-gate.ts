/**
 * The pre-publish check as a gate on export: errors stop it unless the
 * author says "Export anyway" (`force`, `--force`). Warnings never do.
 */
import path from 'node:path';
import { RecapError } from '../../../shared/errors';
import { checkPaths } from '../check/check-paths';

export interface CheckError {
  line: number;
  rule: string;
  message: string;
}

/** Returns the error-severity problems of a post (warnings never stop an export). */
export type PrePublishCheck = (siteRoot: string, postPath: string) => Promise<CheckError[]>;

/** The same check as `recap check` and the Problems panel, on the post as saved. */
export const defaultPrePublishCheck: PrePublishCheck = async (siteRoot, postPath) => {
  const report = await checkPaths([path.join(siteRoot, ...postPath.split('/'))]);
  return report.files
    .flatMap((file) => file.problems)
    .filter((problem) => problem.severity === 'error')
    .map(({ line, rule, message }) => ({ line, rule, message }));
};

export async function findCheckErrors(check: PrePublishCheck | null | undefined, siteRoot: string, postPath: string): Promise<CheckError[]> {
  const run = check === undefined ? defaultPrePublishCheck : check;
  return run ? run(siteRoot, postPath) : [];
}

export function refuseOnCheckErrors(postPath: string, errors: readonly CheckError[]): void {
  if (errors.length === 0) return;
  const list = errors.map((e) => `  ${postPath}:${e.line}: ${e.message} (${e.rule})`).join('\n');
  throw new RecapError('refused', `The check found ${errors.length} error${errors.length === 1 ? '' : 's'} in ${postPath}; fix them or export anyway (--force):\n${list}`);
}
