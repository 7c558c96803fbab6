/**
 * The Page view's state in the main process (or browser-mode server): the
 * last rendered documents, held in memory by id for the frame to load, the
 * compiled stylesheets, and the guarded route for the site's assets (CSS,
 * fonts, images only; confined to the folder, symlinks resolved). Both doors
 * serve from here: `page/<id>` and `page-assets/<site path>`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { RecapError } from '../../../shared/errors';
import type { Site } from '../../../shared/model';
import { PAGE_ADDITIONS_PATH, PAGE_ASSET_ROUTE, type PagePreview } from '../../../shared/page/page-preview';
import { contentTypeFor, imageContentTypeFor } from '../../../shared/media/content-types';
import { resolveInside } from '../documents/confine';
import { CompiledCssStore } from './compiled-css-store';
import { JekyllSiteCache } from './jekyll-site-cache';
import { PAGE_ADDITIONS_CSS } from './page-safety';
import { PATCHER_HASH, withPatcher } from './page-patcher';
import { renderPage, type RenderedPage } from './render-page';
import { prepareJekyllSite } from './render-jekyll';
import { loadSass } from './site-styles';

const KEPT_PAGES = 8;
/** After the site opens: the window has drawn its list by then. */
const PREPARE_AFTER_MS = 1500;
const PREPARE_MAX_POSTS = 2000;
const FONT_TYPES = new Set(['.woff', '.woff2', '.ttf', '.otf']);

export interface StoredPage {
  html: string;
  externalContent: boolean;
  /** CSP hash sources of the stylesheets Recap put in the document as <style>: only these may apply, not a template's own. */
  styleHashes: string[];
  /** CSP hash sources of the scripts that may run: Recap's patcher only (it keeps links from moving the frame, and patches the content region). */
  scriptHashes: string[];
}

/** `etag` lets a frame that loads again revalidate instead of downloading (each render is a new frame document). */
export type PageAsset = { ok: true; type: string; body: Buffer | string; font: boolean; etag: string } | { ok: false; status: 400 | 403 | 404 };

/** Where a generator publishes its static files from, besides the root. */
const STATIC_DIRS: Record<Site['kind'], string[]> = {
  jekyll: [''],
  hugo: ['static', ''],
  zola: ['static', ''],
  astro: ['public', ''],
  eleventy: ['', 'public', 'src'],
  unknown: [''],
};

export class PageService {
  private readonly pages = new Map<string, StoredPage>();
  private styles = new Map<string, string>();
  private site: Site | null = null;
  private readonly jekyll: JekyllSiteCache;

  /** `stateDir`: the per-user state folder, where compiled Sass is kept between runs. */
  constructor(options: { stateDir?: string | null } = {}) {
    this.jekyll = new JekyllSiteCache(options.stateDir ? { cssStore: new CompiledCssStore(options.stateDir) } : {});
  }

  /**
   * After a Jekyll site opens, in a quiet moment (late enough never to hold
   * up the first screen): reads the site and compiles its Sass, so its first
   * Page only renders. A big site (`posts` over PREPARE_MAX_POSTS) is not
   * read ahead, only the `sass` package loaded: its posts would sit in memory
   * before anyone asked for a page.
   */
  prepare(site: Site, posts: number): void {
    if (site.kind !== 'jekyll') return;
    const timer = setTimeout(() => {
      const ahead = posts <= PREPARE_MAX_POSTS ? prepareJekyllSite(site.root, this.jekyll) : loadSass();
      void ahead.catch(() => undefined);
    }, PREPARE_AFTER_MS);
    timer.unref();
  }

  /** Renders the post for the frame: `assets` URLs are relative to `page/<id>`. */
  async render(site: Site, postPath: string, text: string, externalContent: boolean): Promise<PagePreview & { rendered?: RenderedPage }> {
    let rendered: RenderedPage;
    try {
      rendered = await renderPage(site, postPath, text, { externalContent, cache: this.jekyll, inlineCompiledStyles: true, assets: (sitePath) => `../${PAGE_ASSET_ROUTE}${encodePath(sitePath)}` });
    } catch (error) {
      if (error instanceof RecapError && error.code === 'refused') return { status: 'unavailable', reason: error.message };
      throw error;
    }
    if (this.site?.root !== site.root) this.styles = new Map();
    this.site = site;
    for (const style of rendered.styles) this.styles.set(style.url, style.css);
    const pageId = randomBytes(8).toString('hex');
    const { region } = rendered;
    this.pages.set(pageId, {
      html: withPatcher(rendered.html),
      externalContent,
      styleHashes: rendered.inlineStyles.map(styleHash),
      scriptHashes: [PATCHER_HASH],
    });
    while (this.pages.size > KEPT_PAGES) this.pages.delete(this.pages.keys().next().value!);
    // The shell's name covers what the frame was loaded with besides the markup: external content on or off.
    const patch = region ? { shell: createHash('sha1').update(`${externalContent}\0${region.shell}`).digest('base64url'), html: region.content } : null;
    return { status: 'page', pageId, layoutsRendered: rendered.layoutsRendered, note: rendered.note, anchors: rendered.anchors, patch, ms: rendered.ms, rendered };
  }

  page(id: string): StoredPage | null {
    return /^[0-9a-f]{16}$/.test(id) ? (this.pages.get(id) ?? null) : null;
  }

  /** `encodedPath`: the URL path after `page-assets/`, still percent-encoded. */
  async asset(site: Site | null, encodedPath: string): Promise<PageAsset> {
    let relative: string;
    try {
      relative = decodeURIComponent(encodedPath);
    } catch {
      return { ok: false, status: 400 };
    }
    if (relative.includes('\0') || relative.includes('\\')) return { ok: false, status: 400 };
    const sitePath = '/' + relative;
    if (sitePath === PAGE_ADDITIONS_PATH) return { ok: true, type: 'text/css; charset=utf-8', body: PAGE_ADDITIONS_CSS, font: false, etag: etagOf(PAGE_ADDITIONS_CSS) };
    if (!site) return { ok: false, status: 404 };
    const compiled = this.site?.root === site.root ? this.styles.get(sitePath) : undefined;
    if (compiled !== undefined) return { ok: true, type: 'text/css; charset=utf-8', body: compiled, font: false, etag: etagOf(compiled) };
    const segments = relative.split('/');
    // Hidden folders (.git, .env…) and `..` are refused outright; only what a page loads is served.
    if (segments.some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.'))) return { ok: false, status: 403 };
    const ext = path.extname(relative).toLowerCase();
    const font = FONT_TYPES.has(ext);
    const type = imageContentTypeFor(relative) ?? (ext === '.css' || font ? contentTypeFor(relative) : null);
    if (!type) return { ok: false, status: 403 };
    for (const dir of STATIC_DIRS[site.kind]) {
      let file: string;
      try {
        file = await resolveInside(site.root, dir ? `${dir}/${relative}` : relative);
      } catch (error) {
        if (error instanceof RecapError && error.code === 'outside-folder') return { ok: false, status: 403 };
        continue;
      }
      try {
        const info = await stat(file);
        if (!info.isFile()) continue;
        return { ok: true, type, body: await readFile(file), font, etag: `"${info.size.toString(36)}-${Math.round(info.mtimeMs).toString(36)}"` };
      } catch {
        continue;
      }
    }
    return { ok: false, status: 404 };
  }
}

function styleHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
}

function etagOf(text: string): string {
  return `"${createHash('sha1').update(text).digest('base64url').slice(0, 16)}"`;
}

function encodePath(sitePath: string): string {
  return sitePath.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/');
}

/**
 * The frame's own policy: no script runs but Recap's patcher, by its hash,
 * when the page has one (`sandbox` without allow-same-origin, plus
 * allow-scripts only then); styles, images and fonts only from Recap
 * (`origins`), plus https: once external content is allowed; inline only
 * the stylesheets Recap itself put there (`styleHashes`).
 */
export function pageContentSecurityPolicy(origins: readonly string[], page: Pick<StoredPage, 'externalContent' | 'styleHashes' | 'scriptHashes'>): string {
  const from = ["'self'", ...origins, ...(page.externalContent ? ['https:'] : [])].join(' ');
  const scripts = page.scriptHashes.length > 0;
  return [
    "default-src 'none'",
    ...(scripts ? [`script-src ${page.scriptHashes.join(' ')}`] : []),
    `style-src ${[from, ...page.styleHashes].join(' ')}`,
    `img-src ${from} data:`,
    `font-src ${from} data:`,
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors 'self' ${origins.join(' ')}`,
    scripts ? 'sandbox allow-scripts' : 'sandbox',
  ].join('; ');
}

export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** Site assets are revalidated (ETag) rather than kept or re-sent: an edited stylesheet or image shows on the next render. */
export const PAGE_ASSET_CACHE = 'no-cache';
/** Stylesheets linked with `?v=<hash of their content>` never change under that URL. */
export const PAGE_VERSIONED_CACHE = 'private, max-age=31536000, immutable';

export function pageAssetCache(requestUrl: string): string {
  return /[?&]v=[\w-]+/.test(requestUrl) ? PAGE_VERSIONED_CACHE : PAGE_ASSET_CACHE;
}
