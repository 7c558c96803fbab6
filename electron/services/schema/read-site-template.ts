/**
 * The site's own template for new posts: Jekyll `_posts/_defaults.md`
 * (or `_drafts/_defaults.md`), Hugo `archetypes/default.md` (or a
 * per-section archetype). Its keys give the field order; its literal values
 * the defaults. Go-template placeholders (`{{ .Date }}`) are not defaults.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parsePost } from '../../../shared/front-matter/post-document';
import type { FrontMatterLanguage, SiteKind } from '../../../shared/model';
import type { SiteTemplate } from '../../../shared/front-matter/infer-schema';
import type { FrontMatterData } from '../../../shared/front-matter/field-path';

export interface ReadTemplate extends SiteTemplate {
  /** Site-relative path of the template file. */
  path: string;
  language: FrontMatterLanguage;
}

const CANDIDATES: Record<SiteKind, string[]> = {
  jekyll: ['_posts/_defaults.md', '_drafts/_defaults.md', '_templates/post.md'],
  hugo: ['archetypes/default.md', 'archetypes/posts.md', 'archetypes/post.md', 'archetypes/blog.md'],
  zola: [],
  eleventy: [],
  astro: [],
  unknown: [],
};

const PLACEHOLDER = /\{\{|\{%|<%/;

export async function readSiteTemplate(root: string, kind: SiteKind, section?: string): Promise<ReadTemplate | null> {
  const candidates = section && kind === 'hugo' ? [`archetypes/${section}.md`, ...CANDIDATES.hugo] : CANDIDATES[kind];
  for (const relative of candidates) {
    let text: string;
    try {
      text = (await readFile(path.join(root, relative), 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
    } catch {
      continue;
    }
    const template = templateFrom(text);
    if (template) return { ...template, path: relative };
  }
  return null;
}

export function templateFrom(text: string): (SiteTemplate & { language: FrontMatterLanguage }) | null {
  const post = parsePost(text);
  if (!post.block || !post.language) return null;
  if (post.data) {
    const defaults: FrontMatterData = {};
    for (const [key, value] of Object.entries(post.data)) if (!hasPlaceholder(value)) defaults[key] = value;
    return { order: Object.keys(post.data), defaults, language: post.language };
  }
  // A template whose placeholders break the parser still tells the order of its keys.
  const keyLine = post.language === 'toml' ? /^([A-Za-z0-9_-]+)\s*=/gm : /^([A-Za-z0-9_-]+)\s*:/gm;
  const order = [...post.block.content.matchAll(keyLine)].map((m) => m[1]!);
  return order.length > 0 ? { order, defaults: {}, language: post.language } : null;
}

function hasPlaceholder(value: unknown): boolean {
  if (typeof value === 'string') return PLACEHOLDER.test(value);
  if (Array.isArray(value)) return value.some(hasPlaceholder);
  if (value && typeof value === 'object') return Object.values(value).some(hasPlaceholder);
  return false;
}
