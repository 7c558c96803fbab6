/** `recap set <file> <key>=<yaml value>… [--delete <key>]…`: minimal edits of a post's front matter. */
import { parseArgs } from 'node:util';
import type { FieldEdit } from '../../../shared/front-matter/edit-front-matter';
import { editPostFile, locatePostFile, readPostFields } from '../../services/front-matter/edit-post-file';
import { EXIT_OK, UsageError, resolveFrom } from '../io';
import { fieldPath, parseFieldValue } from './field-argument';
import type { Command } from './registry';

export const setCommand: Command = {
  synopsis: 'set <file> <key>=<value>… [--delete <key>]…',
  summary: 'change front-matter fields; only the changed lines change',
  help: `Usage: recap set <file> <key>=<value>… [--delete <key>]…

Changes fields of a post's front matter (YAML, TOML or JSON) the way a careful
person would: a changed field changes its own line, a new field adds one line,
a deleted field removes only its lines. Comments, key order, quoting, dates
and line endings stay as they are. Setting a field to the value it already
has leaves the file untouched (not even rewritten).

Values are read as YAML: title="Our recap"  draft=true  tags=[kubecon, events]
A key inside a table is written with dots: extra.team=infra

Options:
  --delete <key>   remove a field (may be repeated)
  --help           show this help

Exit codes: 0 done (or nothing to change), 1 refused (the file changed
meanwhile, or the edit needs the source view), 2 bad usage or a post that
cannot be read (broken front matter: the error names the line).`,

  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { delete: { type: 'string', multiple: true } }, allowPositionals: true, strict: true });
    const [target, ...assignments] = positionals;
    const deletions = values.delete ?? [];
    if (target === undefined) throw new UsageError('recap set needs a file.');
    if (assignments.length === 0 && deletions.length === 0) throw new UsageError('recap set needs at least one key=value or --delete key.');
    for (const assignment of assignments) {
      if (!/^[^=]+=/.test(assignment)) throw new UsageError(`"${assignment}" is not key=value.`);
    }
    const file = await locatePostFile(resolveFrom(io, target));
    const { data } = await readPostFields(file);
    const edits: FieldEdit[] = [
      ...assignments.map((assignment): FieldEdit => {
        const at = assignment.indexOf('=');
        return { kind: 'set', key: fieldPath(data, assignment.slice(0, at)), value: parseFieldValue(assignment.slice(at + 1)) };
      }),
      ...deletions.map((key): FieldEdit => ({ kind: 'delete', key: fieldPath(data, key) })),
    ];
    const changed = await editPostFile(file, edits);
    if (!changed) io.err(`recap: ${file.relative} already has these values; nothing written.\n`);
    return EXIT_OK;
  },
};
