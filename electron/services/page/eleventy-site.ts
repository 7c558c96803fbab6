/**
 * An Eleventy site as its templates see it, read without running any of its
 * code: the folders from the configuration's `dir` (read as text), the
 * includes and layouts, global data from `_data/*.json`, each template's data
 * cascade (directory data files, the template's own data file, layouts'
 * front matter, its front matter; objects merged and arrays joined, as
 * Eleventy's deep merge does), its URL, and `collections` by tag.
 */
import path from 'node:path';
import { readConfigText, scriptSetting, folderSetting } from '../workspace/site-layout';
import { frontMatterOf, readDataFolder, type Data } from './jekyll-site';
import { listFiles, readCachedText } from './site-files';

export interface EleventySite {
  root: string;
  /** Site-relative folders ('' for the root). */
  input: string;
  includes: string;
  layouts: string;
  output: string;
  pathPrefix: string;
  /** The engine that preprocesses Markdown bodies ('liquid' by default; false: none). */
  markdownEngine: string | false;
  /** The engine of `.html` templates and layouts ('liquid' by default). */
  htmlEngine: string | false;
  /** Every file of the includes folder (and the layouts folder), by its path there. */
  templates: Record<string, string>;
  data: Data;
}

export interface EleventyDocument {
  /** Site-relative path of the template. */
  path: string;
  url: string;
  date: Date;
  fileSlug: string;
  data: Data;
  body: string;
}

const TEMPLATE_FILES = /\.(md|markdown|html|liquid)$/i;
/** Collections read at most this often; the edited post itself is always the live text. */
const COLLECTIONS_TTL_MS = 2000;
const MAX_COLLECTION_FILES = 5000;

export async function loadEleventySite(root: string): Promise<EleventySite> {
  const { text } = await readConfigText(root, 'eleventy');
  const input = folderSetting(scriptSetting(text, 'input')) ?? '';
  const inInput = (key: string, fallback: string) => path.posix.join(input || '.', folderSetting(scriptSetting(text, key)) ?? fallback).replace(/^\.\//, '');
  const includes = inInput('includes', '_includes');
  const layoutsSetting = folderSetting(scriptSetting(text, 'layouts'));
  const layouts = layoutsSetting === null ? includes : inInput('layouts', '_includes');
  const engine = (key: string): string | false => {
    if (new RegExp(`\\b${key}\\s*:\\s*false\\b`).test(text)) return false;
    return scriptSetting(text, key) ?? 'liquid';
  };
  const templates: Record<string, string> = {};
  for (const folder of new Set([includes, layouts])) {
    const dir = path.join(root, folder);
    for (const file of await listFiles(dir)) {
      const source = await readCachedText(path.join(dir, file));
      if (source !== null) templates[file] = source;
    }
  }
  return {
    root,
    input,
    includes,
    layouts,
    output: folderSetting(scriptSetting(text, 'output')) ?? '_site',
    pathPrefix: scriptSetting(text, 'pathPrefix') ?? '/',
    markdownEngine: engine('markdownTemplateEngine'),
    htmlEngine: engine('htmlTemplateEngine'),
    templates,
    data: await readDataFolder(path.join(root, inInput('data', '_data'))),
  };
}

/**
 * The template's data in Eleventy's order, each over the one before: global
 * data, directory data files (outermost first), its layouts' front matter
 * (`layoutData`, innermost over outer), its own data file, its front matter.
 */
export async function templateData(site: EleventySite, postPath: string, frontMatter: Data, layoutData: Data = {}): Promise<Data> {
  const relative = site.input ? path.posix.relative(site.input, postPath) : postPath;
  const folders = path.posix.dirname(relative) === '.' ? [] : path.posix.dirname(relative).split('/');
  const dirs = [site.input, ...folders.map((_, i) => path.posix.join(site.input, ...folders.slice(0, i + 1)))];
  const stem = postPath.replace(/\.[^./]+$/, '');
  const dirFiles = dirs.flatMap((dir) => {
    const name = path.posix.basename(dir || path.basename(site.root));
    return [`${dir ? `${dir}/` : ''}${name}.json`, `${dir ? `${dir}/` : ''}${name}.11tydata.json`];
  });
  let data = await mergeFiles(site, { ...site.data }, dirFiles);
  data = deepMerge(data, layoutData);
  data = await mergeFiles(site, data, [`${stem}.json`, `${stem}.11tydata.json`]);
  return deepMerge(data, frontMatter);
}

async function mergeFiles(site: EleventySite, data: Data, files: readonly string[]): Promise<Data> {
  for (const file of files) {
    const text = await readCachedText(path.join(site.root, file));
    if (text === null) continue;
    try {
      const value: unknown = JSON.parse(text);
      if (value && typeof value === 'object' && !Array.isArray(value)) data = deepMerge(data, value as Data);
    } catch {
      // A broken data file: Eleventy would stop; the page shows without it.
    }
  }
  return data;
}

/** Eleventy's deep merge: plain objects merged key by key, arrays joined (without repeats), anything else replaced. */
export function deepMerge(base: Data, over: Data): Data {
  const out: Data = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    if (Array.isArray(current) && Array.isArray(value)) out[key] = [...new Set([...current, ...value])];
    else if (isPlainObject(current) && isPlainObject(value)) out[key] = deepMerge(current, value);
    else out[key] = value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Data {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

/** The URL Eleventy writes the template to: its `permalink` (already rendered) or its path in the input folder. */
export function urlOf(site: EleventySite, postPath: string, permalink: unknown): string {
  if (typeof permalink === 'string' && permalink.trim() !== '') {
    const url = permalink.trim().replace(/(^|\/)index\.html$/, '$1');
    return url.startsWith('/') ? url : `/${url}`;
  }
  const relative = (site.input ? path.posix.relative(site.input, postPath) : postPath).replace(/\.[^./]+$/, '');
  const parts = relative.split('/');
  if (parts.at(-1) === 'index') parts.pop();
  return `/${parts.join('/')}${parts.length > 0 ? '/' : ''}`;
}

export function fileSlugOf(postPath: string): string {
  const name = path.posix.basename(postPath).replace(/\.[^./]+$/, '');
  return name === 'index' ? path.posix.basename(path.posix.dirname(postPath)) : name.replace(/^\d{4}-\d{2}-\d{2}-/, '');
}

/** Front matter `date` (a day is midnight UTC), a date in the file name, or now (a new post). */
export function dateOf(data: Data, postPath: string): Date {
  const value = data.date;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value);
  const named = /(\d{4}-\d{2}-\d{2})/.exec(path.posix.basename(postPath));
  return named ? new Date(`${named[1]}T00:00:00Z`) : new Date();
}

const collectionCache = new Map<string, { at: number; docs: EleventyDocument[] }>();

/** Every template of the site with its data (for `collections`), read again at most every 2 s. */
export async function siteDocuments(site: EleventySite): Promise<EleventyDocument[]> {
  const kept = collectionCache.get(site.root);
  if (kept && Date.now() - kept.at < COLLECTIONS_TTL_MS) return kept.docs;
  const inputDir = path.join(site.root, site.input);
  const skipped = new Set([site.includes, site.layouts, site.output, 'node_modules'].map((dir) => (site.input ? path.posix.relative(site.input, dir) : dir)));
  const files = (await listFiles(inputDir, { skip: (relative, entry) => entry.isDirectory() && skipped.has(relative) })).filter((file) => TEMPLATE_FILES.test(file) && !/(^|\/)README\.md$/i.test(file)).slice(0, MAX_COLLECTION_FILES);
  const docs: EleventyDocument[] = [];
  for (const file of files) {
    const postPath = site.input ? `${site.input}/${file}` : file;
    const text = await readCachedText(path.join(site.root, postPath));
    if (text === null) continue;
    docs.push(await documentOf(site, postPath, text));
  }
  collectionCache.set(site.root, { at: Date.now(), docs });
  return docs;
}

export async function documentOf(site: EleventySite, postPath: string, text: string, layoutData: Data = {}): Promise<EleventyDocument> {
  const { data: frontMatter, body } = frontMatterOf(text);
  const data = await templateData(site, postPath, frontMatter, layoutData);
  return { path: postPath, url: urlOf(site, postPath, data.permalink), date: dateOf(data, postPath), fileSlug: fileSlugOf(postPath), data, body };
}

/** `collections.all` and one collection per tag, each sorted by date (then path), as Eleventy sorts them. */
export function collectionsOf(docs: readonly EleventyDocument[], item: (doc: EleventyDocument) => Data): Data {
  const sorted = [...docs].filter((doc) => doc.data.eleventyExcludeFromCollections !== true).sort((a, b) => a.date.getTime() - b.date.getTime() || (a.path < b.path ? -1 : 1));
  const items = sorted.map((doc) => ({ doc, value: item(doc) }));
  const collections: Data = { all: items.map((i) => i.value) };
  for (const { doc, value } of items) {
    const tags = Array.isArray(doc.data.tags) ? doc.data.tags : typeof doc.data.tags === 'string' ? [doc.data.tags] : [];
    for (const tag of tags) if (typeof tag === 'string') ((collections[tag] ??= []) as Data[]).push(value);
  }
  return collections;
}
