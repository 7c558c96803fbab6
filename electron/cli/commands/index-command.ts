/** `recap index <folder> [--json]`: the posts of a site, as a table or JSON. */
import { parseArgs } from 'node:util';
import type { PostSummary } from '../../../shared/model';
import { defaultStateDir } from '../../services/settings/state-dir';
import { Workspace, bundledIndexWorker } from '../../services/workspace/workspace';
import { EXIT_OK, UsageError, resolveFrom } from '../io';
import type { Command } from './registry';

export const indexCommand: Command = {
  synopsis: 'index <folder> [--json]',
  summary: 'list the posts of a site',
  help: `Usage: recap index <folder> [--json]

Lists the posts of a site (Jekyll, Hugo, Zola, Eleventy, Astro, or any folder
of Markdown files), newest first, drafts included.

Options:
  --json     print {"site":{root,kind},"posts":[{path,title,date,draft,tags,categories,words}]}
  --help     show this help`,

  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new UsageError('recap index needs exactly one folder.');
    // The persistent index in the state folder: a second run on an unchanged site only stats the files.
    const workspace = await Workspace.open(resolveFrom(io, positionals[0]!), { indexWorker: bundledIndexWorker(), stateDir: defaultStateDir(io.env) });
    if (values.json) {
      // The posts' texts as the index keeps them: an unchanged site is printed without parsing or serialising a post.
      const posts = await workspace.listJson();
      await workspace.close();
      const { root, kind } = workspace.site;
      io.out(`{"site":${JSON.stringify({ root, kind })},"posts":${posts}}\n`);
      return EXIT_OK;
    }
    const { site, posts } = await workspace.list();
    await workspace.close();
    io.out(`${site.root} · ${site.kind} · ${posts.length} post${posts.length === 1 ? '' : 's'}\n\n`);
    // Piped (not a terminal): whole titles and paths, for grep and scripts.
    io.out(formatTable(posts, io.columns ?? Number.POSITIVE_INFINITY) + '\n');
    return EXIT_OK;
  },
};

function formatTable(posts: PostSummary[], columns: number): string {
  const rows = posts.map((p) => [p.date?.slice(0, 10) ?? '—', p.draft ? 'draft' : '', String(p.words), p.title, p.path]);
  const header = ['DATE', 'DRAFT', 'WORDS', 'TITLE', 'PATH'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  // Title and path share what the terminal has left; both are cut with an ellipsis.
  const fixed = widths[0]! + widths[1]! + widths[2]! + 8;
  const room = Math.max(30, columns - fixed);
  widths[3] = Math.min(widths[3]!, Math.ceil(room * 0.55));
  widths[4] = Math.min(widths[4]!, room - widths[3]!);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const fitted = cell.length > widths[i]! ? cell.slice(0, widths[i]! - 1) + '…' : cell;
        return i === 2 ? fitted.padStart(widths[i]!) : fitted.padEnd(widths[i]!);
      })
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
