/**
 * Hugo, Zola, Astro and other sites whose layouts Recap does not run: the
 * post with its header as such sites show it (title, date, author, cover,
 * tags) around the Markdown body, in the site's own stylesheet where one is
 * found (Zola's `sass/`, Hugo's `assets/` Sass or `static/` CSS, Astro's
 * `src/styles/` or `public/`), compiled or read from the folder.
 */
import path from 'node:path';
import type { Site } from '../../../shared/model';
import type { ShareCard } from '../../../shared/share/share-card';
import type { Data } from './jekyll-site';
import { frontMatterOf, listValue } from './jekyll-site';
import { headingAnchors, markdownToHtml } from './kramdown';
import { facadeFor, sanitizeBody } from './page-safety';
import { plainText } from './seo';
import { listFiles, readCachedText } from './site-files';
import { loadSass, type CompiledStyle } from './site-styles';
import { toHtml } from 'hast-util-to-html';

export interface GenericPage {
  html: string;
  styles: CompiledStyle[];
  share: ShareCard;
  anchors: { line: number; id: string }[];
  stylesheet: boolean;
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

export async function renderGenericPost(site: Site, postPath: string, text: string): Promise<GenericPage> {
  const { data, body } = frontMatterOf(text);
  const extra = (data.extra ?? data.params ?? {}) as Data;
  const taxonomies = (data.taxonomies ?? {}) as Data;
  const title = str(data.title) ?? path.posix.basename(postPath).replace(/\.[^.]+$/, '');
  const date = str(data.date) ?? str(data.publishDate) ?? str(data.pubDate) ?? (data.date instanceof Date ? data.date.toISOString() : null);
  const author = authorText(data.author ?? data.authors ?? extra.author ?? extra.authors);
  const cover = coverPath(data, extra, postPath);
  const tags = listValue(data.tags ?? taxonomies.tags);

  const content = sanitizeBody(markdownToHtml(shortcodesToFacades(body)));
  const styles = await findStylesheets(site);
  const header = [
    `<h1 class="post-title">${esc(title)}</h1>`,
    date || author ? `<p class="post-meta">${date ? `<time datetime="${esc(date)}">${esc(formatDate(date))}</time>` : ''}${date && author ? ' · ' : ''}${author ? `<span class="post-author">${esc(author)}</span>` : ''}</p>` : '',
    cover ? `<img class="post-cover" src="${esc(cover)}" alt="">` : '',
    tags.length > 0 ? `<ul class="post-tags">${tags.map((tag) => `<li>${esc(tag)}</li>`).join('')}</ul>` : '',
  ].join('\n');
  const links = styles.map((s) => `<link rel="stylesheet" href="${esc(s.url)}">`).join('\n');
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>
${links}
</head><body><main class="main content"><article class="post"><header class="post-header">
${header}
</header><div class="post-content">
${content}
</div></article></main></body></html>`;
  return { html, styles, stylesheet: styles.length > 0, anchors: headingAnchors(body), share: shareFromData(site, postPath, data, content) };
}

/** The share card from the post's own data where the generator's SEO templates are not run: title, description (else the opening text), cover. */
export function shareFromData(site: Site, postPath: string, data: Data, contentHtml: string, url: string | null = null): ShareCard {
  const extra = (data.extra ?? data.params ?? {}) as Data;
  const title = str(data.title) ?? path.posix.basename(postPath).replace(/\.[^.]+$/, '');
  const description = str(data.description) ?? str(data.summary) ?? str(extra.description) ?? (plainText(contentHtml).slice(0, 300) || null);
  const cover = coverPath(data, extra, postPath);
  return { title, description, image: cover, url, siteName: site.name, card: cover ? 'summary_large_image' : 'summary' };
}

function authorText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : str((v as Data)?.name) ?? '')).filter(Boolean).join(', ') || null;
  if (value && typeof value === 'object') return str((value as Data).name);
  return null;
}

function coverPath(data: Data, extra: Data, postPath: string): string | null {
  const coverValue = data.cover;
  const images = Array.isArray(data.images) ? data.images : [];
  const raw =
    str(data.image) ?? str(data.heroImage) ?? str(data.featured_image) ?? str(data.featuredImage) ?? str(typeof coverValue === 'string' ? coverValue : (coverValue as Data | undefined)?.image) ?? str(images[0]) ?? str(extra.image) ?? str(extra.cover);
  if (!raw) return null;
  if (/^(?:https?:)?\/\//i.test(raw) || raw.startsWith('/')) return raw;
  // A page bundle's own file, next to its index.md.
  return `/${path.posix.join(path.posix.dirname(postPath), raw)}`;
}

function formatDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** Hugo/Zola shortcodes that embed a provider become Recap's facades; other shortcodes are left out. */
function shortcodesToFacades(body: string): string {
  return body
    .replace(/\{\{[<%]\s*youtube\s+(?:id=)?["']?([\w-]{6,})["']?[^>%]*[>%]\}\}/g, (_m, id: string) => toHtml(facadeFor(`https://www.youtube.com/embed/${id}`, null)))
    .replace(/\{\{\s*youtube\(\s*id\s*=\s*["']([\w-]+)["'][^)]*\)\s*\}\}/g, (_m, id: string) => toHtml(facadeFor(`https://www.youtube.com/embed/${id}`, null)))
    .replace(/\{\{[<%][\s\S]*?[>%]\}\}/g, '')
    .replace(/\{%[\s\S]*?%\}/g, '');
}

const STYLE_PLACES: Record<string, { sass: string[]; css: string[] }> = {
  zola: { sass: ['sass'], css: ['static'] },
  hugo: { sass: ['assets/scss', 'assets/sass', 'assets/css', 'assets'], css: ['static/css', 'static'] },
  astro: { sass: ['src/styles'], css: ['src/styles', 'public'] },
  eleventy: { sass: ['_sass', 'src/sass', 'src/scss'], css: ['css', 'src/css', 'assets/css', 'public'] },
  unknown: { sass: [], css: ['css', 'assets/css', 'static/css'] },
  jekyll: { sass: [], css: [] },
};

/** At most two stylesheets: compiled Sass entries first, else plain CSS files. */
async function findStylesheets(site: Site): Promise<CompiledStyle[]> {
  const places = STYLE_PLACES[site.kind] ?? STYLE_PLACES.unknown!;
  const out: CompiledStyle[] = [];
  for (const dir of places.sass) {
    const folder = path.join(site.root, dir);
    const entries = (await listFiles(folder, { maxDepth: 1 })).filter((f) => /\.s[ac]ss$/i.test(f) && !path.posix.basename(f).startsWith('_'));
    for (const entry of entries.slice(0, 2 - out.length)) {
      const source = await readCachedText(path.join(folder, entry));
      if (source === null) continue;
      const started = performance.now();
      try {
        const { compileString } = await loadSass();
        const css = compileString(source, { loadPaths: [folder, path.join(site.root, 'node_modules')], syntax: /\.sass$/i.test(entry) ? 'indented' : 'scss', url: new URL(`file://${path.join(folder, entry)}`), logger: { warn: () => undefined, debug: () => undefined } }).css;
        out.push({ url: `/.recap/styles/${entry.replace(/\.s[ac]ss$/i, '.css')}`, css, ms: performance.now() - started });
      } catch {
        // Hugo's templates feed some entries variables; those that need them do not compile alone.
      }
    }
    if (out.length > 0) return out;
  }
  for (const dir of places.css) {
    const folder = path.join(site.root, dir);
    const files = (await listFiles(folder, { maxDepth: 2 })).filter((f) => /\.css$/i.test(f) && !/\.min\.css$/i.test(f) === true);
    for (const file of files.slice(0, 2 - out.length)) {
      const css = await readCachedText(path.join(folder, file));
      if (css !== null) out.push({ url: `/.recap/styles/${file}`, css, ms: 0 });
    }
    if (out.length > 0) return out;
  }
  return out;
}
