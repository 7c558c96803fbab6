/**
 * Lists of allowed values a site keeps in its own files: Jekyll collections
 * (`_staff_members/alex.md` → "alex"), `_data/*.yml|json` lists and maps,
 * Hugo/Zola taxonomies declared in the config (their terms come from posts).
 */
import { opendir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYamlText } from 'yaml';
import type { ChoiceSource } from '../../../shared/front-matter/infer-schema';
import type { SiteKind } from '../../../shared/model';

const NOT_COLLECTIONS = new Set(['_posts', '_drafts', '_data', '_includes', '_layouts', '_site', '_sass', '_plugins', '_templates', '_config']);
const MARKDOWN_OR_HTML = /\.(?:md|markdown|html)$/i;
const DATA_FILE = /\.(?:ya?ml|json)$/i;
const ID_KEYS = ['id', 'slug', 'key', 'name', 'title'];
const MAX_DATA_BYTES = 512 * 1024;

export async function readChoiceSources(root: string, kind: SiteKind): Promise<ChoiceSource[]> {
  if (kind !== 'jekyll') return [];
  return [...(await jekyllCollections(root)), ...(await dataFiles(path.join(root, '_data')))];
}

async function names(dir: string): Promise<Array<{ name: string; isDirectory: boolean; isFile: boolean }>> {
  try {
    const out = [];
    for await (const entry of await opendir(dir)) out.push({ name: entry.name, isDirectory: entry.isDirectory(), isFile: entry.isFile() });
    return out.sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return [];
  }
}

/** Every `_name/` folder of documents is a collection; its documents' file names are the values. */
async function jekyllCollections(root: string): Promise<ChoiceSource[]> {
  const sources: ChoiceSource[] = [];
  for (const entry of await names(root)) {
    if (!entry.isDirectory || !entry.name.startsWith('_') || NOT_COLLECTIONS.has(entry.name)) continue;
    const values = (await names(path.join(root, entry.name)))
      .filter((file) => file.isFile && MARKDOWN_OR_HTML.test(file.name) && !file.name.startsWith('_'))
      .map((file) => file.name.replace(/\.[^.]+$/, ''));
    if (values.length > 0) sources.push({ name: entry.name.slice(1), values });
  }
  return sources;
}

/** `_data/authors.yml` as a map (ids are its keys) or a list (of strings, or of records with an id-like key). */
async function dataFiles(dir: string): Promise<ChoiceSource[]> {
  const sources: ChoiceSource[] = [];
  for (const entry of await names(dir)) {
    if (!entry.isFile || !DATA_FILE.test(entry.name)) continue;
    let data: unknown;
    try {
      const text = await readFile(path.join(dir, entry.name), 'utf8');
      if (text.length > MAX_DATA_BYTES) continue;
      data = /\.json$/i.test(entry.name) ? JSON.parse(text) : parseYamlText(text, { maxAliasCount: 100, logLevel: 'error' });
    } catch {
      continue; // a broken data file is the site build's problem; it just offers no choices
    }
    const values = valuesOf(data);
    if (values.length > 0) sources.push({ name: entry.name.replace(DATA_FILE, ''), values });
  }
  return sources;
}

function valuesOf(data: unknown): string[] {
  if (Array.isArray(data)) {
    return data.flatMap((item): string[] => {
      if (typeof item === 'string' || typeof item === 'number') return [String(item)];
      if (item && typeof item === 'object') {
        const record = item as Record<string, unknown>;
        const id = ID_KEYS.map((k) => record[k]).find((v) => typeof v === 'string' || typeof v === 'number');
        return id === undefined ? [] : [String(id)];
      }
      return [];
    });
  }
  if (data && typeof data === 'object') return Object.keys(data);
  return [];
}
