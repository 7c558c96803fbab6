/** `recap new <folder> --title <t> [--date YYYY-MM-DD] [--draft]`: a new post by the site's conventions. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPost } from '../../services/posts/create-post';
import { Workspace } from '../../services/workspace/workspace';
import { EXIT_OK, UsageError, resolveFrom } from '../io';
import type { Command } from './registry';

export const newCommand: Command = {
  synopsis: 'new <folder> --title <t> [--date YYYY-MM-DD] [--draft]',
  summary: 'create a post by the site’s conventions and print its path',
  help: `Usage: recap new <folder> --title <title> [--date YYYY-MM-DD] [--draft]

Creates a post in the site at <folder>, named and placed the way the site
does it (Jekyll: _posts/YYYY-MM-DD-slug.md, or _drafts/slug.md with --draft;
Hugo and Zola: the most used content section, as a page bundle if the site
uses them), with front matter from the site's template or its usual fields.
Never overwrites a file: a taken name gets -2, -3… Prints the new file's
path (the folder joined with the path inside the site).

Options:
  --title <t>          the post's title (required); the file name comes from it
  --date YYYY-MM-DD    the post's date (default: today)
  --draft              create a draft
  --help               show this help`,

  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { title: { type: 'string' }, date: { type: 'string' }, draft: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('recap new needs exactly one folder.');
    if (values.title === undefined) throw new UsageError('recap new needs --title <title>.');
    if (values.title.trim() === '') throw new UsageError('The title is empty; give the post a title, e.g. --title "Our KubeCon recap".');
    if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError(`--date must be YYYY-MM-DD, not "${values.date}".`);
    const folder = positionals[0]!;
    const workspace = await Workspace.open(resolveFrom(io, folder), {});
    try {
      const input = values.date === undefined ? { title: values.title, draft: values.draft } : { title: values.title, date: values.date, draft: values.draft };
      const created = await createPost(workspace.site.root, workspace.site.kind, await workspace.facts(), input);
      io.out(path.join(folder, ...created.path.split('/')) + '\n');
    } finally {
      await workspace.close();
    }
    return EXIT_OK;
  },
};
