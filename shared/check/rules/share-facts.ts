/**
 * The share card of a post as the check sees it, from its front matter the
 * way jekyll-seo-tag (and Hugo's opengraph/twitter_cards templates) resolve
 * it: title, description (else the excerpt, else the site's), image and
 * card type. Shared by share-title, share-description and share-image, and
 * computed once per check.
 */
import type { FrontMatterValue } from '../../model';
import { shareIssues, type ShareFacts, type ShareRuleId } from '../../share/share-checks';
import { problemAt, type PostContext } from '../post-context';
import type { Problem, ShareSiteFacts } from '../types';
import { frontMatterKeyOffset } from './front-matter-positions';

type ShareSiteFactsImages = ShareSiteFacts['images'];

const cache = new WeakMap<PostContext, ShareFacts | null>();

/** Null when the caller gave no share facts of the site (the rules then do not run). */
export function shareFactsOf(context: PostContext): ShareFacts | null {
  if (cache.has(context)) return cache.get(context)!;
  const site = context.input.site.share;
  const data = context.frontMatter?.data ?? (context.frontMatter ? null : {});
  const facts = site && data ? resolve(context, data, site) : null;
  cache.set(context, facts);
  return facts;
}

type Data = Record<string, FrontMatterValue>;
const text = (v: FrontMatterValue | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);
const record = (v: FrontMatterValue | undefined): Data => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Data) : {});

function resolve(context: PostContext, data: Data, site: NonNullable<PostContext['input']['site']['share']>): ShareFacts {
  const seo = record(data.seo);
  const params = record(data.params ?? data.extra);
  const fileSlug = /(?:\d{4}-\d{1,2}-\d{1,2}-)?([^/]+?)\.[^./]+$/.exec(context.input.path)?.[1] ?? null;
  // Jekyll gives a post without a title one from its file name.
  const title = text(seo.title) ?? text(data.title) ?? (context.input.site.kind === 'jekyll' && context.input.path.includes('_posts/') && fileSlug ? fileSlug.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ') : null);
  const description = text(seo.description) ?? text(data.description) ?? text(data.excerpt) ?? text(data.summary) ?? text(params.description) ?? firstParagraph(context) ?? site.description;
  const image = shareImageReference(data) ?? site.defaultImage;
  const twitter = record(data.twitter);
  const card = image ? ((text(twitter.card) ?? site.card) === 'summary' ? 'summary' : 'summary_large_image') : 'summary';
  return { title, description, image, card, imageSize: image === null ? null : sizeOf(context.input.path, image, site.images) };
}

/** The image a shared link shows, as the post's front matter names it (jekyll-seo-tag's `image`, Hugo's `images`, covers). */
export function shareImageReference(data: Data): string | null {
  const cover = record(data.cover);
  const params = record(data.params ?? data.extra);
  const images = Array.isArray(data.images) ? data.images : [];
  return text(data.image) ?? text(record(data.image).path) ?? text(cover.image) ?? text(data.cover) ?? text(data.featured_image) ?? text(data.heroImage) ?? text(images[0]) ?? text(params.image);
}

/** Where a share image may be, relative to the site root: a site path, else next to the post (a page bundle), else from the root. Null for an image on another site. */
export function shareImageCandidates(postPath: string, image: string): string[] | null {
  if (/^(?:https?:)?\/\//i.test(image)) return null;
  const clean = image.split(/[?#]/)[0]!;
  if (clean.startsWith('/')) return [clean.replace(/^\/+/, '')];
  const folder = postPath.includes('/') ? postPath.replace(/\/[^/]*$/, '') : '';
  return folder ? [`${folder}/${clean}`, clean] : [clean];
}

function sizeOf(postPath: string, image: string, images: ShareSiteFactsImages): ShareFacts['imageSize'] {
  const candidates = shareImageCandidates(postPath, image);
  if (candidates === null) return 'remote';
  for (const candidate of candidates) {
    const size = images[candidate];
    if (size) return size;
  }
  return null;
}

/** The excerpt as Jekyll takes it: the body's first paragraph, as plain text. */
function firstParagraph(context: PostContext): string | null {
  for (const node of context.markdown.children) {
    if (node.type !== 'paragraph') continue;
    const plain = plainOf(node).replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, '').replace(/\s+/g, ' ').trim();
    if (plain) return plain;
  }
  return null;
}

function plainOf(node: { type: string; value?: string; children?: unknown[] }): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if (node.type === 'html') return '';
  return (node.children ?? []).map((child) => plainOf(child as { type: string })).join('');
}

/** One share rule: its issues from shareIssues, pointing at the front-matter key they are about (else the top of the file). */
export function shareRule(rule: ShareRuleId, key: string): (context: PostContext) => Problem[] {
  return (context) => {
    const facts = shareFactsOf(context);
    if (!facts) return [];
    const offset = frontMatterKeyOffset(context, key);
    return shareIssues(facts)
      .filter((issue) => issue.rule === rule)
      .map((issue) => problemAt(context, rule, offset ?? 0, offset === null ? 0 : key.length, issue.message));
  };
}
