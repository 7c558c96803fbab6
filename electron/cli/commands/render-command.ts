/** `recap render <post> [--out <file>]`: the post as the Page view shows it, one self-contained HTML document. */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { EXIT_OK, UsageError, resolveFrom } from '../io';
import { loadPageRenderer } from './page-renderer';
import type { Command } from './registry';

export const renderCommand: Command = {
  synopsis: 'render <post> [--out <file>]',
  summary: 'print the post through the site’s own layouts as one HTML document',
  help: `Usage: recap render <post> [--out <file>] [--external]

Renders the post as the Page view shows it: for Jekyll, through the site's
own layouts, includes and Sass (compiled from _sass/); for Hugo, Zola and
Astro, the post with its header in the site's stylesheet. Stylesheets are
inlined, every script is removed and embeds are static boxes, so the file
can be diffed or screenshotted in CI without a network.

Options:
  --out <file>   write the document there instead of printing it
  --external     keep remote images and stylesheets (they load when opened); scripts are removed either way
  --help         show this help

Exit codes: 0 rendered, 1 the site's layout cannot be rendered (the reason
is printed: a theme that is not in the folder, a missing layout, broken
Liquid), 2 bad usage or a post that cannot be read.`,

  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' }, external: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new UsageError('recap render needs exactly one post.');
    const page = await (await loadPageRenderer())(resolveFrom(io, positionals[0]!), { externalContent: values.external, assets: 'inline' });
    if (values.out === undefined) io.out(page.html.endsWith('\n') ? page.html : page.html + '\n');
    else await writeFile(resolveFrom(io, values.out), page.html);
    return EXIT_OK;
  },
};
