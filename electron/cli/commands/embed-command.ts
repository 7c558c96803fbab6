/** `recap embed <url> [--site <folder>]`: the embed markup a site would use for a link, for scripts and other editors. */
import { parseArgs } from 'node:util';
import { collectedMarkup } from '../../../shared/collect/insert-markup';
import { readLink } from '../../../shared/collect/read-urls';
import { detectEmbedStyle, type EmbedStyle } from '../../../shared/embeds/embed-style';
import { explainSiteStyle } from '../../../shared/embeds/site-style';
import { recognizeEmbedUrl } from '../../../shared/embeds/providers';
import { siteEmbedStyle } from '../../services/embeds/site-embed-style';
import { Workspace } from '../../services/workspace/workspace';
import { EXIT_OK, UsageError, resolveFrom, type CliIo } from '../io';
import type { Command } from './registry';

export const embedCommand: Command = {
  synopsis: 'embed <url> [--site <folder>] [--explain]',
  summary: 'print the embed markup a site would use for a link',
  help: `Usage: recap embed <url> [--site <folder>] [--no-script] [--explain]

Prints the markup that embeds <url> the way the site at <folder> writes
embeds, learned per provider from its posts (the newest weigh more; the
dominant style wins, a tie goes to the newest post) and from its own
includes and shortcodes (_includes/youtube.html, layouts/shortcodes/,
templates/shortcodes/): iframe HTML, a bare URL, a shortcode or an include.
Without --site, the HTML most sites accept. Tweets, YouTube,
Vimeo, SlideShare, Speaker Deck, gists and CodePen become embeds; any other
link (a GitHub repository, a page) becomes a Markdown link. Nothing is
fetched: the markup comes from the URL alone.

Options:
  --site <folder>   write it the way this site does
  --no-script       leave out Twitter's widgets.js (the post already loads it)
  --explain         also say, on stderr, why each provider is written that way
  --help            show this help

Exit codes: 0 printed, 2 not a web link (or a provider link naming nothing).`,

  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { site: { type: 'string' }, 'no-script': { type: 'boolean', default: false }, explain: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('recap embed needs exactly one URL.');
    const url = positionals[0]!;
    const link = readLink(url);
    if (!link) throw new UsageError(`"${url}" is not a web link (http or https).`);
    const found = recognizeEmbedUrl(link.url);
    if (found && !found.valid) throw new UsageError(found.problem ?? `"${url}" names no ${found.provider} item.`);
    const style = values.site === undefined ? detectEmbedStyle([]) : await styleOfSite(io, values.site);
    const card = { id: '', url: link.url, kind: link.kind, facts: link.facts, addedAt: '' };
    // A post that already loads widgets.js is the same as one that needs none more.
    const postText = values['no-script'] ? '<script async src="https://platform.twitter.com/widgets.js"></script>' : '';
    io.out(collectedMarkup([card], { style, postText }) + '\n');
    if (values.explain) {
      // On stderr, so the markup on stdout stays ready to paste or pipe.
      const why = typeof style === 'string' ? ['Without --site: the HTML most sites accept.'] : explainSiteStyle(style, found ? [found.provider] : undefined);
      for (const line of why) io.err(line + '\n');
    }
    return EXIT_OK;
  },
};

async function styleOfSite(io: CliIo, folder: string): Promise<EmbedStyle> {
  const workspace = await Workspace.open(resolveFrom(io, folder), {});
  try {
    return await siteEmbedStyle(workspace);
  } finally {
    await workspace.close();
  }
}
