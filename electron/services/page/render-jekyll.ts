/**
 * A Jekyll post through the site's own layout chain: Liquid in the body
 * (with `page`, `site`, `jekyll`), then Markdown as kramdown writes it, the
 * body sanitised, then each layout from the post's `layout:` (or the
 * front-matter defaults) up through every layout's own `layout:`; the site's
 * Sass entries compiled. Throws a RecapError with one line when the layout
 * cannot be rendered (a theme that is not in the folder, a missing layout,
 * broken Liquid): the Text view is used then.
 */
import path from 'node:path';
import { RecapError } from '../../../shared/errors';
import type { PageAnchor } from '../../../shared/page/page-preview';
import { frontMatterOf, loadJekyllSite, toDocument, type Data, type JekyllSite, type Layout, type SiteDocument } from './jekyll-site';
import { cachedSite, keepLayout, restoreFiles, type CachedSite, type JekyllSiteCache } from './jekyll-site-cache';
import { canSplice, CONTENT_MARK, joinSpliced, spliceAt, type SplicedLayouts } from './layout-splice';
import { JEKYLL_VERSION, type LiquidSite } from './liquid-engine';
import { headingAnchors, markdownToHtml, markdownWithAnchors } from './kramdown';
import { sanitizeBody } from './page-safety';
import { resolveSeo, type SeoValues } from './seo';
import type { CompiledCssStore } from './compiled-css-store';
import { compileSassEntry, sassEntries, type CompiledStyle } from './site-styles';

export interface RenderedSitePage {
  /** The document as the layouts wrote it, before the safety pass. */
  html: string;
  styles: CompiledStyle[];
  seo: SeoValues;
  anchors: PageAnchor[];
  site: JekyllSite;
  doc: SiteDocument;
}

const MAX_LAYOUT_DEPTH = 12;

/**
 * `cache`: keep what does not change between renders of the site (the Page
 * view while typing); without it everything is read and rendered afresh
 * (`recap render`, and the reference the cached render is tested against).
 */
export async function renderJekyllPost(root: string, postPath: string, text: string, cache?: JekyllSiteCache): Promise<RenderedSitePage> {
  if (cache) return cache.with(root, (cached) => renderOnSite(cached, postPath, text, true, cache.cssStore));
  const site = await loadJekyllSite(root);
  return renderOnSite(cachedSite(site), postPath, text, false);
}

/**
 * Reads the site and compiles its stylesheets into `cache` ahead of its first
 * render (an idle moment after the site opens): what the first Page would
 * otherwise wait for. A site that cannot be rendered is left for the render
 * to report.
 */
export async function prepareJekyllSite(root: string, cache: JekyllSiteCache): Promise<void> {
  await cache.with(root, async (cached) => {
    if (cached.styles !== null) return;
    const { site, liquid } = cached;
    restoreFiles(cached);
    const jekyll = { environment: 'development', version: JEKYLL_VERSION };
    cached.styles = await compileStyles(site, liquid, siteVariable(site, liquid, cached.time), jekyll, cache.cssStore);
  });
}

async function renderOnSite(cached: CachedSite, postPath: string, text: string, reuse: boolean, cssStore: CompiledCssStore | null = null): Promise<RenderedSitePage> {
  const { site, liquid } = cached;
  restoreFiles(cached);
  const doc = documentFor(site, postPath, text);
  replaceDocument(site, doc);
  const jekyll = { environment: 'development', version: JEKYLL_VERSION };
  // `site` (a drop per document) is built only when Liquid reads it: a body without Liquid and a spliced layout never do.
  let siteDrop: Data | null = null;
  const siteData = () => (siteDrop ??= siteVariable(site, liquid, cached.time));

  const page: Data & { url: string } = pageVariable(site, doc);
  const scope = () => ({ page, site: siteData(), jekyll, paginator: null });
  const excerptText = excerptSource(site, doc);
  // Everything the layouts see besides the body: the post's path, its front matter (as written) and its excerpt.
  const key = `${postPath}\0${text.endsWith(doc.body) ? text.slice(0, text.length - doc.body.length) : text}\0${excerptText}`;
  const kept = reuse ? cached.layouts.get(key) : undefined;
  let content: string;
  let anchors: PageAnchor[] | null;
  try {
    const excerpt = kept ? kept.excerpt : (await renderContent(liquid, excerptText, doc, scope)).html;
    page.excerpt = excerpt;
    ({ html: content, anchors } = await renderContent(liquid, doc.body, doc, scope));
    page.content = content;
  } catch (error) {
    throw liquidProblem(error, doc.path);
  }

  let html: string;
  if (kept?.spliced) {
    html = joinSpliced(kept.spliced, content);
  } else {
    const chain = layoutChain(site, doc);
    const render = (inner: string) => renderChain(liquid, chain, inner, { page, site: siteData(), jekyll, paginator: null });
    let spliced: SplicedLayouts | null = null;
    if (reuse && canSplice(chain, site.includes)) {
      page.content = CONTENT_MARK;
      spliced = spliceAt(await render(CONTENT_MARK));
      page.content = content;
      html = joinSpliced(spliced, content);
    } else {
      html = await render(content);
    }
    if (reuse) keepLayout(cached, key, { excerpt: String(page.excerpt), spliced });
  }

  let styles = cached.styles;
  if (styles === null) {
    styles = await compileStyles(site, liquid, siteData(), jekyll, cssStore);
    if (reuse) cached.styles = styles;
  }
  const seo = resolveSeo(site, page);
  return { html, styles, seo, anchors: anchors ?? headingAnchors(doc.body), site, doc };
}

/** The post's layouts, innermost first: its `layout:` (or the defaults'), then each layout's own. */
function layoutChain(site: JekyllSite, doc: SiteDocument): Layout[] {
  let layoutName = layoutOf(doc.data);
  // Without any layout the page would be the bare body: the Text view shows that better.
  if (layoutName === null && site.layouts.size === 0) throw missingLayout(site, null);
  const chain: Layout[] = [];
  const seen = new Set<string>();
  while (layoutName !== null) {
    const layout = site.layouts.get(layoutName);
    if (!layout) throw missingLayout(site, layoutName);
    if (seen.has(layoutName) || seen.size >= MAX_LAYOUT_DEPTH) throw new RecapError('refused', `The layout "${layoutName}" includes itself; the Page view cannot render it.`);
    seen.add(layoutName);
    chain.push(layout);
    layoutName = layoutOf(layout.data);
  }
  return chain;
}

async function renderChain(liquid: LiquidSite, chain: readonly Layout[], content: string, scope: Data): Promise<string> {
  let html = content;
  for (const layout of chain) {
    try {
      html = await liquid.render(layout.body, { ...scope, content: html, layout: layout.data }, true);
    } catch (error) {
      throw liquidProblem(error, `_layouts/${layout.name}`);
    }
  }
  return html;
}

async function compileStyles(site: JekyllSite, liquid: LiquidSite, siteDrop: Data, jekyll: object, cssStore: CompiledCssStore | null): Promise<CompiledStyle[]> {
  const styles: CompiledStyle[] = [];
  for (const entry of sassEntries(site)) {
    try {
      const expanded = await liquid.render(entry.body, { page: pageVariable(site, entry), site: siteDrop, jekyll });
      styles.push(await compileSassEntry(site, entry, expanded, cssStore));
    } catch (error) {
      // A stylesheet that does not compile leaves the page unstyled, not unrendered.
      console.error(`Recap: ${entry.path} did not compile (${firstLine(error)}).`);
    }
  }
  return styles;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

function layoutOf(data: Data): string | null {
  const value = data.layout;
  if (value === undefined || value === null || value === false || value === 'none' || value === '') return null;
  return String(value).replace(/\.html?$/, '');
}

function missingLayout(site: JekyllSite, name: string | null): RecapError {
  const which = name === null ? 'its layouts' : `its layout "${name}"`;
  if (site.theme) {
    return new RecapError('refused', `The site's theme "${site.theme}" is not in the folder (Jekyll installs it separately), so ${which} cannot be rendered; the Text view is shown.`);
  }
  return new RecapError('refused', name === null ? 'The site has no _layouts/ folder, so its page cannot be rendered; the Text view is shown.' : `The layout "${name}" is not in _layouts/; the Text view is shown.`);
}

/** A template's error as one line naming where it is (the Text view is shown with it). */
export function liquidProblem(error: unknown, where: string): RecapError {
  if (error instanceof RecapError) return error;
  const message = firstLine(error).replace(/, file:.*$/, '').replace(/\s+/g, ' ');
  return new RecapError('refused', `The page cannot be rendered: ${where}: ${message}.`.replace(/\.\.$/, '.'));
}

/** The post's collection from its path: `_posts/`, `_drafts/`, `_<label>/`, else a page. */
function documentFor(site: JekyllSite, postPath: string, text: string): SiteDocument {
  const segments = postPath.split('/');
  const folder = segments.find((s) => s.startsWith('_')) ?? null;
  const label = folder === '_posts' || folder === '_drafts' ? 'posts' : folder && site.collections.has(folder.slice(1)) ? folder.slice(1) : null;
  if (label) return toDocument(postPath, text, label, site.collectionMeta.get(label) ?? {}, site.config, site.timeZone, site.permalink);
  // A page: render as pages are (its URL from its path).
  const fake = toDocument(postPath, text, 'pages', { permalink: '/:path:output_ext' }, site.config, site.timeZone, site.permalink);
  const existing = site.pages.find((p) => p.path === postPath);
  return { ...fake, collection: null, url: existing?.url ?? fake.url, data: { ...fake.data, title: frontMatterOf(text).data.title } };
}

function replaceDocument(site: JekyllSite, doc: SiteDocument): void {
  if (doc.collection === null) {
    site.pages = [...site.pages.filter((p) => p.path !== doc.path), doc];
    return;
  }
  const docs = site.collections.get(doc.collection) ?? [];
  const replaced = [...docs.filter((d) => d.path !== doc.path), ...(doc.path.includes('_drafts/') ? [] : [doc])];
  if (doc.collection === 'posts') replaced.sort((a, b) => b.date.getTime() - a.date.getTime());
  site.collections.set(doc.collection, replaced);
  if (doc.collection === 'posts') site.posts = replaced;
}

/** Liquid (skipped for text without any: it would print it unchanged), Markdown, sanitising; the headings' anchors come from the same parse when Liquid changed nothing. */
async function renderContent(liquid: LiquidSite, body: string, doc: SiteDocument, scope: () => object): Promise<{ html: string; anchors: PageAnchor[] | null }> {
  const expanded = doc.data.render_with_liquid === false || !/\{[{%]/.test(body) ? body : await liquid.render(body, scope());
  if (!doc.markdown) return { html: sanitizeBody(expanded), anchors: null };
  const { html, anchors } = markdownWithAnchors(expanded);
  return { html: sanitizeBody(html), anchors: expanded === body ? anchors : null };
}

function excerptSource(site: JekyllSite, doc: SiteDocument): string {
  const separator = typeof doc.data.excerpt_separator === 'string' ? doc.data.excerpt_separator : typeof site.config.excerpt_separator === 'string' ? site.config.excerpt_separator : '\n\n';
  const body = doc.body.replace(/^\s+/, '');
  const head = separator && body.includes(separator) ? body.slice(0, body.indexOf(separator)) : body;
  // Reference-style links resolve in the excerpt too, as Jekyll appends the definitions.
  const definitions = body.match(/^ {0,3}\[[^\]]+\]:.*$/gm) ?? [];
  return definitions.length > 0 ? `${head}\n\n${definitions.join('\n')}` : head;
}

/** `page` (and each entry of `site.posts`…): front matter plus what Jekyll adds. */
export function pageVariable(site: JekyllSite, doc: SiteDocument): Data & { url: string } {
  const id = doc.collection ? doc.url.replace(/\.html$/, '').replace(/\/$/, '') : undefined;
  // Jekyll's own keys win over front matter only where its drops define them (url, path); `name` is a page's only.
  const base: Data = {
    ...(doc.collection ? {} : { name: path.posix.basename(doc.path) }),
    ext: path.posix.extname(doc.path),
    dir: doc.url.replace(/[^/]*$/, ''),
    ...doc.data,
    url: doc.url,
    path: doc.path,
    relative_path: doc.path,
  };
  if (doc.collection) {
    Object.assign(base, { id, slug: doc.slug, collection: doc.collection, draft: doc.path.includes('_drafts/'), date: doc.date });
  }
  return base as Data & { url: string };
}

/** Other documents: their excerpt and content are rendered only when a template reads them (home pages list excerpts). */
function documentDrop(site: JekyllSite, liquid: LiquidSite, doc: SiteDocument): Data {
  const drop = pageVariable(site, doc);
  let content: string | null = null;
  let excerpt: string | null = null;
  const render = (source: string) => {
    try {
      return sanitizeBody(doc.markdown ? markdownToHtml(liquid.renderSync(source, { page: drop, site: {}, jekyll: {} })) : source);
    } catch {
      return sanitizeBody(doc.markdown ? markdownToHtml(source.replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, '')) : source);
    }
  };
  Object.defineProperty(drop, 'content', { enumerable: true, get: () => (content ??= render(doc.body)) });
  Object.defineProperty(drop, 'excerpt', { enumerable: true, get: () => (excerpt ??= render(excerptSource(site, doc))) });
  Object.defineProperty(drop, 'output', { enumerable: false, get: () => drop.content });
  return drop;
}

function siteVariable(site: JekyllSite, liquid: LiquidSite, time: Date): Data {
  const posts = site.posts.map((doc) => documentDrop(site, liquid, doc));
  posts.forEach((post, i) => {
    post.previous = posts[i + 1] ?? null;
    post.next = posts[i - 1] ?? null;
  });
  const pages = site.pages.map((doc) => documentDrop(site, liquid, doc));
  const collections: Data[] = [];
  const labelled: Data = {};
  for (const [label, docs] of site.collections) {
    const drops = label === 'posts' ? posts : docs.map((doc) => documentDrop(site, liquid, doc));
    labelled[label] = drops;
    collections.push({ label, docs: drops, files: [], relative_directory: `_${label}`, output: site.collectionMeta.get(label)?.output === true, ...site.collectionMeta.get(label) });
  }
  const byTerm = (key: 'categories' | 'tags') => {
    const out: Record<string, Data[]> = {};
    posts.forEach((post, i) => {
      for (const term of (site.posts[i]!.data[key] as string[] | undefined) ?? []) (out[term] ??= []).push(post);
    });
    return out;
  };
  return {
    ...site.config,
    ...labelled,
    posts,
    pages,
    html_pages: pages.filter((p) => /\.(html|md|markdown)$/i.test(String(p.path))),
    collections,
    documents: collections.filter((c) => c.label !== 'posts').flatMap((c) => c.docs as Data[]).concat(posts),
    data: site.data,
    categories: byTerm('categories'),
    tags: byTerm('tags'),
    related_posts: posts.slice(0, 10),
    static_files: [],
    time,
  };
}
