/** `recap get <file> [<key>] [--json]`: the front matter of a post, or one field of it. */
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { RecapError } from '../../../shared/errors';
import { getAt } from '../../../shared/front-matter/field-path';
import type { FrontMatterValue } from '../../../shared/model';
import { locatePostFile, readPostFields } from '../../services/front-matter/edit-post-file';
import { EXIT_OK, UsageError, resolveFrom } from '../io';
import type { Command } from './registry';
import { fieldPath } from './field-argument';

export const getCommand: Command = {
  synopsis: 'get <file> [<key>] [--json]',
  summary: 'print the front matter of a post, or one field',
  help: `Usage: recap get <file> [<key>] [--json]

Prints the front matter of a post (YAML, TOML or JSON front matter) as YAML,
or with <key> only that field's value: text as it is, lists and maps as YAML.
A key inside a table is written with dots: extra.team.

Options:
  --json     print JSON instead (the whole front matter, or the field's value)
  --help     show this help

Exit codes: 0 printed, 1 the post has no such field, 2 bad usage or a post
that cannot be read (its front matter is broken: the error names the line).`,

  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
    if (positionals.length < 1 || positionals.length > 2) throw new UsageError('recap get needs a file and at most one key.');
    const file = await locatePostFile(resolveFrom(io, positionals[0]!));
    const { data } = await readPostFields(file);
    if (positionals.length === 1) {
      io.out(values.json ? JSON.stringify(data, null, 2) + '\n' : Object.keys(data).length === 0 ? '' : stringify(data, { lineWidth: 0 }));
      return EXIT_OK;
    }
    const key = positionals[1]!;
    const value = getAt(data, fieldPath(data, key));
    if (value === undefined) throw new RecapError('refused', `${file.relative} has no field "${key}".`);
    io.out(values.json ? JSON.stringify(value) + '\n' : formatValue(value));
    return EXIT_OK;
  },
};

function formatValue(value: FrontMatterValue): string {
  if (value === null) return '\n';
  if (typeof value === 'object') return stringify(value, { lineWidth: 0 });
  const text = String(value);
  return text.endsWith('\n') ? text : text + '\n';
}
