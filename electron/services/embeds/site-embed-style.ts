/**
 * How a site writes embeds, learned from its newest posts and kept for the
 * opened workspace: a pasted URL becomes the same kind of markup
 * (iframe HTML, tweet blockquote, bare URL or shortcode) as the rest.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { detectEmbedStyle, findEmbeds, type Embed, type EmbedStyle } from '../../../shared/embeds';
import type { Workspace } from '../workspace/workspace';

/** The newest posts say how the site writes now; reading them all would cost seconds on a big site. */
const SAMPLE_POSTS = 300;
const CONCURRENCY = 16;
/** Cheap test before the full scan: a post without any of these has no embed to learn from. */
const MAY_EMBED = /<iframe|twitter-tweet|youtu|vimeo|gist\.github|speakerdeck|slideshare|codepen|\{\{<|\{%|\{\{\s*\w+\(/i;

const cache = new WeakMap<Workspace, Promise<EmbedStyle>>();

export function siteEmbedStyle(workspace: Workspace): Promise<EmbedStyle> {
  let style = cache.get(workspace);
  if (!style) {
    style = learnEmbedStyle(workspace);
    cache.set(workspace, style);
    style.catch(() => cache.delete(workspace)); // a failed read is retried next time
  }
  return style;
}

async function learnEmbedStyle(workspace: Workspace): Promise<EmbedStyle> {
  const { site } = workspace;
  const posts = (await workspace.list({ words: false })).posts.slice(0, SAMPLE_POSTS).map((post) => post.path);
  const found: Embed[][] = [];
  let next = 0;
  const worker = async () => {
    while (next < posts.length) {
      const relative = posts[next++]!;
      let text: string;
      try {
        text = await readFile(path.join(site.root, relative), 'utf8');
      } catch {
        continue; // gone since the listing: nothing to learn from it
      }
      if (MAY_EMBED.test(text)) found.push(findEmbeds(text));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, posts.length) }, worker));
  return detectEmbedStyle(found, site.kind);
}
