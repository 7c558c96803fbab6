/**
 * renderPage: one post → one safe HTML document, as the Page view and
 * `recap render` show it. Jekyll posts go through the site's own layouts
 * (render-jekyll.ts); other generators get the post with its header in the
 * site's stylesheet (render-generic.ts), with a note saying layouts are not
 * rendered. Either way the document passes page-safety.ts.
 */
import { createHash } from 'node:crypto';
import type { Site } from '../../../shared/model';
import { PAGE_ADDITIONS_PATH, type PageAnchor } from '../../../shared/page/page-preview';
import type { ShareCard } from '../../../shared/share/share-card';
import { splitRegion, type ContentRegion } from './content-region';
import { renderGenericPost } from './render-generic';
import type { JekyllSiteCache } from './jekyll-site-cache';
import { renderEleventyPost } from './render-eleventy';
import { renderJekyllPost } from './render-jekyll';
import { PAGE_ADDITIONS_CSS, secureDocument } from './page-safety';
import type { CompiledStyle } from './site-styles';

export interface PageRenderOptions {
  externalContent: boolean;
  /**
   * 'inline': stylesheets inlined as <style> (recap render: one file);
   * otherwise a function mapping a site path to the URL the frame loads it from.
   */
  assets: 'inline' | ((sitePath: string) => string);
  /** Keeps the site, its parsed layouts and styles between renders (the Page view); without it all is read afresh. */
  cache?: JekyllSiteCache;
  /**
   * With linked assets: put the compiled stylesheets and Recap's own in the
   * document as <style> (see inlineableCss), listed in `inlineStyles` for the
   * frame's CSP to allow by hash.
   */
  inlineCompiledStyles?: boolean;
}

export interface RenderedPage {
  html: string;
  /** The CSS of each <style> Recap put in the document (inlineCompiledStyles), exactly as the frame reads it. */
  inlineStyles: string[];
  styles: CompiledStyle[];
  share: ShareCard;
  anchors: PageAnchor[];
  layoutsRendered: boolean;
  note: string | null;
  /** The share image as a path of the site (`/images/cover.jpg`) when it is one of its files, else null. */
  shareImagePath: string | null;
  /** The site's handle on X (`@name`), when its SEO settings name one. */
  twitterSite: string | null;
  /** Where the post's body is in `html`, when the frame can replace it in place (content-region.ts); null otherwise. */
  region: ContentRegion | null;
  ms: number;
}

export async function renderPage(site: Site, postPath: string, text: string, options: PageRenderOptions): Promise<RenderedPage> {
  const started = performance.now();
  const rendered = await renderSource(site, postPath, text, options.cache);
  const { html, styles, anchors } = rendered;
  const baseurl = 'site' in rendered ? rendered.site.baseurl : '';
  // Stylesheets are addressed by their content (`?v=`), so a new render's frame reuses them without asking again.
  const versions = new Map<string, string>([[PAGE_ADDITIONS_PATH, versionOf(PAGE_ADDITIONS_CSS)], ...styles.map((style): [string, string] => [style.url, versionOf(style.css)])]);
  const linked = options.assets === 'inline' ? null : options.assets;
  const assetUrl = linked ? (sitePath: string) => (versions.has(sitePath) ? `${linked(sitePath)}?v=${versions.get(sitePath)}` : linked(sitePath)) : null;
  const inlineStyles: string[] = [];
  const inlineAdditions = options.assets === 'inline' || options.inlineCompiledStyles === true;
  if (linked && inlineAdditions) inlineStyles.push(PAGE_ADDITIONS_CSS);
  const withAdditions = addRecapStyles(html, assetUrl && !inlineAdditions ? assetUrl(PAGE_ADDITIONS_PATH) : null);
  const inline = options.assets === 'inline' ? styles : null;
  const compiled = linked && options.inlineCompiledStyles ? styles.filter((style) => inlineableCss(style.css)) : [];
  const secured = secureDocument(withAdditions, {
    externalContent: options.externalContent,
    baseurl,
    assetUrl,
    inlineStyle: inline ? (sitePath) => inline.find((s) => s.url === sitePath)?.css ?? null : null,
    inlineLinked: compiled.length > 0 ? (href) => {
      const css = compiled.find((style) => sitePathOf(href, baseurl) === style.url)?.css ?? null;
      if (css !== null && !inlineStyles.includes(css)) inlineStyles.push(css);
      return css;
    } : null,
  });
  const share = 'seo' in rendered ? pickShare(rendered.seo) : rendered.share;
  const layoutsRendered = site.kind === 'jekyll' || 'eleventy' in rendered;
  const why = 'notRendered' in rendered ? rendered.notRendered : `Layouts are not rendered for ${generatorName(site.kind)} sites`;
  const note = layoutsRendered ? null : `${why}: this is the post with its header${styles.length > 0 || ('stylesheet' in rendered && rendered.stylesheet) ? ' in the site’s stylesheet' : ''}.`;
  const prefix = 'site' in rendered ? rendered.site.url.replace(/\/+$/, '') + baseurl.replace(/\/+$/, '') : '';
  const image = share.image;
  const shareImagePath = image === null ? null : prefix && image.startsWith(prefix + '/') ? image.slice(prefix.length) : image.startsWith('/') && !image.startsWith('//') ? image : null;
  return { html: secured, inlineStyles, styles, share, anchors, layoutsRendered, note, shareImagePath, twitterSite: 'seo' in rendered ? rendered.seo.twitterSite : null, region: splitRegion(secured), ms: performance.now() - started };
}

/** The page before the safety pass: Jekyll's layouts, an Eleventy site's Liquid layouts, else the post with its header. */
async function renderSource(site: Site, postPath: string, text: string, cache: JekyllSiteCache | undefined) {
  if (site.kind === 'jekyll') return renderJekyllPost(site.root, postPath, text, cache);
  if (site.kind === 'eleventy') {
    const eleventy = await renderEleventyPost(site, postPath, text);
    if ('page' in eleventy) return { ...eleventy.page, eleventy: true as const };
    return { ...(await renderGenericPost(site, postPath, text)), notRendered: eleventy.notRendered };
  }
  return renderGenericPost(site, postPath, text);
}

/**
 * A compiled stylesheet can sit in the document itself when nothing in it
 * is relative to its own URL (no url(), no @import) and it cannot end the
 * <style> element early. Why inline: the frame's origin is opaque (sandboxed
 * without allow-same-origin), so Chromium keys its HTTP cache by a new
 * origin for each document and a linked stylesheet is fetched again for
 * every render; inline, it arrives with the document and holds up nothing.
 */
export function inlineableCss(css: string): boolean {
  return !/url\(|@import|<\/style/i.test(css);
}

function sitePathOf(href: string, baseurl: string): string {
  const base = baseurl.replace(/\/+$/, '');
  const sitePath = base && (href === base || href.startsWith(base + '/')) ? href.slice(base.length) || '/' : href;
  return sitePath.split(/[?#]/)[0]!;
}

function versionOf(css: string): string {
  return createHash('sha1').update(css).digest('base64url').slice(0, 12);
}

function pickShare(seo: ShareCard): ShareCard {
  return { title: seo.title, description: seo.description, image: seo.image, url: seo.url, siteName: seo.siteName, card: seo.card };
}

export function generatorName(kind: Site['kind']): string {
  return ({ jekyll: 'Jekyll', hugo: 'Hugo', zola: 'Zola', eleventy: 'Eleventy', astro: 'Astro', unknown: 'this kind of' } as const)[kind];
}

/** Recap's facade styles: a link to its own stylesheet in the frame, inline in `recap render`. */
function addRecapStyles(html: string, href: string | null): string {
  const tag = href ? `<link rel="stylesheet" href="${href}">` : `<style>${PAGE_ADDITIONS_CSS}</style>`;
  return /<\/head>/i.test(html) ? html.replace(/<\/head>/i, `${tag}</head>`) : `${tag}${html}`;
}
