/** `recap set <file> <key>=<yaml value>… [--delete <key>]…`: minimal edits of a post's front matter. */
import { parseArgs } from 'node:util';
import type { FieldEdit } from '../../../shared/front-matter/edit-front-matter';
import { getAt, type FrontMatterData } from '../../../shared/front-matter/field-path';
import { fieldMismatch } from '../../../shared/front-matter/field-fit';
import { RecapError } from '../../../shared/errors';
import type { SiteSchema } from '../../../shared/front-matter/schema';
import type { SiteKind } from '../../../shared/model';
import { editPostFile, locatePostFile, readPostFields, type PostFile } from '../../services/front-matter/edit-post-file';
import { readSiteFacts } from '../../services/schema/read-site-facts';
import { detectSiteKind } from '../../services/workspace/detect-site';
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
A value that starts like YAML but does not parse ([a, b) is refused with
the column where it breaks; quote it to write text. key=null (or ~) clears a
field: YAML and JSON write a null; TOML has no null, so the key is removed.

Values are checked against what the site's posts use each field for: a list
where the site keeps a list, text where it keeps text, a date the site's
generator can read. A value that does not fit is refused, saying what was
expected, unless --force.

Options:
  --delete <key>   remove a field (may be repeated)
  --force          write values even when they do not fit the site's fields
  --help           show this help

Exit codes: 0 done (or nothing to change), 1 refused (the file changed
meanwhile, or the edit needs the source view), 2 bad usage or a post that
cannot be read (broken front matter: the error names the line).`,

  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { delete: { type: 'string', multiple: true }, force: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
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
        const key = assignment.slice(0, at);
        return { kind: 'set', key: fieldPath(data, key), value: parseFieldValue(assignment.slice(at + 1), key) };
      }),
      ...deletions.map((key): FieldEdit => ({ kind: 'delete', key: fieldPath(data, key) })),
    ];
    if (!values.force) await refuseMisfits(file, data, edits);
    const changed = await editPostFile(file, edits);
    if (!changed) io.err(`recap: ${file.relative} already has these values; nothing written.\n`);
    return EXIT_OK;
  },
};

/** Read once a process (a command edits one site; tests run many commands in one process). */
const fieldsBySite = new Map<string, Promise<{ kind: SiteKind; schema: SiteSchema }>>();

function siteFields(root: string): Promise<{ kind: SiteKind; schema: SiteSchema }> {
  let fields = fieldsBySite.get(root);
  if (!fields) {
    fields = detectSiteKind(root).then(async (kind) => ({ kind, schema: (await readSiteFacts(root, kind)).schema }));
    fieldsBySite.set(root, fields);
  }
  return fields;
}

/** Each top-level value against the site's schema; the first that does not fit is refused before anything is written. */
async function refuseMisfits(file: PostFile, data: FrontMatterData, edits: readonly FieldEdit[]): Promise<void> {
  const sets = edits.filter((edit) => edit.kind === 'set' && (typeof edit.key === 'string' || edit.key.length === 1));
  if (sets.length === 0) return;
  const { kind, schema } = await siteFields(file.root);
  for (const edit of sets) {
    if (edit.kind !== 'set') continue;
    const key = typeof edit.key === 'string' ? edit.key : edit.key[0]!;
    const type = schema.fields.find((field) => field.key === key)?.type ?? (key === 'date' ? 'date' : undefined);
    if (!type) continue;
    const problem = fieldMismatch(key, type, edit.value, getAt(data, [key]), kind);
    if (problem) throw new RecapError('refused', `${file.relative}: ${problem}. Nothing was written; add --force to write it anyway.`);
  }
}
