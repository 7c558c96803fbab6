/**
 * unsafe-html: raw HTML that runs script or rewrites the page for readers:
 * inline or unknown scripts, on* handlers, javascript:/data: URLs, srcdoc
 * frames, plugins, forms, meta refreshes, base URLs, external stylesheets
 * and CSS that loads URLs. Provider embed scripts and the site's own
 * scripts, stylesheets and forms (same-site paths) are allowed.
 */
import { attribute, elementEnd, type HtmlTag } from '../../html/tags';
import { parseWebUrl } from '../../embeds/parse-url';
import { problemAt, type PostContext } from '../post-context';
import type { Problem } from '../types';
import { dangerousUrl } from './dangerous-url';
import { isEmbedScript } from './embed-scripts';

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'xlink:href', 'background', 'cite', 'longdesc', 'codebase', 'dynsrc', 'lowsrc', 'ping']);
const FORBIDDEN: Record<string, string> = {
  object: '<object> loads plugins and documents that can run script',
  embed: '<embed> loads plugins and documents that can run script',
  applet: '<applet> runs a Java plugin',
  form: '<form> can send readers’ input anywhere',
  meta: '<meta> can redirect or reconfigure the page',
  base: '<base> changes where every link on the page points',
  link: '<link> loads stylesheets or documents from elsewhere',
  frame: '<frame> loads another page into this one',
  frameset: '<frameset> replaces the page',
};
const EVENT_HANDLER = /^on[a-z]+$/;
const SVG_DATA_IMAGE = /^\s*data:image\/svg\+xml[;,]/i;
/** CSS that loads something; `url(#gradient)` (an SVG's own reference) and raster `data:` images load nothing from elsewhere. */
const CSS_LOADS = /url\s*\((?!\s*['"]?(?:#|data:image\/(?:png|gif|jpe?g|webp|avif)[;,]))|@import|expression\s*\(|behavior\s*:|-moz-binding/i;

export function checkUnsafeHtml(context: PostContext): Problem[] {
  const problems: Problem[] = [];
  const { tags, text } = context;
  for (const tag of tags) {
    if (tag.closing) continue;
    const report = (offset: number, length: number, why: string) => problems.push(problemAt(context, 'unsafe-html', offset, length, `Unsafe HTML: ${why}.`));

    if (tag.name === 'script') checkScript(tag, text, report);
    const forbidden = FORBIDDEN[tag.name];
    if (forbidden && !(tag.name === 'link' && isSameSiteStylesheet(tag)) && !(tag.name === 'form' && isSameSite(attribute(tag, 'action')?.value ?? ''))) report(tag.start, tag.end - tag.start, forbidden);
    if (tag.name === 'style') {
      const end = elementEnd(tags, tag) ?? tag.end;
      if (CSS_LOADS.test(text.slice(tag.end, end))) report(tag.start, end - tag.start, 'this <style> block loads URLs or runs CSS expressions');
    }
    for (const attr of tag.attributes) {
      const value = attr.value ?? '';
      // Event handlers are `on` + letters; `on:visible` (Eleventy's <is-land>, Astro) is a custom element's plain attribute.
      if (EVENT_HANDLER.test(attr.name)) {
        report(attr.start, attr.valueEnd - attr.start, `the ${attr.name} handler runs script`);
      } else if (attr.name === 'srcdoc') {
        report(attr.start, attr.valueEnd - attr.start, `<${tag.name} srcdoc> runs a whole inline page`);
      } else if (attr.name === 'style' && CSS_LOADS.test(value)) {
        report(attr.start, attr.valueEnd - attr.start, 'this style attribute loads a URL or runs a CSS expression');
      } else if (URL_ATTRIBUTES.has(attr.name) && attr.value !== null) {
        // A raster data: image is an image wherever an image is drawn: <img src>, an SVG's <image href> (v8.dev's inline tweet cards).
        const drawsImage = (tag.name === 'img' && attr.name === 'src') || (tag.name === 'image' && (attr.name === 'href' || attr.name === 'xlink:href'));
        // An SVG drawn as an image runs no script (browsers render it in secure mode), so data:image/svg+xml is safe there too.
        const danger = drawsImage && SVG_DATA_IMAGE.test(value) ? null : dangerousUrl(value, drawsImage);
        if (danger) report(attr.valueStart, attr.valueEnd - attr.valueStart, `${attr.name} on <${tag.name}>: ${danger}`);
      }
    }
  }
  return problems;
}

/** `<link rel="stylesheet" href="/css/x.css">`: the site's own stylesheet, which loads nothing from elsewhere. */
function isSameSiteStylesheet(tag: HtmlTag): boolean {
  const rel = (attribute(tag, 'rel')?.value ?? '').toLowerCase().split(/\s+/);
  return rel.includes('stylesheet') && isSameSite(attribute(tag, 'href')?.value ?? '');
}

/** A path on the site itself (`/scripts/chart.js`, `charts.js`): the site's own file, published with it. */
function isSameSite(url: string): boolean {
  const trimmed = url.trim();
  return trimmed !== '' && !/^[A-Za-z][A-Za-z0-9+.-]*:|^[/\\]{2}/.test(trimmed);
}

function checkScript(tag: HtmlTag, text: string, report: (offset: number, length: number, why: string) => void): void {
  const end = tag.rawText?.elementEnd ?? tag.end;
  const src = attribute(tag, 'src')?.value?.trim() ?? '';
  const inline = tag.rawText ? text.slice(tag.rawText.start, tag.rawText.end).trim() : '';
  if (inline) {
    report(tag.start, end - tag.start, 'an inline <script> runs on every reader’s machine');
  } else if (src && !isEmbedScript(src) && !isSameSite(src)) {
    const host = parseWebUrl(src)?.host;
    report(tag.start, end - tag.start, host ? `a <script> from ${host} runs on every reader’s machine` : 'this <script> runs on every reader’s machine');
  } else if (!src) {
    report(tag.start, end - tag.start, 'an empty <script> element');
  }
}
