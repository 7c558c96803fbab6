/** `recap share <post> [--json]`: what a link to the post shows when shared, resolved as the site's SEO tags do. */
import { parseArgs } from 'node:util';
import { EXIT_OK, UsageError, resolveFrom } from '../io';
import { loadPageRenderer } from './page-renderer';
import type { Command } from './registry';

export const shareCommand: Command = {
  synopsis: 'share <post> [--json]',
  summary: 'print the title, description, image and URL a shared link shows',
  help: `Usage: recap share <post> [--json]

Prints what a link to the post shows on X, Facebook, LinkedIn, Mastodon and
Slack, resolved the way the site's own SEO tags do (for Jekyll,
jekyll-seo-tag: the URL from site.url + baseurl + the permalink, the image
made absolute, the description from the post, else its excerpt, else the
site's).

Options:
  --json     print {"title","description","image","url","siteName","card"}
  --help     show this help

Exit codes: 0 printed, 1 the site's layout cannot be rendered, 2 bad usage
or a post that cannot be read.`,

  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new UsageError('recap share needs exactly one post.');
    const { share } = await (await loadPageRenderer())(resolveFrom(io, positionals[0]!), { externalContent: false, assets: 'inline' });
    if (values.json) {
      io.out(JSON.stringify(share, null, 2) + '\n');
      return EXIT_OK;
    }
    const line = (label: string, value: string | null) => `${label.padEnd(12)}${value ?? '(none)'}\n`;
    io.out(line('Title', share.title) + line('Description', share.description) + line('Image', share.image) + line('URL', share.url) + line('Site', share.siteName) + line('Card', share.card));
    return EXIT_OK;
  },
};
