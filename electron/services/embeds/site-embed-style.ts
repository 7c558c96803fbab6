/**
 * How a site writes embeds, learned per provider from its newest posts and
 * its own includes and shortcodes, and kept for the opened workspace: a
 * pasted URL becomes the same kind of markup (iframe HTML, tweet
 * blockquote, bare URL, shortcode or `{% include youtube.html id="…" %}`)
 * as the rest.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { findEmbeds, learnSiteStyle, type EmbedTemplate, type PostEmbeds, type SiteEmbedStyle } from '../../../shared/embeds';
import type { EmbedProvider } from '../../../shared/embeds/types';
import type { SiteKind } from '../../../shared/model';
import type { Workspace } from '../workspace/workspace';

/** The newest posts say how the site writes now; reading them all would cost seconds on a big site. */
const SAMPLE_POSTS = 300;
const CONCURRENCY = 16;
/** Cheap test before the full scan: a post without any of these has no embed to learn from. */
const MAY_EMBED = /<iframe|twitter-tweet|youtu|vimeo|gist\.github|speakerdeck|slideshare|codepen|\{\{<|\{%|\{\{\s*\w+\(/i;
/** Template files larger than this are not embed templates. */
const MAX_TEMPLATE_BYTES = 64 * 1024;

const cache = new WeakMap<Workspace, Promise<SiteEmbedStyle>>();

export function siteEmbedStyle(workspace: Workspace): Promise<SiteEmbedStyle> {
  let style = cache.get(workspace);
  if (!style) {
    style = learnEmbedStyle(workspace);
    cache.set(workspace, style);
    style.catch(() => cache.delete(workspace)); // a failed read is retried next time
  }
  return style;
}

/** A post was saved: what it writes now may change the site's style (its newest post above all). */
export function forgetEmbedStyle(workspace: Workspace): void {
  cache.delete(workspace);
}

async function learnEmbedStyle(workspace: Workspace): Promise<SiteEmbedStyle> {
  const { site } = workspace;
  const posts = (await workspace.list({ words: false })).posts.slice(0, SAMPLE_POSTS);
  const found: (PostEmbeds | null)[] = posts.map(() => null);
  let next = 0;
  const worker = async () => {
    while (next < posts.length) {
      const index = next++;
      const post = posts[index]!;
      let text: string;
      try {
        text = await readFile(path.join(site.root, post.path), 'utf8');
      } catch {
        continue; // gone since the listing: nothing to learn from it
      }
      found[index] = { date: post.date, embeds: MAY_EMBED.test(text) ? findEmbeds(text) : [] };
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, posts.length) }, worker));
  // Newest first, as listed: the order decides ties and weights.
  return learnSiteStyle(found.filter((p): p is PostEmbeds => p !== null), await findEmbedTemplates(site.root, site.kind), site.kind);
}

const TEMPLATE_FOLDERS: { folder: string; syntax: EmbedTemplate['syntax']; kinds: readonly SiteKind[] }[] = [
  { folder: '_includes', syntax: 'include', kinds: ['jekyll', 'unknown'] },
  { folder: 'layouts/shortcodes', syntax: 'hugo', kinds: ['hugo'] },
  { folder: 'templates/shortcodes', syntax: 'zola', kinds: ['zola'] },
];
const TEMPLATE_PROVIDER = /(youtube|vimeo|tweet|twitter|gist|speakerdeck|slideshare|gallery)/i;
const PROVIDER_OF: Record<string, EmbedProvider | 'gallery'> = { tweet: 'twitter', twitter: 'twitter', youtube: 'youtube', vimeo: 'vimeo', gist: 'gist', speakerdeck: 'speakerdeck', slideshare: 'slideshare', gallery: 'gallery' };

/** The site's own includes and shortcodes named for a provider (or a gallery), with the parameter they read. */
export async function findEmbedTemplates(root: string, kind: SiteKind): Promise<EmbedTemplate[]> {
  const templates: EmbedTemplate[] = [];
  for (const { folder, syntax, kinds } of TEMPLATE_FOLDERS) {
    if (!kinds.includes(kind)) continue;
    let names: string[];
    try {
      names = (await readdir(path.join(root, folder))).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const match = TEMPLATE_PROVIDER.exec(name);
      if (!match || !/\.(html|liquid|md)$/i.test(name)) continue;
      let text: string;
      try {
        text = (await readFile(path.join(root, folder, name), 'utf8')).slice(0, MAX_TEMPLATE_BYTES);
      } catch {
        continue;
      }
      const file = syntax === 'include' ? name : name.replace(/\.[^.]+$/, '');
      templates.push({ syntax, file, provider: PROVIDER_OF[match[1]!.toLowerCase()]!, param: templateParam(syntax, text) });
    }
  }
  return templates;
}

/** The parameter the template reads first: `include.id`, `.Get "id"` (null for `.Get 0`), Zola's `{{ id }}`. */
function templateParam(syntax: EmbedTemplate['syntax'], text: string): string | null {
  if (syntax === 'include') return /\binclude\.([A-Za-z_]\w*)/.exec(text)?.[1] ?? 'id';
  if (syntax === 'hugo') {
    const get = /\.Get\s+(?:"([^"]+)"|(\d+))/.exec(text);
    return get?.[1] ?? null;
  }
  return /\{\{-?\s*(id|url|src|key)\b/.exec(text)?.[1] ?? 'id';
}
