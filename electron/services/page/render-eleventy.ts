/**
 * An Eleventy post through the site's own layouts, where they are Liquid
 * (`.liquid`, and `.html`, which Eleventy renders with Liquid unless the
 * configuration says otherwise): the body's Liquid (Markdown is
 * preprocessed with Liquid by default), Markdown as markdown-it writes it,
 * the body sanitised, then each layout up the chain with the data cascade
 * as top-level variables, `page`, `collections` and `eleventy`. Liquid runs
 * as Eleventy configures liquidjs (dynamic partials, `render`/`include` from
 * the includes folder, held in memory). A layout in another language
 * (Nunjucks, JavaScript…) is not rendered: the post is shown with its
 * header instead, with a line that says why.
 */
import path from 'node:path';
import { Liquid } from 'liquidjs';
import { RecapError } from '../../../shared/errors';
import type { Site } from '../../../shared/model';
import type { PageAnchor } from '../../../shared/page/page-preview';
import type { ShareCard } from '../../../shared/share/share-card';
import { eleventyAnchors, eleventyMarkdown } from './eleventy-markdown';
import { collectionsOf, documentOf, loadEleventySite, siteDocuments, type EleventyDocument, type EleventySite } from './eleventy-site';
import { frontMatterOf, type Data } from './jekyll-site';
import { registerUnknownTags } from './liquid-engine';
import { sanitizeBody } from './page-safety';
import { liquidProblem } from './render-jekyll';
import { shareFromData } from './render-generic';
import { readCachedText } from './site-files';
import type { CompiledStyle } from './site-styles';

export const ELEVENTY_VERSION = '3.1.8';
const RENDER_LIMIT_MS = 2000;
const MAX_LAYOUT_DEPTH = 12;
const LAYOUT_EXTENSIONS = ['.liquid', '.html', '.njk', '.md', '.11ty.js', '.webc', '.hbs', '.mustache', '.ejs', '.pug', '.haml'];

export interface EleventyPage {
  html: string;
  /** The site's own stylesheets the page links (`/css/site.css`), read from the folder. */
  styles: CompiledStyle[];
  share: ShareCard;
  anchors: PageAnchor[];
}

/** `notRendered`: why the layouts are not rendered, as the start of a sentence ("Its layout … is Nunjucks…"). */
export type EleventyRender = { page: EleventyPage } | { notRendered: string };

interface Layout {
  name: string;
  data: Data;
  body: string;
}

export async function renderEleventyPost(site: Site, postPath: string, text: string): Promise<EleventyRender> {
  const eleventy = await loadEleventySite(site.root);
  const { body } = frontMatterOf(text);
  const chain = await layoutChain(eleventy, (await documentOf(eleventy, postPath, text)).data.layout);
  if ('notRendered' in chain) return chain;
  const layoutData: Data = {};
  for (const layout of [...chain.layouts].reverse()) Object.assign(layoutData, withoutKey(layout.data, 'layout'));
  const doc = await documentOf(eleventy, postPath, text, layoutData);
  const liquid = createEleventyLiquid(eleventy, [body, ...chain.layouts.map((l) => l.body)]);

  const uses = (name: string) => [body, ...chain.layouts.map((l) => l.body), ...Object.values(eleventy.templates)].some((t) => t.includes(name));
  const docs = uses('collections') ? [...(await siteDocuments(eleventy)).filter((d) => d.path !== postPath), ...(doc.data.draft === true ? [] : [doc])] : [];
  const items = new Map<EleventyDocument, Data>();
  const itemOf = (d: EleventyDocument): Data => {
    let item = items.get(d);
    if (!item) {
      let content: string | null = null;
      item = { url: d.url, date: d.date, data: d.data, inputPath: `./${d.path}`, fileSlug: d.fileSlug, outputPath: outputPathOf(eleventy, d.url), page: pageVariable(eleventy, d) };
      Object.defineProperty(item, 'templateContent', { enumerable: true, get: () => (content ??= sanitizeBody(eleventyMarkdown(d.body.replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, '')).html)) });
      Object.defineProperty(item, 'content', { enumerable: false, get: () => item!.templateContent });
      items.set(d, item);
    }
    return item;
  };
  const collections = collectionsOf(docs, itemOf);
  const page = pageVariable(eleventy, doc);
  const scope = { ...doc.data, page, collections, eleventy: { version: ELEVENTY_VERSION, generator: `Eleventy v${ELEVENTY_VERSION}`, env: { runMode: 'serve', source: 'cli' } } };

  let bodyHtml: string;
  let html: string;
  let anchors: PageAnchor[] | null = null;
  try {
    const isMarkdown = /\.(md|markdown)$/i.test(postPath);
    const engine = isMarkdown ? eleventy.markdownEngine : /\.html$/i.test(postPath) ? eleventy.htmlEngine : 'liquid';
    const expanded = engine === 'liquid' && /\{[{%]/.test(body) && doc.data.templateEngineOverride !== 'md' ? await render(liquid, body, scope) : body;
    const converted = isMarkdown ? eleventyMarkdown(expanded) : { html: expanded, anchors: [] };
    // The headings' lines come from the same parse only when Liquid changed nothing (else they are not the editor's).
    if (expanded === body) anchors = converted.anchors;
    bodyHtml = sanitizeBody(converted.html);
    html = bodyHtml;
    for (const layout of chain.layouts) html = await render(liquid, layout.body, { ...scope, content: html });
  } catch (error) {
    throw liquidProblem(error, postPath);
  }
  const siteUrl = typeof (doc.data.metadata as Data | undefined)?.url === 'string' ? String((doc.data.metadata as Data).url) : null;
  return {
    page: {
      html,
      styles: await linkedStyles(eleventy, html),
      // The description falls back to the post's own opening text, not the page's (its header and nav come first).
      share: shareFromData(site, postPath, doc.data, bodyHtml, siteUrl ? siteUrl.replace(/\/+$/, '') + doc.url : null),
      anchors: anchors ?? eleventyAnchors(body),
    },
  };
}

const STYLESHEET_LINK = /<link\b[^>]*\brel=["']?stylesheet\b[^>]*>/gi;

/** Local stylesheets the page links, found where Eleventy copies them from: the input folder, then the site root. */
async function linkedStyles(site: EleventySite, html: string): Promise<CompiledStyle[]> {
  const prefix = site.pathPrefix.replace(/\/+$/, '');
  const styles: CompiledStyle[] = [];
  for (const [tag] of html.matchAll(STYLESHEET_LINK)) {
    const href = /\bhref=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (!href || !href.startsWith('/') || href.startsWith('//')) continue;
    const url = (prefix && href.startsWith(`${prefix}/`) ? href.slice(prefix.length) : href).split(/[?#]/)[0]!;
    if (url.split('/').some((segment) => segment === '..' || segment.startsWith('.')) || styles.some((s) => s.url === url)) continue;
    for (const dir of new Set([site.input, ''])) {
      const css = await readCachedText(path.join(site.root, dir, url));
      if (css === null) continue;
      styles.push({ url, css, ms: 0 });
      break;
    }
  }
  return styles;
}

async function layoutChain(site: EleventySite, first: unknown): Promise<{ layouts: Layout[] } | { notRendered: string }> {
  const layouts: Layout[] = [];
  let name = typeof first === 'string' && first.trim() !== '' ? first.trim() : null;
  if (name === null) return { notRendered: 'This page has no layout in its Eleventy data' };
  while (name !== null) {
    if (layouts.length >= MAX_LAYOUT_DEPTH || layouts.some((l) => l.name === name)) {
      throw new RecapError('refused', `The layout "${name}" includes itself; the Page view cannot render it.`);
    }
    const found = await findLayout(site, name);
    if (found === null) throw new RecapError('refused', `The layout "${name}" is not in ${site.layouts}/; the Text view is shown.`);
    if (!isLiquid(site, found.file)) {
      return { notRendered: `Its layout ${found.file} is ${languageOf(found.file)}, which Recap does not render` };
    }
    const { data, body } = frontMatterOf(found.text);
    layouts.push({ name, data, body });
    name = typeof data.layout === 'string' && data.layout.trim() !== '' ? data.layout.trim() : null;
  }
  return { layouts };
}

/** `layout: post`, `layout: layouts/post.liquid`: in the layouts folder, with or without its extension. */
async function findLayout(site: EleventySite, name: string): Promise<{ file: string; text: string } | null> {
  if (name.includes('..') || name.startsWith('/')) return null;
  const candidates = path.posix.extname(name) ? [name] : LAYOUT_EXTENSIONS.map((ext) => name + ext);
  for (const candidate of candidates) {
    const text = await readCachedText(path.join(site.root, site.layouts, candidate));
    if (text !== null) return { file: candidate, text };
  }
  return null;
}

function isLiquid(site: EleventySite, file: string): boolean {
  return /\.liquid$/i.test(file) || (/\.html$/i.test(file) && site.htmlEngine === 'liquid');
}

function languageOf(file: string): string {
  const ext = path.posix.extname(file).toLowerCase();
  const names: Record<string, string> = { '.njk': 'Nunjucks', '.js': 'JavaScript', '.webc': 'WebC', '.hbs': 'Handlebars', '.mustache': 'Mustache', '.ejs': 'EJS', '.pug': 'Pug', '.haml': 'Haml', '.md': 'Markdown', '.html': 'HTML without Liquid' };
  return names[ext] ?? `a template language Recap does not know (${ext})`;
}

/** liquidjs as Eleventy sets it up: partials named in quotes (`{% render "card.liquid" %}`), from the includes folder. */
function createEleventyLiquid(site: EleventySite, templates: readonly string[]): Liquid {
  // In memory (no reads from templates); liquidjs appends `extname` to every name there, so each `.liquid` file is
  // also kept under its name without it, as Eleventy finds `{% render "card" %}`.
  const partials: Record<string, string> = { ...site.templates };
  for (const [name, source] of Object.entries(site.templates)) if (name.endsWith('.liquid')) partials[name.slice(0, -'.liquid'.length)] ??= source;
  const engine = new Liquid({
    templates: partials,
    extname: '',
    dynamicPartials: true,
    strictFilters: false,
    strictVariables: false,
    jekyllInclude: false,
    timezoneOffset: 0,
  });
  const prefix = site.pathPrefix.replace(/\/+$/, '');
  engine.registerFilter('url', (input: unknown) => {
    const url = String(input ?? '');
    return url.startsWith('/') && !url.startsWith('//') ? `${prefix}${url}` : url;
  });
  const slugify = (input: unknown) =>
    String(input ?? '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  engine.registerFilter('slugify', slugify);
  engine.registerFilter('slug', slugify);
  engine.registerFilter('log', (input: unknown) => input);
  engine.registerFilter('inputPathToUrl', (input: unknown) => input);
  // Eleventy's collection-item filters: the item of the current page in `collection`, or its neighbours.
  const pickers: Record<string, (items: Data[], at: number) => unknown> = {
    getCollectionItemIndex: (_items, at) => at,
    getCollectionItem: (items, at) => (at >= 0 ? items[at] : undefined),
    getPreviousCollectionItem: (items, at) => (at > 0 ? items[at - 1] : undefined),
    getNextCollectionItem: (items, at) => (at >= 0 ? items[at + 1] : undefined),
  };
  for (const [name, pick] of Object.entries(pickers)) {
    engine.registerFilter(name, function (this: { context: { get(path: string[]): unknown } }, collection: unknown) {
      const items = Array.isArray(collection) ? (collection as Data[]) : [];
      const page = this.context.get(['page']) as Data | undefined;
      return pick(items, page ? items.findIndex((item) => item.url === page.url) : -1);
    });
  }
  // Shortcodes from plugins (`{% youtube %}`, `{% image %}`…) render nothing rather than failing the page.
  registerUnknownTags(engine, [...templates, ...Object.values(site.templates)]);
  return engine;
}

async function render(liquid: Liquid, template: string, scope: object): Promise<string> {
  return liquid.parseAndRender(template, scope, { renderLimit: RENDER_LIMIT_MS }) as Promise<string>;
}

function pageVariable(site: EleventySite, doc: EleventyDocument): Data {
  const stem = (site.input ? path.posix.relative(site.input, doc.path) : doc.path).replace(/\.[^./]+$/, '');
  return { url: doc.url, date: doc.date, fileSlug: doc.fileSlug, filePathStem: `/${stem}`, inputPath: `./${doc.path}`, outputPath: outputPathOf(site, doc.url), outputFileExtension: 'html', templateSyntax: 'liquid,md' };
}

function outputPathOf(site: EleventySite, url: string): string {
  return `./${site.output}${url.endsWith('/') ? `${url}index.html` : url}`;
}

function withoutKey(data: Data, key: string): Data {
  const { [key]: _omitted, ...rest } = data;
  return rest;
}
