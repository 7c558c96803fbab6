/**
 * What keeps a rendered page safe and private. The post body passes the Text
 * preview's own sanitising schema (plus class, id and data attributes, which
 * the site's styles need and which cannot run anything) before it enters a
 * layout; then the whole document, site templates included, loses scripts,
 * event handlers, frames (replaced by Recap's facades), `javascript:` URLs,
 * refreshes and bases. With external content off, remote images become the
 * placeholder and remote stylesheets are dropped, so nothing leaves the machine.
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { previewSchema } from '../../../shared/preview/sanitize-schema';
import { recognizeEmbedUrl } from '../../../shared/embeds/providers';
import { settleRegion } from './content-region';

const PLACEHOLDER_UNUSED = 'recap-no-placeholder';

function bodySchema() {
  const base = previewSchema(PLACEHOLDER_UNUSED);
  const attributes: NonNullable<typeof base.attributes> = {};
  // Classes and ids style the page and can run nothing: any value passes, on any element.
  const unrestricted = (entry: string | [string, ...unknown[]]) => (typeof entry === 'string' ? entry : entry[0]) !== 'className';
  for (const [tag, list] of Object.entries(base.attributes ?? {})) attributes[tag] = (list as (string | [string, ...unknown[]])[]).filter(unrestricted) as typeof list;
  attributes['*'] = [...(attributes['*'] ?? []), 'className', 'id', 'data*', 'itemProp', 'itemScope', 'itemType', 'role', 'hidden', 'lang', 'dir'];
  attributes.a = [...(attributes.a ?? []), 'rel'];
  return { ...base, attributes, clobberPrefix: '', clobber: [] };
}
const BODY_SCHEMA = bodySchema();

/** An iframe (or an embed lifted from one) → a static box linking to the provider: pure HTML, nothing to run. */
export function facadeFor(src: string, title: string | null): Element {
  const known = recognizeEmbedUrl(src);
  const provider = known ? providerName(known.provider) : hostOf(src);
  const href = known?.provider === 'youtube' && known.id ? `https://www.youtube.com/watch?v=${known.id}` : /^https?:\/\//i.test(src) ? src : null;
  const label = `${provider}${title ? `: ${title}` : ''}`;
  const children: ElementContent[] = [
    { type: 'element', tagName: 'span', properties: { className: ['recap-embed-facade-play'] }, children: [] },
    { type: 'element', tagName: 'span', properties: { className: ['recap-embed-facade-label'] }, children: [{ type: 'text', value: label }] },
  ];
  return href
    ? { type: 'element', tagName: 'a', properties: { className: ['recap-embed-facade'], href, rel: ['noopener', 'noreferrer'] }, children }
    : { type: 'element', tagName: 'span', properties: { className: ['recap-embed-facade'] }, children };
}

function providerName(provider: string): string {
  const names: Record<string, string> = { youtube: 'YouTube video', vimeo: 'Vimeo video', twitter: 'Tweet', gist: 'GitHub Gist', slideshare: 'SlideShare deck', speakerdeck: 'Speaker Deck', codepen: 'CodePen' };
  return names[provider] ?? 'Embedded content';
}

function hostOf(src: string): string {
  try {
    return `Embedded content from ${new URL(src, 'https://invalid.example').host}`;
  } catch {
    return 'Embedded content';
  }
}

type Parent = Root | Element;

function walk(parent: Parent, visit: (node: Element, parent: Parent, index: number) => 'remove' | Element | void): void {
  for (let i = 0; i < parent.children.length; i++) {
    const node = parent.children[i]!;
    if (node.type !== 'element') continue;
    const result = visit(node, parent, i);
    if (result === 'remove') {
      parent.children.splice(i, 1);
      i--;
      continue;
    }
    const current = result ?? node;
    if (result) parent.children[i] = result as RootContent & ElementContent;
    walk(current, visit);
    if (current.content) walk(current.content as unknown as Root, visit);
  }
}

function replaceFrames(tree: Root): void {
  walk(tree, (node) => {
    if (node.tagName === 'iframe' || node.tagName === 'frame' || node.tagName === 'embed' || node.tagName === 'object') {
      const src = String(node.properties.src ?? node.properties.data ?? '');
      const title = typeof node.properties.title === 'string' ? node.properties.title : null;
      return facadeFor(src, title);
    }
  });
}

/** The post body (Markdown already converted) → what may enter the site's layout. */
export function sanitizeBody(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  replaceFrames(tree);
  const clean = sanitize(tree, BODY_SCHEMA) as Root;
  return toHtml(clean, { closeSelfClosing: true });
}

export interface DocumentOptions {
  externalContent: boolean;
  /** Site-relative URL path → where the page fetches it from (Recap's asset route), or null to leave it. */
  assetUrl: ((sitePath: string) => string | null) | null;
  /** The site's baseurl, removed from site paths before they are mapped. */
  baseurl: string;
  /** For one self-contained file: a local stylesheet's CSS (by site path) replaces its <link>. */
  inlineStyle?: ((sitePath: string) => string | null) | null;
  /** For the frame: the CSS to put in place of a stylesheet's <link> (by the link's href as written), or null to keep the link. */
  inlineLinked?: ((href: string) => string | null) | null;
}

const DROPPED = new Set(['script', 'base', 'portal', 'applet', 'noscript', 'frameset']);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formAction', 'poster', 'background', 'cite', 'data', 'xLinkHref', 'manifest', 'ping'];
const REMOTE = /^(?:https?:)?\/\//i;
const META_KEEP = new Set(['charSet', 'name', 'property', 'content', 'itemProp']);

/** The whole rendered document → safe to show: no script in any form, facades for frames, local URLs through Recap. */
export function secureDocument(html: string, options: DocumentOptions): string {
  const tree = fromHtml(html);
  replaceFrames(tree);
  walk(tree, (node) => {
    if (DROPPED.has(node.tagName)) return 'remove';
    const props = node.properties;
    for (const key of Object.keys(props)) {
      if (/^on/i.test(key) || key === 'srcDoc' || key === 'style' || key === 'srcSet' || key === 'imageSrcSet' || key === 'integrity' || key === 'nonce') delete props[key];
    }
    if (node.tagName === 'meta') {
      if (props.httpEquiv !== undefined) return 'remove';
      for (const key of Object.keys(props)) if (!META_KEEP.has(key)) delete props[key];
    }
    if (node.tagName === 'link') return secureLink(node, options);
    if (node.tagName === 'form') node.tagName = 'div';
    if (node.tagName === 'source' || node.tagName === 'track') return 'remove';
    // The frame swaps in once loaded: images below the fold must not hold that up.
    if (node.tagName === 'img') {
      props.loading ??= 'lazy';
      props.decoding ??= 'async';
    }
    for (const key of URL_ATTRIBUTES) {
      const value = props[key];
      if (typeof value !== 'string') continue;
      const trimmed = value.trim();
      if (/^(?:javascript|vbscript|data|blob|file):/i.test(withoutControls(trimmed))) {
        if (!(node.tagName === 'img' && key === 'src' && /^data:image\/(?:png|gif|jpe?g|webp|avif);base64,/i.test(trimmed))) delete props[key];
        continue;
      }
      if (key === 'href' && node.tagName === 'a') continue; // links are not fetched
      if (REMOTE.test(trimmed)) {
        if (!options.externalContent) {
          if (node.tagName === 'img') return externalImagePlaceholder(props);
          delete props[key];
        }
        continue;
      }
      const mapped = mapLocal(trimmed, options);
      if (mapped !== null) props[key] = mapped;
    }
  });
  settleRegion(tree);
  return '<!DOCTYPE html>\n' + toHtml(tree, { closeSelfClosing: false }).replace(/^<!doctype html>\s*/i, '');
}

/** Browsers ignore tabs, newlines and control characters inside a URL's scheme (`java\tscript:`). */
function withoutControls(url: string): string {
  return [...url].filter((ch) => ch.charCodeAt(0) > 0x20).join('');
}

function secureLink(node: Element, options: DocumentOptions): Element | 'remove' {
  const props = node.properties;
  const rel = (Array.isArray(props.rel) ? props.rel : String(props.rel ?? '').split(/\s+/)).map((r) => String(r).toLowerCase());
  const href = typeof props.href === 'string' ? props.href.trim() : '';
  const fetched = rel.includes('stylesheet') || rel.includes('icon') || rel.includes('preload') || rel.includes('prefetch') || rel.includes('preconnect') || rel.includes('dns-prefetch') || rel.includes('modulepreload') || rel.includes('manifest');
  if (!fetched) return node;
  if (!rel.includes('stylesheet') && !rel.includes('icon')) return 'remove';
  if (/^(?:javascript|data|blob|file):/i.test(href)) return 'remove';
  if (REMOTE.test(href)) return options.externalContent ? node : 'remove';
  if (options.inlineStyle && rel.includes('stylesheet')) {
    const css = options.inlineStyle(sitePathOf(href, options.baseurl));
    if (css === null) return 'remove';
    return { type: 'element', tagName: 'style', properties: {}, children: [{ type: 'text', value: css }] };
  }
  const inlined = rel.includes('stylesheet') ? (options.inlineLinked?.(href) ?? null) : null;
  if (inlined !== null) return { type: 'element', tagName: 'style', properties: {}, children: [{ type: 'text', value: inlined }] };
  const mapped = mapLocal(href, options);
  if (mapped !== null) props.href = mapped;
  return node;
}

function sitePathOf(url: string, baseurl: string): string {
  const base = baseurl.replace(/\/+$/, '');
  const sitePath = base && (url === base || url.startsWith(base + '/')) ? url.slice(base.length) || '/' : url;
  return sitePath.split(/[?#]/)[0]!;
}

function mapLocal(url: string, options: DocumentOptions): string | null {
  if (!options.assetUrl || url === '' || url.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(url)) return null;
  if (!url.startsWith('/')) return null; // relative to the page's own folder: rare in layouts, left alone
  return options.assetUrl(sitePathOf(url, options.baseurl));
}

function externalImagePlaceholder(props: Properties): Element {
  const alt = typeof props.alt === 'string' && props.alt ? ` (${props.alt})` : '';
  return { type: 'element', tagName: 'span', properties: { className: ['recap-external-image'], role: 'img', ariaLabel: `External image not loaded${alt}` }, children: [{ type: 'text', value: 'External image not loaded' }] };
}

/** Recap's own styles for what it adds to a page (facades, placeholders). */
export const PAGE_ADDITIONS_CSS = `
.recap-embed-facade{display:flex;align-items:center;gap:.75em;box-sizing:border-box;max-width:100%;width:560px;aspect-ratio:16/9;padding:1em;border-radius:8px;background:#111;color:#fff!important;text-decoration:none!important;font:inherit}
.recap-embed-facade-play{flex:none;width:0;height:0;border-style:solid;border-width:.8em 0 .8em 1.4em;border-color:transparent transparent transparent #fff;margin-left:.5em}
.recap-embed-facade-label{font-weight:600}
.recap-external-image{display:inline-block;padding:1em;border:1px dashed currentColor;opacity:.7}
.recap-page-note{margin:0;padding:.5em 1em;background:#fff8c5;color:#3b3000;font:14px/1.4 system-ui,sans-serif}
`;
