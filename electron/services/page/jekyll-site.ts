/**
 * A Jekyll site as its templates see it: `_config.yml` (with Jekyll's
 * defaults), front-matter `defaults`, `_data/`, the posts, pages and every
 * collection with their URLs, `_includes/` and `_layouts/`. Read from the
 * folder only; a theme that is not in the folder is named, never fetched.
 */
import path from 'node:path';
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml';
import type { FrontMatterValue } from '../../../shared/model';
import { readFrontMatter } from '../front-matter/read-front-matter';
import { parseSiteDate, validTimeZone } from './jekyll-time';
import { fillPermalink, pageUrl, permalinkTemplate } from './jekyll-urls';
import { listFiles, readCachedText } from './site-files';

export type Data = Record<string, unknown>;

export interface SiteDocument {
  /** Relative to the site root, `/` separators. */
  path: string;
  collection: string | null;
  /** Front matter with defaults applied, dates as Date. */
  data: Data;
  body: string;
  url: string;
  date: Date;
  slug: string;
  markdown: boolean;
}

export interface Layout {
  name: string;
  data: Data;
  body: string;
}

export interface JekyllSite {
  root: string;
  config: Data;
  timeZone: string;
  url: string;
  baseurl: string;
  permalink: string;
  includes: Record<string, string>;
  layouts: Map<string, Layout>;
  posts: SiteDocument[];
  pages: SiteDocument[];
  collections: Map<string, SiteDocument[]>;
  /** Collection labels with `output` etc., as `site.collections` lists them. */
  collectionMeta: Map<string, Data>;
  data: Data;
  /** Named when `theme:` / `remote_theme:` is set but its files are not in the folder. */
  theme: string | null;
}

const MARKDOWN_EXT = /\.(md|markdown|mkdown|mkd|mkdn)$/i;
const POST_FILE = /^(?:.*\/)?(\d{4})-(\d{1,2})-(\d{1,2})-(.+)\.[^.]+$/;
const CONFIG_DEFAULTS: Data = {
  baseurl: '',
  url: '',
  permalink: 'date',
  excerpt_separator: '\n\n',
  markdown: 'kramdown',
  collections_dir: '',
  lang: undefined,
};

async function readYamlFile(file: string): Promise<unknown> {
  const text = await readCachedText(file);
  if (text === null) return undefined;
  try {
    return loadYaml(text, { schema: CORE_SCHEMA, json: true });
  } catch {
    return undefined;
  }
}

export async function readJekyllConfig(root: string): Promise<Data> {
  const raw = (await readYamlFile(path.join(root, '_config.yml'))) ?? (await readYamlFile(path.join(root, '_config.yaml')));
  const config = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Data) : {};
  return { ...CONFIG_DEFAULTS, ...config };
}

export async function loadJekyllSite(root: string): Promise<JekyllSite> {
  const config = await readJekyllConfig(root);
  const timeZone = validTimeZone(config.timezone);
  const baseurl = typeof config.baseurl === 'string' ? config.baseurl : '';
  const url = typeof config.url === 'string' ? config.url : '';
  const permalink = permalinkTemplate(config.permalink);
  const theme = themeName(config);
  const collectionsDir = typeof config.collections_dir === 'string' ? config.collections_dir.replace(/^\/+|\/+$/g, '') : '';
  const inCollections = (label: string) => path.join(root, collectionsDir, `_${label}`);

  const [includes, layouts, data, pages] = await Promise.all([
    readFolderTexts(path.join(root, '_includes')),
    readLayouts(path.join(root, '_layouts')),
    readDataFolder(path.join(root, '_data')),
    readPages(root, config, timeZone, permalink),
  ]);

  const meta = collectionSettings(config);
  const collections = new Map<string, SiteDocument[]>();
  await Promise.all(
    [...meta.keys()].map(async (label) => {
      const docs = await readCollection(root, inCollections(label), label, meta.get(label)!, config, timeZone, permalink);
      collections.set(label, docs);
    }),
  );
  const posts = await readCollection(root, inCollections('posts'), 'posts', { output: true, permalink: config.permalink }, config, timeZone, permalink);
  posts.sort((a, b) => b.date.getTime() - a.date.getTime() || (a.path < b.path ? 1 : -1));
  collections.set('posts', posts);
  meta.set('posts', { output: true, permalink: config.permalink });

  return { root, config, timeZone, url, baseurl, permalink, includes, layouts, posts, pages, collections, collectionMeta: meta, data, theme };
}

function themeName(config: Data): string | null {
  const value = config.remote_theme ?? config.theme;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function collectionSettings(config: Data): Map<string, Data> {
  const out = new Map<string, Data>();
  const value = config.collections;
  if (Array.isArray(value)) for (const label of value) if (typeof label === 'string') out.set(label, {});
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [label, settings] of Object.entries(value as Data)) {
      if (label !== 'posts') out.set(label, settings && typeof settings === 'object' ? (settings as Data) : {});
    }
  }
  out.delete('posts');
  return out;
}

async function readFolderTexts(folder: string): Promise<Record<string, string>> {
  const files = await listFiles(folder);
  const texts = await Promise.all(files.map((file) => readCachedText(path.join(folder, file))));
  const out: Record<string, string> = {};
  files.forEach((file, i) => {
    if (texts[i] !== null) out[file] = texts[i]!;
  });
  return out;
}

async function readLayouts(folder: string): Promise<Map<string, Layout>> {
  const texts = await readFolderTexts(folder);
  const layouts = new Map<string, Layout>();
  for (const [file, text] of Object.entries(texts)) {
    const { data, body } = frontMatterOf(text);
    const name = file.replace(/\.[^./]+$/, '');
    layouts.set(name, { name, data, body });
  }
  return layouts;
}

/** Front matter and body; a template whose front matter cannot be read renders its whole text. */
export function frontMatterOf(text: string): { data: Data; body: string; hasFrontMatter: boolean } {
  const parsed = readFrontMatter(text);
  if (!parsed.block) return { data: {}, body: text, hasFrontMatter: false };
  return { data: (parsed.data ?? {}) as Data, body: parsed.body, hasFrontMatter: true };
}

export async function readDataFolder(folder: string): Promise<Data> {
  const files = (await listFiles(folder)).filter((f) => /\.(ya?ml|json)$/i.test(f));
  const out: Data = {};
  await Promise.all(
    files.map(async (file) => {
      const text = await readCachedText(path.join(folder, file));
      if (text === null) return;
      let value: unknown;
      try {
        value = /\.json$/i.test(file) ? JSON.parse(text) : loadYaml(text, { schema: CORE_SCHEMA, json: true });
      } catch {
        return;
      }
      const keys = file.replace(/\.[^./]+$/, '').split('/');
      let target = out;
      for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Data;
      target[keys[keys.length - 1]!] = value;
    }),
  );
  return out;
}

/** Jekyll's front-matter `defaults`, matched by path prefix and type (posts, pages, drafts, a collection). */
export function applyDefaults(config: Data, relativePath: string, type: string, data: Data): Data {
  const defaults = Array.isArray(config.defaults) ? config.defaults : [];
  let merged: Data = {};
  for (const entry of defaults) {
    if (!entry || typeof entry !== 'object') continue;
    const { scope, values } = entry as { scope?: Data; values?: Data };
    if (!values || typeof values !== 'object') continue;
    const scopePath = typeof scope?.path === 'string' ? scope.path.replace(/^\/+/, '') : '';
    const scopeType = typeof scope?.type === 'string' ? scope.type : null;
    if (scopeType !== null && scopeType !== type) continue;
    if (scopePath !== '' && !pathMatches(scopePath, relativePath)) continue;
    merged = { ...merged, ...values };
  }
  return { ...merged, ...data };
}

function pathMatches(scope: string, relative: string): boolean {
  if (scope.includes('*')) {
    const pattern = new RegExp('^' + scope.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*'));
    return pattern.test(relative);
  }
  return relative === scope || relative.startsWith(scope.replace(/\/?$/, '/'));
}

/** YAML timestamps become dates, as Ruby's YAML reads them. */
function withDates(data: Data, timeZone: string): Data {
  const out: Data = {};
  for (const [key, value] of Object.entries(data)) {
    out[key] = typeof value === 'string' && /^\d{4}-\d{1,2}-\d{1,2}(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i.test(value.trim())
      ? (parseSiteDate(value, timeZone) ?? value)
      : value;
  }
  return out;
}

export function listValue(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(String);
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}

/** A file of a collection (posts included) → its document; `text` overrides what is on disk (the editor's text). */
export function toDocument(
  relativePath: string,
  text: string,
  collection: string,
  settings: Data,
  config: Data,
  timeZone: string,
  sitePermalink: string,
  mtime?: Date,
): SiteDocument {
  const { data: own, body } = frontMatterOf(text);
  const type = collection === 'posts' && relativePath.includes('_drafts/') ? 'drafts' : collection;
  const data = withDates(applyDefaults(config, relativePath, type, own as Data), timeZone);
  const base = path.posix.basename(relativePath);
  const named = POST_FILE.exec(base);
  const slug = typeof data.slug === 'string' && data.slug ? data.slug : named ? named[4]! : base.replace(/\.[^.]+$/, '');
  const fileDate = named ? parseSiteDate(`${named[1]}-${named[2]}-${named[3]}`, timeZone) : null;
  const date = data.date instanceof Date ? data.date : (fileDate ?? mtime ?? new Date());
  const dirCategories = collection === 'posts' ? relativePath.split('/').slice(0, -1).filter((s) => s !== '_posts' && s !== '_drafts' && !s.startsWith('_')) : [];
  const categories = [...dirCategories, ...listValue(data.categories ?? data.category)];
  const tags = listValue(data.tags ?? data.tag);
  const markdown = MARKDOWN_EXT.test(relativePath);
  const inCollection = relativePath.replace(/^(?:.*\/)?_[^/]+\//, '').replace(/\.[^./]+$/, '');
  const template = typeof data.permalink === 'string' && data.permalink ? data.permalink : collection === 'posts' ? sitePermalink : permalinkTemplate(settings.permalink ?? '/:collection/:path:output_ext');
  const url = fillPermalink(template, { date, timeZone, slug, categories, collection, path: inCollection, outputExt: '.html' });
  const title = data.title ?? (collection === 'posts' ? titleizeSlug(slug) : undefined);
  return {
    path: relativePath,
    collection,
    data: { ...data, ...(title !== undefined ? { title } : {}), categories, tags, date },
    body,
    url,
    date,
    slug,
    markdown,
  };
}

/** Jekyll's titleize_slug: `welcome-to-jekyll` → "Welcome To Jekyll". */
export function titleizeSlug(slug: string): string {
  return slug
    .split('-')
    .map((word) => (word ? word[0]!.toUpperCase() + word.slice(1) : word))
    .join(' ');
}

async function readCollection(root: string, folder: string, label: string, settings: Data, config: Data, timeZone: string, permalink: string): Promise<SiteDocument[]> {
  const files = (await listFiles(folder)).filter((f) => /\.(md|markdown|mkd|html|htm|textile)$/i.test(f));
  const docs = await Promise.all(
    files.map(async (file) => {
      const text = await readCachedText(path.join(folder, file));
      if (text === null) return null;
      const relative = path.relative(root, path.join(folder, file)).split(path.sep).join('/');
      if (label === 'posts' && !POST_FILE.test(path.posix.basename(relative))) return null;
      const doc = toDocument(relative, text, label, settings, config, timeZone, permalink);
      if (doc.data.published === false) return null;
      return doc;
    }),
  );
  return docs.filter((doc): doc is SiteDocument => doc !== null);
}

async function readPages(root: string, config: Data, timeZone: string, permalink: string): Promise<SiteDocument[]> {
  const exclude = new Set(listValue(config.exclude).map((e) => e.replace(/\/+$/, '')));
  const files = await listFiles(root, {
    maxDepth: 4,
    skip: (relative) => {
      const first = relative.split('/')[0]!;
      return first.startsWith('_') || exclude.has(relative) || exclude.has(first) || /^(Gemfile|Rakefile|README|LICENSE|CHANGELOG)/i.test(relative);
    },
  });
  const candidates = files.filter((f) => /\.(md|markdown|html|htm|scss|sass|xml|json|txt|css)$/i.test(f));
  const pages = await Promise.all(
    candidates.map(async (relative): Promise<SiteDocument | null> => {
      const text = await readCachedText(path.join(root, relative));
      if (text === null || !/^(?:\uFEFF)?---\s*\r?\n/.test(text)) return null; // only files with front matter are pages
      const { data: own, body } = frontMatterOf(text);
      const data = withDates(applyDefaults(config, relative, 'pages', own), timeZone);
      const url = pageUrl(relative, data.permalink, permalink);
      const date = data.date instanceof Date ? data.date : new Date();
      return { path: relative, collection: null, data, body, url, date, slug: path.posix.basename(relative).replace(/\.[^.]+$/, ''), markdown: MARKDOWN_EXT.test(relative) };
    }),
  );
  return pages.filter((p): p is SiteDocument => p !== null);
}

export type { FrontMatterValue };
