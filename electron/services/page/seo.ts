/**
 * jekyll-seo-tag's resolution (v2.8): title, description, canonical URL,
 * image, site name, author and card type from the page and the site, and the
 * tags `{% seo %}` writes. The same values answer `recap share`.
 */
import type { ShareCard } from '../../../shared/share/share-card';
import { absoluteUrl } from './jekyll-urls';
import type { Data, JekyllSite } from './jekyll-site';
import { xmlSchema } from './jekyll-time';

export interface SeoValues extends ShareCard {
  /** The `<title>`: page title | site title. */
  documentTitle: string | null;
  author: { name: string; twitter: string } | null;
  locale: string;
  type: 'article' | 'website';
  publishedTime: string | null;
  twitterSite: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null);

/** strip_html + normalize_whitespace, as the plugin formats every string. */
export function plainText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<!--[\s\S]*?-->/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** `page` as templates see it (front matter + url + date + excerpt html). */
export function resolveSeo(site: JekyllSite, page: Data & { url: string; excerpt?: string }): SeoValues {
  const config = site.config;
  const siteTitle = str(config.title) ?? str(config.name);
  const pageTitle = str(page.title) ?? siteTitle;
  const isHome = page.url === '/' || page.url === '/index.html';
  const documentTitle = pageTitle && siteTitle && pageTitle !== siteTitle && !isHome ? `${pageTitle} | ${siteTitle}` : (siteTitle ?? pageTitle);
  const rawDescription = str(page.description) ?? str(page.excerpt) ?? str(config.description);
  const description = rawDescription ? plainText(rawDescription) || null : null;
  const siteUrl = str(config.url) ?? '';
  const canonical = str(page.canonical_url) ?? absoluteUrl(page.url.replace(/\/index\.html$/, '/'), siteUrl, site.baseurl);
  const image = imageOf(page.image, siteUrl, site.baseurl);
  const twitter = (config.twitter && typeof config.twitter === 'object' ? config.twitter : {}) as Data;
  const pageTwitter = (page.twitter && typeof page.twitter === 'object' ? page.twitter : {}) as Data;
  const card = image ? ((str(pageTwitter.card) ?? str(twitter.card) ?? 'summary_large_image') === 'summary' ? 'summary' : 'summary_large_image') : 'summary';
  const username = str(twitter.username);
  const date = page.date instanceof Date ? page.date : null;
  return {
    title: pageTitle,
    description,
    image,
    url: siteUrl ? canonical : null,
    siteName: siteTitle,
    card,
    documentTitle,
    author: authorOf(page, config),
    locale: (str(page.locale) ?? str(config.locale) ?? str(page.lang) ?? str(config.lang) ?? 'en_US').replace(/-/g, '_'),
    type: date && page.collection === 'posts' ? 'article' : date ? 'article' : 'website',
    publishedTime: date ? xmlSchema(date, site.timeZone) : null,
    twitterSite: username ? `@${username.replace(/^@/, '')}` : null,
  };
}

function imageOf(value: unknown, siteUrl: string, baseurl: string): string | null {
  const raw = str(value) ?? (value && typeof value === 'object' ? str((value as Data).path) : null);
  if (!raw) return null;
  return /^https?:\/\//i.test(raw) ? raw : absoluteUrl(raw, siteUrl, baseurl);
}

function authorOf(page: Data, config: Data): { name: string; twitter: string } | null {
  const authors = page.authors;
  const sources = [page.author, Array.isArray(authors) ? authors[0] : undefined, config.author];
  const found = sources.find((s) => s !== undefined && s !== null && !(typeof s === 'string' && s === '') && !(Array.isArray(s) && s.length === 0));
  let name: string | null = null;
  let handle: string | null = null;
  if (typeof found === 'string') {
    const fromData = (config.__authors as Data | undefined)?.[found] as Data | undefined;
    name = str(fromData?.name) ?? found;
    handle = str(fromData?.twitter);
  } else if (found && typeof found === 'object' && !Array.isArray(found)) {
    name = str((found as Data).name);
    handle = str((found as Data).twitter);
  }
  if (!name) return null;
  return { name, twitter: (handle ?? name).replace(/^@/, '') };
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What `{% seo %}` writes (the JSON-LD script is left out: no script enters a preview). */
export function seoTags(values: SeoValues, generator = 'Jekyll v4.3.4', hasTwitter = true): string {
  const lines = ['<!-- Begin Jekyll SEO tag v2.8.0 -->'];
  const meta = (attr: 'name' | 'property', key: string, content: string) => lines.push(`<meta ${attr}="${key}" content="${esc(content)}" />`);
  if (values.documentTitle) lines.push(`<title>${esc(values.documentTitle)}</title>`);
  meta('name', 'generator', generator);
  if (values.title) meta('property', 'og:title', values.title);
  if (values.author) meta('name', 'author', values.author.name);
  meta('property', 'og:locale', values.locale);
  if (values.description) {
    meta('name', 'description', values.description);
    meta('property', 'og:description', values.description);
  }
  if (values.url) {
    lines.push(`<link rel="canonical" href="${esc(values.url)}" />`);
    meta('property', 'og:url', values.url);
  }
  if (values.siteName) meta('property', 'og:site_name', values.siteName);
  if (values.image) meta('property', 'og:image', values.image);
  meta('property', 'og:type', values.type);
  if (values.type === 'article' && values.publishedTime) meta('property', 'article:published_time', values.publishedTime);
  if (hasTwitter && values.twitterSite !== null) {
    meta('name', 'twitter:card', values.card);
    if (values.image) meta('property', 'twitter:image', values.image);
    if (values.title) meta('property', 'twitter:title', values.title);
    meta('name', 'twitter:site', values.twitterSite);
    if (values.author) meta('name', 'twitter:creator', `@${values.author.twitter}`);
  }
  lines.push('<!-- End Jekyll SEO tag -->');
  return lines.join('\n') + '\n';
}
