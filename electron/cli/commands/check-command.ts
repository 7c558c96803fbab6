/** `recap check <path>… [--json]`: the pre-publish check, for people and for CI. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkPaths, type CheckReport } from '../../services/check/check-paths';
import { defaultStateDir } from '../../services/settings/state-dir';
import { EXIT_OK, EXIT_REFUSED, UsageError } from '../io';
import type { Command } from './registry';

export const checkCommand: Command = {
  synopsis: 'check <path>… [--json] [--no-cache]',
  summary: 'pre-publish check of posts or whole sites',
  help: `Usage: recap check <path>… [--json] [--no-cache]

Checks posts (files) or every post of a site (folders) before publishing:
empty links, missing images and alt text, http URLs where https works,
repeated scripts, unsafe HTML, garbled characters (mojibake), front matter
that does not parse or does not fit the site, file names whose date differs
from the post's, and embeds that cannot load.

Output: one line a problem, like a compiler:
  path:line:column  severity  message  rule

Options:
  --json     print {"files":[{"path","problems":[{"rule","severity","line","column","message"}]}],"errors":N,"warnings":N}
             (paths relative to the site root for folders, as given for files)
  --no-cache check every post afresh and keep nothing (by default an unchanged
             post's problems come from the cache in Recap's state folder)
  --help     show this help

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad usage or unreadable input.`,

  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { json: { type: 'boolean', default: false }, 'no-cache': { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length === 0) throw new UsageError('recap check needs at least one file or folder.');
    const report = await checkPaths(positionals, { cwd: io.cwd, stateDir: defaultStateDir(io.env), cache: !values['no-cache'] });
    io.out(values.json ? toJson(report) + '\n' : toText(report, io.cwd));
    return report.errors > 0 ? EXIT_REFUSED : EXIT_OK;
  },
};

function toJson(report: CheckReport): string {
  return JSON.stringify({
    files: report.files.map((file) => ({
      path: file.path,
      problems: file.problems.map(({ rule, severity, line, column, message }) => ({ rule, severity, line, column, message })),
    })),
    errors: report.errors,
    warnings: report.warnings,
  });
}

function toText(report: CheckReport, cwd: string): string {
  const lines: string[] = [];
  for (const file of report.files) {
    // Relative to where the command ran, so terminals and editors can open `path:line:column`.
    const shown = path.isAbsolute(file.path) ? file.path : path.relative(cwd, file.absolutePath) || file.path;
    for (const p of file.problems) lines.push(`${shown}:${p.line}:${p.column}  ${p.severity}  ${p.message}  ${p.rule}`);
  }
  const withProblems = report.files.filter((f) => f.problems.length > 0).length;
  const posts = `${report.files.length} post${report.files.length === 1 ? '' : 's'}`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary =
    report.errors + report.warnings + report.infos === 0
      ? `No problems in ${posts}.`
      : `${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}${report.infos ? `, ${report.infos} info` : ''} in ${withProblems} of ${posts}.`;
  return (lines.length ? lines.join('\n') + '\n\n' : '') + summary + '\n';
}
