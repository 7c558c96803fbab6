/**
 * How a site writes each kind of embed, by evidence: the styles its posts
 * use (newest posts weigh more; the dominant style wins, a tie goes to the
 * style of the newest post), else an include or shortcode its templates
 * define for that provider, else what the generator's users usually write.
 * The evidence is kept so the choice can be explained.
 */
import type { SiteKind } from '../model';
import type { Embed, EmbedProvider, EmbedSyntax } from './types';

/** One way of writing an embed: the syntax, and for includes and named shortcodes the file and parameter. */
export interface StyleChoice {
  syntax: EmbedSyntax;
  /** `youtube.html` for `{% include youtube.html id="…" %}`; a shortcode's name for Hugo/Zola templates of the site. */
  include?: { file: string; param: string | null };
}

export interface StyleEvidence extends StyleChoice {
  /** Posts that write this provider's embeds this way. */
  posts: number;
  /** Date of the newest such post as written (YYYY-MM-DD…), or null. */
  newest: string | null;
}

export interface KindStyle extends StyleChoice {
  source: 'posts' | 'template' | 'generator';
  /** Every way the posts write it, the chosen one first. */
  evidence: StyleEvidence[];
}

/** A template of the site that writes an embed or a gallery: `_includes/youtube.html`, `layouts/shortcodes/gallery.html`. */
export interface EmbedTemplate {
  syntax: 'include' | 'hugo' | 'zola';
  /** Include file (`youtube.html`) or shortcode name (`youtube`). */
  file: string;
  provider: EmbedProvider | 'gallery';
  param: string | null;
}

export interface SiteEmbedStyle {
  /** For providers the site gives no evidence about. */
  fallback: EmbedSyntax;
  kinds: Partial<Record<EmbedProvider, KindStyle>>;
  /** The site's gallery include or shortcode, when it has one. */
  gallery: EmbedTemplate | null;
  siteKind: SiteKind;
}

export interface PostEmbeds {
  /** As the post list gives it. */
  date: string | null;
  embeds: readonly Embed[];
}

/** When posts show no embeds yet: what each generator's users usually write. */
export const GENERATOR_STYLE: Record<SiteKind, EmbedSyntax> = {
  hugo: 'hugo',
  jekyll: 'html',
  zola: 'html',
  eleventy: 'html',
  astro: 'html',
  unknown: 'html',
};

/** Posts further down the list count less: after 100 posts, half as much. */
const HALF_LIFE_POSTS = 100;

/** `posts` newest first. */
export function learnSiteStyle(posts: readonly PostEmbeds[], templates: readonly EmbedTemplate[], siteKind: SiteKind): SiteEmbedStyle {
  const byProvider = new Map<EmbedProvider, Map<string, StyleEvidence & { score: number; newestIndex: number }>>();
  posts.forEach((post, index) => {
    const weight = 0.5 ** (index / HALF_LIFE_POSTS);
    const seen = new Set<string>();
    for (const embed of post.embeds) {
      if (!embed.valid || embed.provider === 'iframe') continue;
      const choice: StyleChoice = embed.include ? { syntax: embed.syntax, include: { file: embed.include.file, param: embed.include.param } } : { syntax: embed.syntax };
      const key = `${embed.provider} ${styleKey(choice)}`;
      if (seen.has(key)) continue; // a post counts once per style, however many videos it holds
      seen.add(key);
      const styles = byProvider.get(embed.provider) ?? new Map();
      byProvider.set(embed.provider, styles);
      const entry = styles.get(key) ?? { ...choice, posts: 0, newest: post.date, score: 0, newestIndex: index };
      entry.posts++;
      entry.score += weight;
      styles.set(key, entry);
    }
  });

  const kinds: SiteEmbedStyle['kinds'] = {};
  const overall = new Map<EmbedSyntax, number>();
  for (const [provider, styles] of byProvider) {
    const ranked = [...styles.values()].sort((a, b) => (Math.abs(b.score - a.score) > 1e-9 ? b.score - a.score : a.newestIndex - b.newestIndex));
    const best = ranked[0]!;
    const evidence = ranked.map(({ score: _s, newestIndex: _n, ...rest }) => rest);
    kinds[provider] = { ...choiceOf(best), source: 'posts', evidence };
    for (const entry of ranked) {
      // An include serves its provider only; for others the site's HTML habit is what it says.
      const syntax = entry.syntax === 'include' ? 'html' : entry.syntax;
      overall.set(syntax, (overall.get(syntax) ?? 0) + entry.score);
    }
  }
  for (const template of templates) {
    if (template.provider === 'gallery' || kinds[template.provider]) continue;
    kinds[template.provider] = { syntax: template.syntax, include: { file: template.file, param: template.param }, source: 'template', evidence: [] };
  }
  let fallback = GENERATOR_STYLE[siteKind];
  let fallbackScore = overall.get(fallback) ?? 0;
  for (const [syntax, score] of overall) {
    if (score > fallbackScore + 1e-9) {
      fallback = syntax;
      fallbackScore = score;
    }
  }
  return { fallback, kinds, gallery: templates.find((t) => t.provider === 'gallery') ?? null, siteKind };
}

/** The choice for one provider. */
export function styleForProvider(style: SiteEmbedStyle, provider: EmbedProvider): StyleChoice {
  const kind = style.kinds[provider];
  return kind ? choiceOf(kind) : { syntax: style.fallback };
}

function choiceOf(choice: StyleChoice): StyleChoice {
  return choice.include ? { syntax: choice.syntax, include: choice.include } : { syntax: choice.syntax };
}

function styleKey(choice: StyleChoice): string {
  return choice.include ? `${choice.syntax}:${choice.include.file}:${choice.include.param ?? ''}` : choice.syntax;
}

const PROVIDER_NAMES: Record<EmbedProvider, string> = {
  twitter: 'tweets',
  youtube: 'YouTube',
  vimeo: 'Vimeo',
  slideshare: 'SlideShare',
  speakerdeck: 'Speaker Deck',
  gist: 'gists',
  codepen: 'CodePen',
  iframe: 'other frames',
};

/** "include youtube.html", "Hugo shortcode", "iframe HTML". */
export function describeChoice(choice: StyleChoice): string {
  if (choice.include) {
    if (choice.syntax === 'include') return `include ${choice.include.file}`;
    return `${choice.syntax === 'hugo' ? 'Hugo' : 'Zola'} shortcode ${choice.include.file}`;
  }
  switch (choice.syntax) {
    case 'html':
      return 'HTML (iframe, blockquote or script)';
    case 'url':
      return 'a bare URL on its own line';
    case 'hugo':
      return 'Hugo shortcode';
    case 'zola':
      return 'Zola shortcode';
    case 'liquid':
      return 'Liquid tag';
    case 'include':
      return 'include';
  }
}

/** One line per provider: what is written and why ("YouTube: include youtube.html: 21 posts, newest 2025-09"). */
export function explainSiteStyle(style: SiteEmbedStyle, providers: readonly EmbedProvider[] = ['twitter', 'youtube', 'vimeo', 'slideshare', 'speakerdeck', 'gist', 'codepen']): string[] {
  const lines = providers.map((provider) => {
    const kind = style.kinds[provider];
    const name = PROVIDER_NAMES[provider];
    if (!kind) return `${name}: ${describeChoice({ syntax: style.fallback })}: no post embeds ${name} yet; the site's usual style`;
    if (kind.source === 'template') return `${name}: ${describeChoice(kind)}: no post uses it yet; the site defines it`;
    const [chosen, ...others] = kind.evidence;
    const said = (e: StyleEvidence) => `${e.posts} post${e.posts === 1 ? '' : 's'}, newest ${month(e.newest)}`;
    const rest = others.length > 0 ? ` (over ${others.map((e) => `${describeChoice(e)}: ${said(e)}`).join('; ')})` : '';
    return `${name}: ${describeChoice(kind)}: ${said(chosen!)}${rest}`;
  });
  if (style.gallery) lines.push(`Galleries: ${describeChoice({ syntax: style.gallery.syntax, include: { file: style.gallery.file, param: style.gallery.param } })}: the site defines it`);
  return lines;
}

function month(date: string | null): string {
  return date && /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : 'undated';
}
